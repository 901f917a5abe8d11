package ru.metodichka.notification;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Optional;
import ru.metodichka.community.Access;
import ru.metodichka.db.Rows;
import ru.metodichka.page.Visibility;

/**
 * SQL of notifications: who hears about an event (each query applies the one visibility rule to
 * each recipient, as a reader of its own), writing them, and reading one's own.
 */
final class NotificationRepository {
  // A page's watchers (of the page or of its community) who may read revision $3 of it: insiders
  // the latest, everyone else the reviewed one (so a draft's change reaches insiders only, and an
  // unreviewed edit of a published page nobody outside).
  private static final String PAGE_WATCHERS =
      """
      SELECT u.id FROM pages p
        JOIN users u ON u.id IN (SELECT w.user_id FROM watches w WHERE w.page_id = p.id
                                 UNION
                                 SELECT w.user_id FROM watches w
                                  WHERE w.page_id IS NULL AND w.community_id = p.community_id)
       WHERE p.id = $1 AND u.id <> $2 AND u.disabled_at IS NULL
         AND $3 <= %s
       ORDER BY u.id
      """
          .formatted(Visibility.shownRevisionSql("p", "u.is_admin", "u.id"));
  // A page's watchers who may see the page (a comment on it).
  private static final String PAGE_READERS =
      """
      SELECT u.id FROM pages p
        JOIN users u ON u.id IN (SELECT w.user_id FROM watches w WHERE w.page_id = p.id
                                 UNION
                                 SELECT w.user_id FROM watches w
                                  WHERE w.page_id IS NULL AND w.community_id = p.community_id
                                 UNION
                                 SELECT unnest($3::bigint[]))
       WHERE p.id = $1 AND u.id <> $2 AND u.disabled_at IS NULL AND %s
       ORDER BY u.id
      """
          .formatted(Visibility.pageSql("p", "u.is_admin", "u.id"));
  // A page's authors who may see the page (a decision of its review).
  private static final String PAGE_AUTHORS =
      """
      SELECT u.id FROM pages p
        JOIN page_authors a ON a.page_id = p.id
        JOIN users u ON u.id = a.user_id
       WHERE p.id = $1 AND u.id <> $2 AND u.disabled_at IS NULL AND %s
       ORDER BY u.id
      """
          .formatted(Visibility.pageSql("p", "u.is_admin", "u.id"));
  private static final String PAGE =
      """
      SELECT p.title, p.slug, p.community_id, c.slug AS community
        FROM pages p JOIN communities c ON c.id = p.community_id WHERE p.id = $1
      """;
  private static final String COMMUNITY = "SELECT name, slug FROM communities WHERE id = $1";
  // Of the community's people (anyone with a membership row, the only candidates), those the rule
  // makes its moderators / insiders now; administrators only when they are members.
  private static final String MODERATORS =
      """
      SELECT u.id FROM users u
       WHERE u.id IN (SELECT user_id FROM memberships WHERE community_id = $1)
         AND u.id <> $2 AND u.disabled_at IS NULL AND %s
       ORDER BY u.id
      """
          .formatted(Access.moderatorSql("$1", "false", "u.id"));
  private static final String INSIDERS =
      """
      SELECT u.id FROM users u
       WHERE u.id IN (SELECT user_id FROM memberships WHERE community_id = $1)
         AND u.id <> $2 AND u.disabled_at IS NULL AND %s
       ORDER BY u.id
      """
          .formatted(Access.insiderSql("$1", "false", "u.id"));
  private static final String ACTIVE_USERS =
      "SELECT id FROM users WHERE id = ANY($1) AND id <> $2 AND disabled_at IS NULL ORDER BY id";
  private static final String JOIN_REQUEST =
      """
      SELECT m.community_id, c.name, c.slug FROM memberships m
        JOIN communities c ON c.id = m.community_id WHERE m.id = $1
      """;
  private static final String PLAN_ITEM =
      """
      SELECT i.community_id, c.slug, v.title, v.due FROM plan_items i
        JOIN communities c ON c.id = i.community_id
        JOIN LATERAL (SELECT title, due FROM plan_item_versions
                       WHERE item_id = i.id ORDER BY version DESC LIMIT 1) v ON true
       WHERE i.id = $1
      """;
  private static final String INSERT =
      """
      INSERT INTO notifications
        (user_id, kind, community_id, page_id, actor_id, title, detail, link, event_at)
      SELECT r, $2, $3, $4, $5, $6, $7, $8, $9 FROM unnest($1::bigint[]) r
      RETURNING id
      """;
  private static final String AUTO_WATCH =
      """
      INSERT INTO watches (user_id, community_id, page_id, auto)
      SELECT $1, p.community_id, p.id, true FROM pages p
       WHERE p.id = $2
         AND coalesce((SELECT auto_watch FROM notification_prefs WHERE user_id = $1), true)
      ON CONFLICT DO NOTHING
      """;
  // What a reader sees of their notifications: those about pages they may no longer see (a draft
  // of a community they left) are left out.
  private static final String VISIBLE =
      """
      n.user_id = $1
      AND (n.page_id IS NULL OR EXISTS (SELECT 1 FROM pages p WHERE p.id = n.page_id AND %s))
      """
          .formatted(Visibility.pageSql("p", "$2", "$1"));
  private static final String LIST =
      """
      SELECT n.id, n.kind, n.title, n.detail, n.link, n.event_at, n.created_at, n.read_at,
             a.display_name AS actor_name, c.slug AS community
        FROM notifications n
        LEFT JOIN users a ON a.id = n.actor_id
        LEFT JOIN communities c ON c.id = n.community_id
       WHERE %s AND ($3 = 0 OR n.id < $3)
       ORDER BY n.id DESC LIMIT $4
      """
          .formatted(VISIBLE);
  private static final String UNREAD =
      "SELECT count(*) FROM notifications n WHERE n.read_at IS NULL AND " + VISIBLE;
  private static final String READ_SOME =
      """
      UPDATE notifications SET read_at = now()
       WHERE user_id = $1 AND read_at IS NULL AND id = ANY($2)
      """;
  private static final String READ_ALL =
      "UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL";

