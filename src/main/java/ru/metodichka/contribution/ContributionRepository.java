package ru.metodichka.contribution;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import ru.metodichka.db.Rows;

/**
 * The contribution ledger: rows are appended inside the act's own transaction, and read back per
 * user for the profile.
 */
public final class ContributionRepository {
  private static final String INSERT =
      """
      INSERT INTO contributions (user_id, community_id, page_id, revision_id, kind, chars_added,
                                 chars_removed)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      """;
  // Keyset paging on the id: it grows with every row, so "before this id" is stable while the
  // user keeps contributing, where an offset would shift.
  private static final String BY_USER =
      """
      SELECT c.id, c.kind, c.chars_added, c.chars_removed, c.created_at,
             co.slug AS community, co.name AS community_name,
             p.slug, p.title, r.number AS revision
        FROM contributions c
        JOIN communities co ON co.id = c.community_id
        LEFT JOIN pages p ON p.id = c.page_id
        LEFT JOIN revisions r ON r.id = c.revision_id
       WHERE c.user_id = $1 AND c.id < $2
       ORDER BY c.id DESC
       LIMIT $3
      """;

  /** One act by one user; pageId and revisionId may be null for acts not about a page. */
  public Future<Void> record(SqlClient sql, Contribution c) {
    Object[] values = {
      c.userId(),
      c.communityId(),
      c.pageId(),
      c.revisionId(),
      c.kind().code(),
      c.charsAdded(),
      c.charsRemoved()
    };
    return sql.preparedQuery(INSERT).execute(Tuple.from(values)).mapEmpty();
  }

  /**
   * One user's contributions with ids below {@code before}, newest first: {@code [{id, kind,
   * charsAdded, charsRemoved, createdAt, community, communityName, slug, title, revision}]}, the
   * last four null for acts not about a page.
   */
  public Future<JsonArray> byUser(SqlClient sql, long userId, long before, int limit) {
    return sql.preparedQuery(BY_USER)
        .execute(Tuple.of(userId, before, limit))
        .map(
            rows ->
                Rows.toArray(
                    rows,
                    r ->
                        new JsonObject()
                            .put("id", r.getLong("id"))
                            .put("kind", r.getString("kind"))
                            .put("charsAdded", r.getInteger("chars_added"))
                            .put("charsRemoved", r.getInteger("chars_removed"))
                            .put("createdAt", Rows.time(r.getOffsetDateTime("created_at")))
                            .put("community", r.getString("community"))
                            .put("communityName", r.getString("community_name"))
                            .put("slug", r.getString("slug"))
                            .put("title", r.getString("title"))
                            .put("revision", r.getInteger("revision"))));
  }

  /** A ledger row. */
  public record Contribution(
      long userId,
      long communityId,
      Long pageId,
      Long revisionId,
      ContributionKind kind,
      int charsAdded,
      int charsRemoved) {}
}
