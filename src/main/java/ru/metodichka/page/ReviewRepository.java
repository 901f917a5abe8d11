package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import ru.metodichka.auth.Person;
import ru.metodichka.db.Rows;

/** SQL for the review workflow's record (append-only, like the history it accompanies). */
final class ReviewRepository {
  private static final String INSERT =
      """
      INSERT INTO page_reviews (page_id, revision, kind, user_id, note) VALUES ($1, $2, $3, $4, $5)
      """;
  private static final String OF_PAGE =
      """
      SELECT pr.revision, pr.kind, pr.note, pr.created_at, u.login, u.display_name
        FROM page_reviews pr JOIN users u ON u.id = pr.user_id
       WHERE pr.page_id = $1 AND pr.revision <= $2
       ORDER BY pr.id DESC
      """;

  Future<Void> record(
      SqlClient sql, long pageId, int revision, ReviewEvent.Kind kind, long userId, String note) {
    return sql.preparedQuery(INSERT)
        .execute(Tuple.of(pageId, revision, kind.code(), userId, note))
        .mapEmpty();
  }

  /** The page's review events about revisions up to {@code upTo}, newest first. */
  Future<List<ReviewEvent>> ofPage(SqlClient sql, long pageId, int upTo) {
    return sql.preparedQuery(OF_PAGE)
        .execute(Tuple.of(pageId, upTo))
        .map(
            rows ->
                Rows.list(
                    rows,
                    r ->
                        new ReviewEvent(
                            r.getInteger("revision"),
                            ReviewEvent.Kind.of(r.getString("kind")),
                            new Person(r.getString("login"), r.getString("display_name")),
                            r.getString("note"),
                            r.getOffsetDateTime("created_at"))));
  }
}
