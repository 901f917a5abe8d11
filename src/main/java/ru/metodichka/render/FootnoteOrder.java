package ru.metodichka.render;

import com.vladsch.flexmark.ext.footnotes.Footnote;
import com.vladsch.flexmark.ext.footnotes.FootnoteBlock;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Numbers footnotes by their first reference, as readers expect. flexmark 0.64.8 records the offset
 * of the <em>last</em> reference as the "first" one, so in "A[^a] B[^b] C[^a]" note a was numbered
 * 2. Its renderer sorts by that offset when rendering starts; this puts the right offset in place
 * after parsing, before rendering.
 */
final class FootnoteOrder {
  private FootnoteOrder() {}

  static void fix(Document document) {
    // Order only matters from two notes on; most pages have none, and skip the walk.
    if (FootnoteExtension.FOOTNOTES.get(document).getReferencedFootnoteBlocks().size() < 2) {
      return;
    }
    Set<FootnoteBlock> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    new NodeVisitor(
            new VisitHandler<>(
                Footnote.class,
                footnote -> {
                  FootnoteBlock block = footnote.getFootnoteBlock();
                  // The visitor walks in document order: the first reference seen is the first.
                  if (block != null && seen.add(block)) {
                    block.setFirstReferenceOffset(footnote.getStartOffset());
                  }
                }))
        .visit(document);
  }
}
