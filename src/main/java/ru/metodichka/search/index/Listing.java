package ru.metodichka.search.index;

/**
 * How a published page appears in what other pages show about it (similar materials, backlinks,
 * search results): its address and title. A page that is not published has none.
 */
record Listing(String communitySlug, String pageSlug, String title) {

  /** The listing of a page in this state, or null when it is not published. */
  static Listing of(String status, String communitySlug, String pageSlug, String title) {
    return IndexedFields.PUBLISHED.equals(status)
        ? new Listing(communitySlug, pageSlug, title)
        : null;
  }
}
