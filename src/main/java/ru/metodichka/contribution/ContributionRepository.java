package ru.metodichka.contribution;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * The contribution ledger: rows are appended inside the act's own transaction (the profile and
 * evaluation read them with queries of their own).
 */
public final class ContributionRepository {
  private static final String INSERT =
      """
      INSERT INTO contributions (user_id, community_id, page_id, revision_id, kind, chars_added,
                                 chars_removed)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
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
