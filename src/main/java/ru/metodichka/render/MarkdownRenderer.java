package ru.metodichka.render;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Markdown to safe HTML: flexmark (CommonMark with GFM tables, strikethrough, task lists,
 * autolinks, footnotes, heading ids and wiki links), then {@link HtmlPolicy}. Thread-safe: build
 * once and reuse for pages, previews and exports.
 */
public final class MarkdownRenderer {
  private final Parser parser;
  private final HtmlRenderer renderer;

  public MarkdownRenderer() {
    MutableDataSet options =
        new MutableDataSet()
            .set(
                Parser.EXTENSIONS,
                List.of(
                    TablesExtension.create(),
                    StrikethroughExtension.create(),
                    TaskListExtension.create(),
                    AutolinkExtension.create(),
                    FootnoteExtension.create(),
                    WikiLinkExtension.create()))
            // [[Target|text]]: the target first, as in MediaWiki, which teachers are most likely to
            // know.
            .set(WikiLinkExtension.LINK_FIRST_SYNTAX, true)
            .set(WikiLinkExtension.ALLOW_ANCHORS, false)
            .set(TablesExtension.COLUMN_SPANS, false)
            .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
            .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
            .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
            .set(HtmlRenderer.GENERATE_HEADER_ID, true)
            .set(HtmlRenderer.RENDER_HEADER_ID, true)
            .set(HtmlRenderer.SOFT_BREAK, "\n");
    this.parser = Parser.builder(options).build();
    this.renderer =
        HtmlRenderer.builder(options)
            .nodeRendererFactory(options1 -> new WikiLinkNodeRenderer())
            .build();
  }

  /** Renders and sanitises. Never returns unsafe HTML, whatever the input. */
  public String render(String markdown, WikiLinkResolver resolver) {
    Document document = parser.parse(markdown);
    document.set(WikiLinkNodeRenderer.RESOLVER, resolver);
    return HtmlPolicy.sanitize(renderer.render(document));
  }

  /** Distinct wiki links in order of first appearance (links inside code are not links). */
  public List<WikiLink> wikiLinks(String markdown) {
    Set<WikiLink> links = new LinkedHashSet<>();
    NodeVisitor visitor =
        new NodeVisitor(
            new VisitHandler<>(
                com.vladsch.flexmark.ext.wikilink.WikiLink.class,
                node -> {
                  WikiLink link = WikiLink.parse(node.getLink().toString());
                  if (!link.target().isEmpty()) {
                    links.add(link);
                  }
                }));
    visitor.visit(parser.parse(markdown));
    return new ArrayList<>(links);
  }
}
