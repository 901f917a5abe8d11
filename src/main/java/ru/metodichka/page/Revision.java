package ru.metodichka.page;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import ru.metodichka.auth.Person;

/**
 * One immutable version of a page.
 *
 * @param resolvedConflictWith the revision whose conflict with its author this one settled, or null
 */
public record Revision(
    long id,
    long pageId,
    int number,
    Integer baseNumber,
    Person author,
    OffsetDateTime createdAt,
    String summary,
    String title,
    String kind,
    String markdown,
    boolean merged,
    Integer revertedFrom,
    Metadata metadata,
    Integer resolvedConflictWith) {

  static final String COLUMNS =
      """
      r.id, r.page_id, r.number, r.base_number, u.login, u.display_name, r.created_at, r.summary,
      r.title, r.kind, r.markdown, r.merged, r.reverted_from, r.metadata, r.resolved_conflict_with
      """;

  /** The text before a page's first revision, used as the base when two people create one page. */
  static Revision nothing(long pageId) {
    return new Revision(
        0,
        pageId,
        0,
        null,
        new Person("", ""),
        null,
        "",
        "",
        ResultKind.ARTICLE.code(),
        "",
        false,
        null,
        Metadata.EMPTY,
        null);
  }

  static Revision from(Row row) {
    return new Revision(
        row.getLong("id"),
        row.getLong("page_id"),
        row.getInteger("number"),
        row.getInteger("base_number"),
        new Person(row.getString("login"), row.getString("display_name")),
        row.getOffsetDateTime("created_at"),
        row.getString("summary"),
        row.getString("title"),
        row.getString("kind"),
        row.getString("markdown"),
        row.getBoolean("merged"),
        row.getInteger("reverted_from"),
        Metadata.fromJson((JsonObject) row.getValue("metadata")),
        row.getInteger("resolved_conflict_with"));
  }
}
