package ru.metodichka.report;

import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import ru.metodichka.auth.Person;

/**
 * An ethics report (§3) and, once resolved, its outcome.
 *
 * @param revision the reported revision (a report on a revision), or null
 * @param commentId the reported comment (a report on a comment), or null
 * @param action null while open; {@code dismissed}, {@code hidden} or {@code reverted}
 */
public record Report(
    long id,
    Person reporter,
    String community,
    String communityName,
    long pageId,
    String slug,
    String pageTitle,
    String targetKind,
    Integer revision,
    Long commentId,
    String reason,
    String text,
    OffsetDateTime createdAt,
    String status,
    String action,
    String note,
    Person resolvedBy,
    OffsetDateTime resolvedAt,
    long reporterId,
    long communityId) {

  static final String COLUMNS =
      """
      rp.id, reporter.login AS reporter_login, reporter.display_name AS reporter_name,
      c.slug AS community, c.name AS community_name, p.id AS page_id, p.slug, p.title,
      rp.target_kind, rp.revision, rp.comment_id, rp.reason, rp.text, rp.created_at, rp.status,
      rp.action, rp.note, resolver.login AS resolver_login, resolver.display_name AS resolver_name,
      rp.resolved_at, rp.reporter_id, rp.community_id
      """;
  static final String FROM =
      """
       FROM reports rp
       JOIN users reporter ON reporter.id = rp.reporter_id
       JOIN communities c ON c.id = rp.community_id
       JOIN pages p ON p.id = rp.page_id
       LEFT JOIN users resolver ON resolver.id = rp.resolved_by
      """;

  public boolean open() {
    return "open".equals(status);
  }

  /** The reported thing's address on the site. */
  public String path() {
    String page = "/c/" + community + "/" + slug;
    return switch (targetKind) {
      case "revision" -> page + "/revisions/" + revision;
      case "comment" -> page + "#comment-" + commentId;
      default -> page;
    };
  }

  static Report from(Row r) {
    String resolver = r.getString("resolver_login");
    return new Report(
        r.getLong("id"),
        new Person(r.getString("reporter_login"), r.getString("reporter_name")),
        r.getString("community"),
        r.getString("community_name"),
        r.getLong("page_id"),
        r.getString("slug"),
        r.getString("title"),
        r.getString("target_kind"),
        r.getInteger("revision"),
        r.getLong("comment_id"),
        r.getString("reason"),
        r.getString("text"),
        r.getOffsetDateTime("created_at"),
        r.getString("status"),
        r.getString("action"),
        r.getString("note"),
        resolver == null ? null : new Person(resolver, r.getString("resolver_name")),
        r.getOffsetDateTime("resolved_at"),
        r.getLong("reporter_id"),
        r.getLong("community_id"));
  }
}
