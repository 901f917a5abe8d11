package ru.metodichka.search.index;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import ru.metodichka.render.PlainText;

/**
 * One version of a page as the search index sees it: what is searched (title, plain-text body),
 * what is filtered and counted (kind, status, community, subjects, levels, licence, year), what is
 * sorted on (newest, views) and what a hit shows besides its title and snippet (dates, authors).
 *
 * <p>A page has up to two documents, because the public and the page's community read different
 * revisions ({@code page.Visibility}): the {@linkplain Audience#PUBLIC public} one is a published
 * page's reviewed revision, which everyone may find; the {@linkplain Audience#INSIDERS insiders'}
 * one is the latest revision, which only the community's insiders may find — a page not published,
 * or a published page with edits not yet reviewed (its public document is then {@code shadowed}:
 * those insiders find the latest text instead).
 *
 * @param pageId the page's id, the same in both of its documents
 * @param communityId the community's id, matched against the searcher's scope
 * @param body plain text, see {@link PlainText#of}
 * @param year the material's year, or null when unknown
 * @param publishedAt when the page was published, or null for a page never published
 * @param updatedAt the time of the revision indexed
 * @param authors the display names of everyone who wrote a revision up to the one indexed, in the
 *     order of their first revision
 * @param shadowed for a public document: the page also has an insiders' one
 * @param files the text of the page's attached files (not hidden, extracted), by file name
 */
public record SearchDocument(
    long pageId,
    Audience audience,
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
    List<String> authors,
    boolean shadowed,
    List<FileText> files) {

  /** The text extracted from one of the page's attached files, searched with the page. */
  public record FileText(String name, String text) {}

  /** A document without attached files' text. */
  public SearchDocument(
      long pageId,
      Audience audience,
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
      List<String> authors,
      boolean shadowed) {
    this(
        pageId,
        audience,
        communityId,
        communitySlug,
        communityName,
        pageSlug,
        title,
        kind,
        status,
        body,
        subjects,
        levels,
        licence,
        year,
        publishedAt,
        updatedAt,
        views,
        authors,
        shadowed,
        List.of());
  }

  /** Who may find a document. */
  public enum Audience {
    /** Everyone: a published page's reviewed revision. */
    PUBLIC,
    /** The page's community's insiders: its latest revision. */
    INSIDERS
  }

  public SearchDocument {
    Objects.requireNonNull(audience, "audience");
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
    files = files == null ? List.of() : List.copyOf(files);
  }

  /**
   * The document's identity: the page id for the public document, the page id and {@code i} for the
   * insiders' one; upserts and deletes go by it.
   */
  public String key() {
    return keyOf(pageId, audience);
  }

  public static String keyOf(long pageId, Audience audience) {
    return audience == Audience.PUBLIC ? Long.toString(pageId) : pageId + "i";
  }

  /** The time «newest» sorts by: publication, else the last change. */
  Instant newest() {
    return publishedAt != null ? publishedAt : updatedAt;
  }
}
