package ru.metodichka.notification;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import ru.metodichka.db.Rows;
import ru.metodichka.page.Visibility;

/** SQL of watches and of the auto-watch choice. */
final class WatchRepository {
  // The page, when the reader may see it (the one rule), else nothing: 404 alike for both.
  private static final String VISIBLE_PAGE =
      "SELECT p.id FROM pages p WHERE p.community_id = $1 AND p.slug_key = $2 AND "
          + Visibility.pageSql("p", "$3", "$4");
  private static final String WATCH =
      """
      INSERT INTO watches (user_id, community_id, page_id) VALUES ($1, $2, $3)
      ON CONFLICT DO NOTHING
      """;
  private static final String UNWATCH =
      """
      DELETE FROM watches WHERE user_id = $1 AND community_id = $2
         AND page_id IS NOT DISTINCT FROM $3
      """;
  // One's watches, without pages one may no longer see.
  private static final String MINE =
      """
      SELECT c.slug AS community, c.name, p.slug, p.title, w.auto FROM watches w
        JOIN communities c ON c.id = w.community_id
        LEFT JOIN pages p ON p.id = w.page_id
       WHERE w.user_id = $1 AND (w.page_id IS NULL OR %s)
       ORDER BY c.name, w.page_id NULLS FIRST, p.title
      """
          .formatted(Visibility.pageSql("p", "$2", "$1"));
  private static final String AUTO = "SELECT auto_watch FROM notification_prefs WHERE user_id = $1";
  private static final String SET_AUTO =
      """
      INSERT INTO notification_prefs (user_id, auto_watch) VALUES ($1, $2)
      ON CONFLICT (user_id) DO UPDATE SET auto_watch = $2
      """;

  Future<Optional<Long>> visiblePage(
      SqlClient sql, long communityId, String slugKey, boolean admin, long userId) {
    return sql.preparedQuery(VISIBLE_PAGE)
        .execute(Tuple.of(communityId, slugKey, admin, userId))
        .map(rows -> Rows.first(rows, r -> r.getLong(0)));
  }

  Future<Void> watch(SqlClient sql, long userId, long communityId, Long pageId) {
    return sql.preparedQuery(WATCH).execute(Tuple.of(userId, communityId, pageId)).mapEmpty();
  }

  Future<Boolean> unwatch(SqlClient sql, long userId, long communityId, Long pageId) {
    return sql.preparedQuery(UNWATCH)
        .execute(Tuple.of(userId, communityId, pageId))
        .map(rows -> rows.rowCount() > 0);
  }

  Future<List<Watch>> mine(SqlClient sql, long userId, boolean admin) {
    return sql.preparedQuery(MINE)
        .execute(Tuple.of(userId, admin))
        .map(
            rows ->
                Rows.list(
                    rows,
                    r ->
                        new Watch(
                            r.getString("community"),
                            r.getString("name"),
                            r.getString("slug"),
                            r.getString("title"),
                            r.getBoolean("auto"))));
  }

  Future<Boolean> autoWatch(SqlClient sql, long userId) {
    return sql.preparedQuery(AUTO)
        .execute(Tuple.of(userId))
        .map(rows -> Rows.first(rows, r -> r.getBoolean(0)).orElse(true));
  }

  Future<Void> setAutoWatch(SqlClient sql, long userId, boolean on) {
    return sql.preparedQuery(SET_AUTO).execute(Tuple.of(userId, on)).mapEmpty();
  }
}
