package ru.metodichka.search;

import java.util.Set;

/**
 * Who is searching. Anonymous visitors see published pages only; a member also sees the drafts (and
 * pages in review) of the communities they belong to. Applied as a filter clause inside the Lucene
 * query, so totals, facets and paging never count what the searcher may not see.
 */
public sealed interface Access {

  /** A visitor who is not logged in, or a user who belongs to no community. */
  static Access anonymous() {
    return new Anonymous();
  }

  /** A logged-in user with the ids of the communities they are an active member of. */
  static Access member(Set<Long> communityIds) {
    return communityIds.isEmpty() ? new Anonymous() : new Member(Set.copyOf(communityIds));
  }

  /** Only published pages. */
  record Anonymous() implements Access {}

  /** Published pages everywhere plus unpublished, unarchived pages of these communities. */
  record Member(Set<Long> communityIds) implements Access {}
}
