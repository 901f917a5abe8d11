package ru.metodichka.comment;

import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import ru.metodichka.auth.Person;

/**
 * A comment under a page, as stored: its latest text (earlier ones are in {@code
 * comment_versions}), and whether its author deleted it or a moderator hid it.
 *
 * @param parentId the top-level comment this one replies to, or null for a top-level comment
 */
public record Comment(
    long id,
    long pageId,
    Long parentId,
    long authorId,
    Person author,
    String markdown,
    int version,
    OffsetDateTime createdAt,
    OffsetDateTime editedAt,
    OffsetDateTime deletedAt,
    OffsetDateTime hiddenAt,
    String hiddenReason) {

  static final String COLUMNS =
      """
      cm.id, cm.page_id, cm.parent_id, cm.author_id, u.login, u.display_name, cm.markdown,
      cm.version, cm.created_at, cm.edited_at, cm.deleted_at, cm.hidden_at, cm.hidden_reason
      """;

  /** What readers see of a comment. */
  public enum State {
    /** Shown to everyone who may read the page. */
    VISIBLE,
    /** Deleted by its author: «комментарий удалён», for everyone. */
    DELETED,
    /** Hidden by a moderator: its text only for the community's moderators. */
    HIDDEN;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public State state() {
    if (deletedAt != null) {
      return State.DELETED;
    }
    return hiddenAt != null ? State.HIDDEN : State.VISIBLE;
  }

  public boolean reply() {
    return parentId != null;
  }

  static Comment from(Row r) {
    return new Comment(
        r.getLong("id"),
        r.getLong("page_id"),
        r.getLong("parent_id"),
        r.getLong("author_id"),
        new Person(r.getString("login"), r.getString("display_name")),
        r.getString("markdown"),
        r.getInteger("version"),
        r.getOffsetDateTime("created_at"),
        r.getOffsetDateTime("edited_at"),
        r.getOffsetDateTime("deleted_at"),
        r.getOffsetDateTime("hidden_at"),
        r.getString("hidden_reason"));
  }
}
