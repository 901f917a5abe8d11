package ru.metodichka.search;

import static ru.metodichka.search.index.IndexedFields.BODY;
import static ru.metodichka.search.index.IndexedFields.TITLE;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import ru.metodichka.search.index.IndexedFields;
import ru.metodichka.search.index.SearchAnalyzers;

/** Turns matching documents into {@link SearchResult.Hit}s with highlighted title and snippet. */
final class HitReader {
  private static final Set<String> SHOWN =
      Set.of(
          IndexedFields.KEY,
          IndexedFields.COMMUNITY,
          IndexedFields.COMMUNITY_NAME,
          IndexedFields.SLUG,
          TITLE,
          IndexedFields.KIND,
          IndexedFields.STATUS,
          IndexedFields.UPDATED_AT,
          IndexedFields.PUBLISHED_AT,
          IndexedFields.AUTHORS,
          IndexedFields.FILE_NAMES);

  /** Passages longer than a couple of lines are cut around the first match. */
  static final int SNIPPET_CHARS = 240;

  private final Analyzer analyzer = SearchAnalyzers.perField();

  /** The merged field infos of the last reader searched (they change only with the reader). */
  private volatile ReaderFields lastReader;

  private record ReaderFields(IndexReader reader, FieldInfos fieldInfos) {}

  List<SearchResult.Hit> read(IndexSearcher searcher, Query query, ScoreDoc[] docs)
      throws IOException {
    if (docs.length == 0) {
      return List.of();
    }
    int[] ids = new int[docs.length];
    for (int i = 0; i < docs.length; i++) {
      ids[i] = docs[i].doc;
    }
    HitHighlighter highlighter =
        new HitHighlighter(searcher, analyzer, SHOWN, fieldInfos(searcher.getIndexReader()));
    Map<String, String[]> marked =
        highlighter.highlightFields(
            new String[] {TITLE, BODY, IndexedFields.FILES}, query, ids, new int[] {1, 2, 1});
    String[] titles = marked.get(TITLE);
    String[] bodies = marked.get(BODY);
    String[] files = marked.get(IndexedFields.FILES);
    StoredFields stored = searcher.storedFields();
    List<SearchResult.Hit> hits = new ArrayList<>(docs.length);
    for (int i = 0; i < docs.length; i++) {
      Document doc = highlighter.stored(ids[i]);
      if (doc == null) {
        doc = stored.document(ids[i], SHOWN);
      }
      String title = doc.get(TITLE);
      String titleHtml = titles[i] != null ? titles[i] : Snippets.escape(title);
      String snippet = bodies[i] != null ? Snippets.trim(bodies[i], SNIPPET_CHARS) : "";
      if (!snippet.contains("<mark>") && files[i] != null && files[i].contains("<mark>")) {
        snippet = FileSnippets.inFile(doc, files[i], SNIPPET_CHARS);
      }
      hits.add(hit(doc, titleHtml, snippet, docs[i].score));
    }
    return hits;
  }

  private FieldInfos fieldInfos(IndexReader reader) {
    ReaderFields last = lastReader;
    if (last == null || last.reader() != reader) {
      last = new ReaderFields(reader, FieldInfos.getMergedFieldInfos(reader));
      lastReader = last;
    }
    return last.fieldInfos();
  }

  /** Hits without highlighting (autocomplete, similar pages). */
  static List<SearchResult.Hit> plain(IndexSearcher searcher, ScoreDoc[] docs) throws IOException {
    StoredFields stored = searcher.storedFields();
    List<SearchResult.Hit> hits = new ArrayList<>(docs.length);
    for (ScoreDoc scoreDoc : docs) {
      Document doc = stored.document(scoreDoc.doc, SHOWN);
      hits.add(hit(doc, Snippets.escape(doc.get(TITLE)), "", scoreDoc.score));
    }
    return hits;
  }

  private static SearchResult.Hit hit(Document doc, String titleHtml, String snippet, float score) {
    return new SearchResult.Hit(
        doc.get(IndexedFields.KEY),
        doc.get(IndexedFields.COMMUNITY),
        doc.get(IndexedFields.COMMUNITY_NAME),
        doc.get(IndexedFields.SLUG),
        doc.get(TITLE),
        titleHtml,
        doc.get(IndexedFields.KIND),
        doc.get(IndexedFields.STATUS),
        snippet,
        time(doc, IndexedFields.UPDATED_AT),
        time(doc, IndexedFields.PUBLISHED_AT),
        List.of(doc.getValues(IndexedFields.AUTHORS)),
        score);
  }

  private static Instant time(Document doc, String field) {
    var value = doc.getField(field);
    return value == null ? null : Instant.ofEpochMilli(value.numericValue().longValue());
  }
}
