package ru.metodichka.search.index;

import java.util.Set;

/**
 * What a round of the indexer changed, as its listeners learn it (see {@link Indexer#onChange}):
 * changes made through any server of the database, once searches see them.
 *
 * @param pageIds the pages whose content, title, status or address changed (view counts are not
 *     told)
 * @param listingsChanged a page entered or left the public, or a public page's title or address
 *     changed, or a community's structure changed, or the whole index was rebuilt: what other pages
 *     show about it (similar materials, backlinks, breadcrumbs and neighbours) may be different now
 */
public record IndexChanges(Set<Long> pageIds, boolean listingsChanged) {
  public IndexChanges {
    pageIds = Set.copyOf(pageIds);
  }

  /** After a rebuild: anything may have changed. */
  static IndexChanges everything() {
    return new IndexChanges(Set.of(), true);
  }

  boolean isEmpty() {
    return pageIds.isEmpty() && !listingsChanged;
  }
}
