package ru.metodichka.search;

import static ru.metodichka.search.index.IndexedFields.TITLE;

import java.io.IOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DocumentStoredFieldVisitor;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

/**
 * Highlights the title (whole) and the body (passages of about half a snippet) of a page of hits in
 * one pass, with the match offsets read from the postings. While it loads the texts it keeps the
 * other displayed fields of each hit, so a hit's stored document is decompressed once, not three
 * times (title, body, shown fields). One instance per search; not thread-safe.
 */
final class HitHighlighter extends UnifiedHighlighter {
  /** Matches beyond this many characters of a body are not looked for. */
  private static final int MAX_HIGHLIGHT_CHARS = 100_000;

  private static final PassageScorer SCORER = new LightPassageScorer();

  private final Set<String> shown;
  private final Map<Integer, Document> loaded = new HashMap<>();

  /**
   * @param fieldInfos the searcher's reader's merged field infos: the highlighter would merge every
   *     segment's for each search (3 % of a search's time), they change only with the reader
   */
  HitHighlighter(
      IndexSearcher searcher, Analyzer analyzer, Set<String> shown, FieldInfos fieldInfos) {
    super(
        UnifiedHighlighter.builder(searcher, analyzer)
            // HTML-escaped text with the matches in <mark>: safe to put into a page as is.
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
            .withMaxLength(MAX_HIGHLIGHT_CHARS)
            .withHandleMultiTermQuery(true)
            .withHighlightPhrasesStrictly(true));
    this.shown = shown;
    this.fieldInfos = fieldInfos;
  }

  @Override
  protected PassageScorer getScorer(String field) {
    return SCORER;
  }

  @Override
  protected BreakIterator getBreakIterator(String field) {
    if (TITLE.equals(field)) {
      return new WholeBreakIterator();
    }
    return LengthGoalBreakIterator.createClosestToLength(
        new SentenceBreaks(), HitReader.SNIPPET_CHARS / 2, 0.5f);
  }

  /** The stored fields of a highlighted hit, or null when the highlighter did not load it. */
  Document stored(int doc) {
    return loaded.get(doc);
  }

  /**
   * Loads the highlighted fields like the default (docs in order, in batches of about {@code
   * cacheCharsThreshold} characters), reading the shown fields in the same visit.
   */
  @Override
  protected List<CharSequence[]> loadFieldValues(
      String[] fields, DocIdSetIterator docIter, int cacheCharsThreshold) throws IOException {
    List<CharSequence[]> values = new ArrayList<>();
    StoredFields storedFields = searcher.storedFields();
    Set<String> wanted = new HashSet<>(shown);
    wanted.addAll(List.of(fields));
    int chars = 0;
    for (int doc = docIter.nextDoc();
        doc != DocIdSetIterator.NO_MORE_DOCS;
        doc = docIter.nextDoc()) {
      DocumentStoredFieldVisitor visitor = new DocumentStoredFieldVisitor(wanted);
      storedFields.document(doc, visitor);
      Document document = visitor.getDocument();
      loaded.put(doc, document);
      CharSequence[] row = new CharSequence[fields.length];
      for (int i = 0; i < fields.length; i++) {
        // Several values (the attached files' texts) join as the highlighter joins them.
        String[] all = document.getValues(fields[i]);
        row[i] =
            all.length <= 1
                ? cut(document.get(fields[i]))
                : cut(String.join(String.valueOf(MULTIVAL_SEP_CHAR), all));
        chars += row[i] == null ? 0 : row[i].length();
      }
      values.add(row);
      if (cacheCharsThreshold == 0 || chars > cacheCharsThreshold) {
        break;
      }
    }
    return values;
  }

  private static String cut(String value) {
    return value == null || value.length() <= MAX_HIGHLIGHT_CHARS
        ? value
        : value.substring(0, MAX_HIGHLIGHT_CHARS);
  }
}
