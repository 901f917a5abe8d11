package ru.metodichka.search.index;

import io.vertx.sqlclient.SqlConnection;
import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;

/**
 * Writes a round's changed pages into the index, a batch at a time, and tells what changed for the
 * readers of other pages: whether a page entered or left the public, or a public page's title or
 * address changed, compared with what searches saw before the round. Blocking; the indexer's thread
 * calls it.
 */
final class ChangedPages {
  private static final Set<String> LISTING_FIELDS =
      Set.of(
          IndexedFields.STATUS, IndexedFields.COMMUNITY, IndexedFields.SLUG, IndexedFields.TITLE);

  private ChangedPages() {}

  /**
   * Writes each page as it is now (a page without a revision any more is removed), without
   * refreshing searches.
   *
   * @param betweenBatches runs before each batch; it may throw to stop the round
   */
  static IndexChanges write(
      SqlConnection conn, SearchIndex index, List<Long> changed, Runnable betweenBatches)
      throws IOException {
    boolean listingsChanged = false;
    for (int from = 0; from < changed.size(); from += IndexSource.BATCH) {
      betweenBatches.run();
      List<Long> ids = changed.subList(from, Math.min(changed.size(), from + IndexSource.BATCH));
      // A page's public listing is its public document's: keyed by the bare page id.
      List<String> keys = ids.stream().map(String::valueOf).toList();
      Map<String, Listing> before = listings(index, keys);
      List<IndexSource.PageRow> pages = IndexSource.pages(conn, ids);
      List<IndexSource.PageVersion> versions = IndexSource.versions(pages);
      index.writeAll(versions, IndexSource.PageVersion::toDocument);
      Set<String> written = new HashSet<>();
      versions.forEach(version -> written.add(version.key()));
      Map<Long, IndexSource.PageRow> byId = new HashMap<>();
      pages.forEach(page -> byId.put(page.id(), page));
      for (Long id : ids) {
        String key = Long.toString(id);
        IndexSource.PageRow page = byId.get(id);
        listingsChanged |= !Objects.equals(before.get(key), page == null ? null : page.listing());
        // Whichever of its two documents the page no longer has goes.
        for (SearchDocument.Audience audience : SearchDocument.Audience.values()) {
          String documentKey = SearchDocument.keyOf(id, audience);
          if (!written.contains(documentKey)) {
            index.remove(documentKey);
          }
        }
      }
    }
    return new IndexChanges(new HashSet<>(changed), listingsChanged);
  }

  /**
   * How searches see these pages now, as {@link Listing}s; pages that are not indexed or not
   * published are absent from the answer.
   */
  static Map<String, Listing> listings(SearchIndex index, Collection<String> keys)
      throws IOException {
    Map<String, Listing> found = new HashMap<>();
    IndexSearcher searcher = index.acquire();
    try {
      StoredFields stored = searcher.storedFields();
      for (String key : keys) {
        TopDocs top = searcher.search(new TermQuery(new Term(IndexedFields.KEY, key)), 1);
        if (top.scoreDocs.length > 0) {
          Document doc = stored.document(top.scoreDocs[0].doc, LISTING_FIELDS);
          Listing listing =
              Listing.of(
                  doc.get(IndexedFields.STATUS),
                  doc.get(IndexedFields.COMMUNITY),
                  doc.get(IndexedFields.SLUG),
                  doc.get(IndexedFields.TITLE));
          if (listing != null) {
            found.put(key, listing);
          }
        }
      }
    } finally {
      index.release(searcher);
    }
    return found;
  }
}
