package ru.metodichka.changes;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.NewUser;
import ru.metodichka.auth.Person;
import ru.metodichka.community.Access;
import ru.metodichka.db.Rows;
import ru.metodichka.page.PageStatus;
import ru.metodichka.page.Visibility;

/**
 * SQL for the recent changes: revisions newest first, each only if its reader may read it ({@link
 * Visibility#shownRevisionSql}: a community's insiders every revision of its pages; everyone else
 * only published pages' revisions up to the reviewed one, so a draft or an unreviewed edit never
 * shows), with the review workflow's and the lifecycle's acts at each. Keyset paging by revision id
 * (the primary key, read backwards).
 */
final class ChangesRepository {
  // $1 admin, $2 user id, $3 community id, $4 author login key, $5 kind, $6 since, $7 mine,
  // $8 before (cursor), $9 limit. A filter that is null is no filter.
  private static final String LIST =
      """
      SELECT r.id, c.slug AS community, c.name AS community_name, p.slug, p.status, r.title,
             r.kind, r.number, r.summary, r.created_at, r.size, r.merged, r.reverted_from,
             r.resolved_conflict_with,
             u.login, u.display_name, r.size - coalesce(prev.size, 0) AS delta,
             ARRAY(SELECT pr.kind FROM page_reviews pr
                    WHERE pr.page_id = r.page_id AND pr.revision = r.number ORDER BY pr.id)
               AS reviews,
             ARRAY(SELECT pl.kind FROM page_lifecycle pl
                    WHERE pl.page_id = r.page_id AND pl.revision = r.number ORDER BY pl.id)
               AS lifecycle
        FROM revisions r
        JOIN pages p ON p.id = r.page_id
        JOIN communities c ON c.id = p.community_id
        JOIN users u ON u.id = r.author_id
        LEFT JOIN revisions prev ON prev.page_id = r.page_id AND prev.number = r.number - 1
       WHERE ($3::bigint IS NULL OR p.community_id = $3)
         AND ($4::text IS NULL OR u.login_key = $4)
         AND ($5::text IS NULL OR r.kind = $5)
         AND ($6::timestamptz IS NULL OR r.created_at >= $6)
         AND ($8::bigint IS NULL OR r.id < $8)
         AND (NOT $7 OR\s"""
          + Access.insiderSql("p.community_id", "$1", "$2")
          + ")\n   AND r.number <= "
          + Visibility.shownRevisionSql("p", "$1", "$2")
          + "\n   AND "
          + Visibility.revisionSql("r", "p", "$1", "$2")
          + "\n ORDER BY r.id DESC LIMIT $9";

  /** Up to {@code limit + 1} changes (one more says whether another slice follows). */
  Future<List<ChangeEntry>> list(
      SqlClient sql, CurrentUser reader, Long communityId, ChangeFilter filter) {
    Tuple params =
        Tuple.tuple()
            .addValue(reader.admin())
            .addValue(reader.id())
            .addValue(communityId)
            .addValue(filter.author() == null ? null : NewUser.loginKey(filter.author()))
            .addValue(filter.kind())
            .addValue(filter.since())
            .addValue(filter.mine())
            .addValue(filter.before())
            .addValue(filter.limit() + 1);
    return sql.preparedQuery(LIST)
        .execute(params)
        .map(rows -> Rows.list(rows, ChangesRepository::entry));
  }

  private static ChangeEntry entry(Row r) {
    return new ChangeEntry(
        r.getLong("id"),
        r.getString("community"),
        r.getString("community_name"),
        r.getString("slug"),
        PageStatus.of(r.getString("status")),
        r.getString("title"),
        r.getString("kind"),
        r.getInteger("number"),
        r.getString("summary"),
        r.getOffsetDateTime("created_at"),
        r.getInteger("size"),
        r.getInteger("delta"),
        r.getBoolean("merged"),
        r.getInteger("reverted_from"),
        r.getInteger("resolved_conflict_with"),
        new Person(r.getString("login"), r.getString("display_name")),
        Arrays.asList(r.getArrayOfStrings("reviews")),
        Arrays.asList(r.getArrayOfStrings("lifecycle")));
  }
}
