package ru.metodichka.expert;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import ru.metodichka.db.Rows;

/** SQL the independence rule and the chosen pages of an invitation are checked with. */
final class IndependenceRepository {
  // "Is or was": an active or ended period; a request never granted is no membership.
  private static final String MEMBERSHIP =
      """
      SELECT role, status FROM memberships
       WHERE community_id = $1 AND user_id = $2 AND role IN ('member', 'moderator')
         AND status IN ('active', 'left')
       ORDER BY status = 'active' DESC, role = 'moderator' DESC, id DESC
       LIMIT 1
      """;
  // Authors are the authors of any revision of the reviewed pages: the chosen ones, or the
  // community's published pages when none were chosen.
  private static final String SAME_INSTITUTION =
      """
      SELECT i.name AS institution, a.login, a.display_name, p.slug, p.title
        FROM users e
        JOIN institutions i ON i.id = e.institution_id
        JOIN users a ON a.institution_id = e.institution_id
        JOIN revisions r ON r.author_id = a.id
        JOIN pages p ON p.id = r.page_id
       WHERE e.id = $2 AND p.community_id = $1
         AND CASE WHEN cardinality($3::bigint[]) > 0 THEN p.id = ANY($3::bigint[])
                  ELSE p.status = 'published' END
       ORDER BY p.title_key, a.login_key
       LIMIT 1
      """;
  private static final String PAGES =
      "SELECT id, slug, slug_key, title, status FROM pages WHERE community_id = $1"
          + " AND slug_key = ANY($2)";

  /** Whether the expert is or was a member or moderator of the community. */
  Future<Optional<Conflict>> membership(SqlClient sql, long communityId, long expertId) {
    return sql.preparedQuery(MEMBERSHIP)
        .execute(Tuple.of(communityId, expertId))
        .map(
            rows ->
                Rows.first(
                    rows, r -> Conflict.membership(r.getString("role"), r.getString("status"))));
  }

  /** An author of a reviewed material who works where the expert works, if any. */
  Future<Optional<Conflict>> sameInstitution(
      SqlClient sql, long communityId, long expertId, List<Long> pages) {
    Tuple args =
        Tuple.tuple()
            .addLong(communityId)
            .addLong(expertId)
            .addArrayOfLong(pages.toArray(Long[]::new));
    return sql.preparedQuery(SAME_INSTITUTION)
        .execute(args)
        .map(
            rows ->
                Rows.first(
                    rows,
                    r ->
                        new Conflict(
                            Conflict.Kind.INSTITUTION,
                            r.getString("institution"),
                            r.getString("login"),
                            r.getString("display_name"),
                            r.getString("slug"),
                            r.getString("title"))));
  }

  /** The community's pages with these slug keys, with their status. */
  Future<List<PageRow>> pages(SqlClient sql, long communityId, List<String> slugKeys) {
    Tuple args =
        Tuple.tuple().addLong(communityId).addArrayOfString(slugKeys.toArray(String[]::new));
    return sql.preparedQuery(PAGES)
        .execute(args)
        .map(
            rows ->
                Rows.list(
                    rows,
                    r ->
                        new PageRow(
                            new ReviewedPage(
                                r.getLong("id"), r.getString("slug"), r.getString("title")),
                            r.getString("slug_key"),
                            "published".equals(r.getString("status")))));
  }

  record PageRow(ReviewedPage page, String slugKey, boolean published) {}
}
