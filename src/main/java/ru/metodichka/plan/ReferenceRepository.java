package ru.metodichka.plan;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.community.Access;

/** SQL that finds what a plan item names: its responsible people and its result pages. */
final class ReferenceRepository {
  // A member is an insider of the community who is not an insider by being an administrator: the
  // one rule of who works in a community, asked with the administrator flag false.
  private static final String USERS =
      "SELECT u.id, u.login_key, "
          + Access.insiderSql("$1", "false", "u.id")
          + " AS member FROM users u WHERE u.login_key = ANY($2)";
  private static final String PAGES =
      """
      SELECT id, slug_key FROM pages
       WHERE community_id = $1 AND slug_key = ANY($2) AND current_revision > 0
      """;

  /** The users with these login keys, by login key, and whether each is a member now. */
  Future<Map<String, Candidate>> users(SqlClient sql, long communityId, List<String> loginKeys) {
    return sql.preparedQuery(USERS)
        .execute(
            Tuple.tuple().addLong(communityId).addArrayOfString(loginKeys.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, Candidate> found = new HashMap<>();
              rows.forEach(
                  r ->
                      found.put(
                          r.getString("login_key"),
                          new Candidate(r.getLong("id"), r.getBoolean("member"))));
              return found;
            });
  }

  /** The ids of the community's pages with these slug keys, by slug key. */
  Future<Map<String, Long>> pages(SqlClient sql, long communityId, List<String> slugKeys) {
    return sql.preparedQuery(PAGES)
        .execute(
            Tuple.tuple().addLong(communityId).addArrayOfString(slugKeys.toArray(String[]::new)))
        .map(
            rows -> {
              Map<String, Long> found = new HashMap<>();
              rows.forEach(r -> found.put(r.getString("slug_key"), r.getLong("id")));
              return found;
            });
  }

  /** A user named as responsible: their id, and whether they are a member of the community. */
  record Candidate(long id, boolean member) {}
}
