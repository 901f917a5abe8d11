package ru.metodichka.search.index;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import ru.metodichka.render.PlainText;

/**
 * One page as the search index sees it: what is searched (title, plain-text body), what is filtered
 * and counted (kind, status, community, subjects, levels, licence, year), what is sorted on
 * (newest, views) and what a hit shows besides its title and snippet (dates, authors). The indexer
 * builds it from the page's current revision.
 *
 * @param key the page's stable identity as text (the indexer uses the page id); upserts and deletes
 *     go by it
 * @param communityId the community's id, matched against the searcher's scope
 * @param body plain text, see {@link PlainText#of}
 * @param year the material's year, or null when unknown
 * @param publishedAt when the page was published, or null for a page never published
 * @param updatedAt the time of the current revision
 * @param authors the display names of everyone who wrote a revision of the page, in the order of
 *     their first revision
 */
public record SearchDocument(
    String key,
    long communityId,
    String communitySlug,
    String communityName,
    String pageSlug,
    String title,
    String kind,
    String status,
    String body,
    List<String> subjects,
    List<String> levels,
    String licence,
    Integer year,
    Instant publishedAt,
    Instant updatedAt,
    long views,
    List<String> authors) {

  public SearchDocument {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(communitySlug, "communitySlug");
    Objects.requireNonNull(pageSlug, "pageSlug");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(updatedAt, "updatedAt");
    communityName = communityName == null ? communitySlug : communityName;
    title = title == null ? "" : title;
    body = body == null ? "" : body;
    subjects = subjects == null ? List.of() : List.copyOf(subjects);
    levels = levels == null ? List.of() : List.copyOf(levels);
    authors = authors == null ? List.of() : List.copyOf(authors);
  }

  /** The time «newest» sorts by: publication, else the last change. */
  Instant newest() {
    return publishedAt != null ? publishedAt : updatedAt;
  }
}