  Future<List<Long>> pageWatchers(SqlClient sql, long pageId, long actorId, int revision) {
    return ids(sql, PAGE_WATCHERS, Tuple.of(pageId, actorId, revision));
  }

  /** Watchers of the page, and {@code also}, who may see it; never the actor. */
  Future<List<Long>> pageReaders(SqlClient sql, long pageId, long actorId, List<Long> also) {
    return ids(
        sql,
        PAGE_READERS,
        Tuple.tuple().addValue(pageId).addValue(actorId).addValue(also.toArray(Long[]::new)));
  }

  /** The page's authors who may see it; never the actor. */
  Future<List<Long>> pageAuthors(SqlClient sql, long pageId, long actorId) {
    return ids(sql, PAGE_AUTHORS, Tuple.of(pageId, actorId));
  }

  Future<List<Long>> moderators(SqlClient sql, long communityId, long except) {
    return ids(sql, MODERATORS, Tuple.of(communityId, except));
  }

  Future<List<Long>> insiders(SqlClient sql, long communityId, long except) {
    return ids(sql, INSIDERS, Tuple.of(communityId, except));
  }

  Future<List<Long>> activeUsers(SqlClient sql, List<Long> ids, long except) {
    return ids(
        sql, ACTIVE_USERS, Tuple.tuple().addValue(ids.toArray(Long[]::new)).addValue(except));
  }

  /** Title, slug, community id and slug of a page. */
  Future<Optional<Row>> page(SqlClient sql, long pageId) {
    return sql.preparedQuery(PAGE).execute(Tuple.of(pageId)).map(rows -> Rows.first(rows, r -> r));
  }

  Future<Optional<Row>> community(SqlClient sql, long communityId) {
    return sql.preparedQuery(COMMUNITY)
        .execute(Tuple.of(communityId))
        .map(rows -> Rows.first(rows, r -> r));
  }

  Future<Optional<Row>> joinRequest(SqlClient sql, long requestId) {
    return sql.preparedQuery(JOIN_REQUEST)
        .execute(Tuple.of(requestId))
        .map(rows -> Rows.first(rows, r -> r));
  }

  Future<Optional<Row>> planItem(SqlClient sql, long itemId) {
    return sql.preparedQuery(PLAN_ITEM)
        .execute(Tuple.of(itemId))
        .map(rows -> Rows.first(rows, r -> r));
  }

  /** Stores the notice for each recipient; the new notifications' ids. */
  Future<List<Long>> insert(SqlClient sql, Notice n) {
    Tuple args =
        Tuple.tuple()
            .addValue(n.recipients().toArray(Long[]::new))
            .addValue(n.kind().code())
            .addValue(n.communityId())
            .addValue(n.pageId())
            .addValue(n.actorId())
            .addValue(n.title())
            .addValue(n.detail())
            .addValue(n.link())
            .addValue(n.at());
    return sql.preparedQuery(INSERT).execute(args).map(rows -> Rows.list(rows, r -> r.getLong(0)));
  }

  Future<Void> autoWatch(SqlClient sql, long userId, long pageId) {
    return sql.preparedQuery(AUTO_WATCH).execute(Tuple.of(userId, pageId)).mapEmpty();
  }

  Future<List<Notification>> list(SqlClient sql, long userId, boolean admin, long before, int n) {
    return sql.preparedQuery(LIST)
        .execute(Tuple.of(userId, admin, before, n))
        .map(rows -> Rows.list(rows, NotificationRepository::notification));
  }

  Future<Long> unread(SqlClient sql, long userId, boolean admin) {
    return sql.preparedQuery(UNREAD)
        .execute(Tuple.of(userId, admin))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  Future<Integer> markRead(SqlClient sql, long userId, List<Long> ids) {
    return ids == null
        ? sql.preparedQuery(READ_ALL).execute(Tuple.of(userId)).map(r -> r.rowCount())
        : sql.preparedQuery(READ_SOME)
            .execute(Tuple.tuple().addValue(userId).addValue(ids.toArray(Long[]::new)))
            .map(r -> r.rowCount());
  }

  static Notification notification(Row r) {
    return new Notification(
        r.getLong("id"),
        NotificationKind.of(r.getString("kind")).orElseThrow(),
        r.getString("title"),
        r.getString("detail"),
        r.getString("link"),
        r.getString("actor_name"),
        r.getString("community"),
        r.getOffsetDateTime("event_at"),
        r.getOffsetDateTime("created_at"),
        r.getValue("read_at") != null);
  }

  private static Future<List<Long>> ids(SqlClient sql, String query, Tuple args) {
    return sql.preparedQuery(query).execute(args).map(rows -> Rows.list(rows, r -> r.getLong(0)));
  }
}
