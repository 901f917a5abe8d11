package ru.metodichka.search;

import java.util.Set;

/**
 * What the searcher may find, by the rule every reader of pages applies ({@code page.Visibility}):
 * published pages everywhere, and every page of the communities the searcher is an insider of
 * (member, moderator; administrators of all) — except archived pages, which search leaves out for
 * everyone. Made by {@link SearchScopeRepository}; applied as a filter clause inside the Lucene
 * query ({@link Queries#access}), so totals, facets, paging, suggestions and similar materials
 * never count what the searcher may not see.
 */
public sealed interface SearchScope {

  /** A visitor who is not logged in, or a user who is an insider of no community. */
  static SearchScope anonymous() {
    return new Anonymous();
  }

  /** A logged-in user with the ids of the communities they are an insider of. */
  static SearchScope member(Set<Long> communityIds) {
    return communityIds.isEmpty() ? new Anonymous() : new Member(Set.copyOf(communityIds));
  }

  /** Only published pages. */
  record Anonymous() implements SearchScope {}

  /** Published pages everywhere plus unpublished, unarchived pages of these communities. */
  record Member(Set<Long> communityIds) implements SearchScope {}
}
