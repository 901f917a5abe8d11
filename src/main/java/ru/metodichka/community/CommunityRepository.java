package ru.metodichka.community;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.Person;
import ru.metodichka.db.DatabaseErrors;
import ru.metodichka.db.Rows;
import ru.metodichka.error.AppError;

/** SQL for communities. */
public final class CommunityRepository {
  private static final String INSERT =
      """
      INSERT INTO communities (slug, slug_key, name, task, description, created_by)
      VALUES ($1, $2, $3, $4, $5, $6)
      RETURNING\s"""
          + Community.COLUMNS;
  private static final String FIND =
      "SELECT " + Community.COLUMNS + " FROM communities WHERE slug_key = $1";
  // A community and the role a user has in it now: every act of a signed-in user in a community
  // asks both, and as one question it costs one round trip instead of two.
  private static final String FIND_WITH_ROLE =
      "SELECT %s, (%s) AS role FROM communities WHERE slug_key = $1"
          .formatted(Community.COLUMNS, MembershipRepository.activeRoleSql("communities.id", "$2"));
  private static final String LIST =
      """
      SELECT c.id, c.slug, c.name, c.task, c.description, c.status, c.created_at,
             (SELECT count(*) FROM memberships m
               WHERE m.community_id = c.id AND m.status = 'active') AS member_count
        FROM communities c
       ORDER BY c.status = 'archived', c.name
      """;
  private static final String MODERATORS =
      """
      SELECT u.login, u.display_name
        FROM memberships m JOIN users u ON u.id = m.user_id
       WHERE m.community_id = $1 AND m.status = 'active' AND m.role = 'moderator'
       ORDER BY u.display_name
      """;
  // Active communities the user ($2) moderates; every active one for administrators ($1).
  private static final String MODERATED =
      """
      SELECT\s"""
          + Community.COLUMNS
          + """

            FROM communities c
           WHERE c.status = 'active'
             AND ($1 OR EXISTS (SELECT 1 FROM memberships m
                                 WHERE m.community_id = c.id AND m.user_id = $2
                                   AND m.status = 'active' AND m.role = 'moderator'))
           ORDER BY c.name
          """;
  private static final String SET_STATUS =
      "UPDATE communities SET status = $2 WHERE id = $1 RETURNING " + Community.COLUMNS;
  private static final String MEMBER_COUNT =
      "SELECT count(*) FROM memberships WHERE community_id = $1 AND status = 'active'";

  /** Inserts a community; 409 when the slug is taken (ignoring case). */
  public Future<Community> insert(SqlClient sql, NewCommunity c, long createdBy) {
    return sql.preparedQuery(INSERT)
        .execute(
            Tuple.of(c.slug(), Slugs.key(c.slug()), c.name(), c.task(), c.description(), createdBy))
        .recover(
            DatabaseErrors.uniqueViolation(
                () -> AppError.conflict("community_slug_taken", c.slug())))
        .map(rows -> Community.from(rows.iterator().next()));
  }

  /** The active communities a user moderates (administrators: every active one), by name. */
  public Future<List<Community>> moderated(SqlClient sql, boolean admin, long userId) {
    return sql.preparedQuery(MODERATED)
        .execute(Tuple.of(admin, userId))
        .map(rows -> Rows.list(rows, Community::from));
  }

  public Future<Optional<Community>> find(SqlClient sql, String slug) {
    if (!Slugs.isValid(slug)) {
      return Future.succeededFuture(Optional.empty());
    }
    return sql.preparedQuery(FIND)
        .execute(Tuple.of(Slugs.key(slug)))
        .map(rows -> Rows.first(rows, Community::from));
  }

  /** The community at {@code slug} with the actor's active role in it (a null role: none). */
  Future<Optional<Access>> access(SqlClient sql, CurrentUser actor, String slug) {
    if (!Slugs.isValid(slug)) {
      return Future.succeededFuture(Optional.empty());
    }
    return sql.preparedQuery(FIND_WITH_ROLE)
        .execute(Tuple.of(Slugs.key(slug), actor.id()))
        .map(
            rows ->
                Rows.first(
                    rows,
                    r -> {
                      String role = r.getString("role");
                      return new Access(
                          actor, Community.from(r), role == null ? null : Role.fromCode(role));
                    }));
  }

  /** Every community with its number of active members; active ones first, then by name. */
  public Future<List<CommunitySummary>> listWithCounts(SqlClient sql) {
    return sql.query(LIST)
        .execute()
        .map(
            rows ->
                Rows.list(
                    rows, r -> new CommunitySummary(Community.from(r), r.getLong("member_count"))));
  }

  /**
   * Sets the status ({@code active} or {@code archived}) and returns the community as it is now.
   */
  public Future<Community> setStatus(SqlClient sql, long communityId, CommunityStatus status) {
    return sql.preparedQuery(SET_STATUS)
        .execute(Tuple.of(communityId, status.code()))
        .map(rows -> Community.from(rows.iterator().next()));
  }

  public Future<List<Person>> moderators(SqlClient sql, long communityId) {
    return sql.preparedQuery(MODERATORS)
        .execute(Tuple.of(communityId))
        .map(
            rows ->
                Rows.list(
                    rows, r -> new Person(r.getString("login"), r.getString("display_name"))));
  }

  public Future<Long> memberCount(SqlClient sql, long communityId) {
    return sql.preparedQuery(MEMBER_COUNT)
        .execute(Tuple.of(communityId))
        .map(rows -> rows.iterator().next().getLong(0));
  }
}
