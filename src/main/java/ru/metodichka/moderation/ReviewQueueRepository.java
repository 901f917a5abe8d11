package ru.metodichka.moderation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.Person;
import ru.metodichka.community.Access;
import ru.metodichka.db.Rows;
import ru.metodichka.page.PageStatus;

/**
 * SQL for the moderators' review queue: the pages of the communities the reader moderates (an
 * administrator: all) that wait for a review. A published page returned for more work leaves the
 * queue until it is edited again. Archived communities change nothing, so they have no queue.
 */
final class ReviewQueueRepository {
  // Waiting: «на проверке», or published with a revision newer than the reviewed one. The column
  // is computed from those (V37) and is the predicate of the index pages_awaiting_review.
  private static final String WHERE =
      " WHERE p.awaiting_review AND c.status = 'active' AND "
          + Access.moderatorSql("p.community_id", "$1", "$2")
          + """
           AND NOT (p.status = 'published' AND EXISTS (
             SELECT 1 FROM page_reviews back WHERE back.page_id = p.id AND back.kind = 'returned'
                AND back.revision >= p.current_revision))
          """;
  private static final String LIST =
      """
      SELECT c.slug AS community, c.name AS community_name, p.slug, p.status, p.current_revision,
             p.reviewed_revision, cur.title, cur.markdown, rev.title AS reviewed_title,
             coalesce(rev.markdown, '') AS reviewed_markdown,
             (SELECT min(w.created_at) FROM revisions w
               WHERE w.page_id = p.id AND w.number > coalesce(p.reviewed_revision, 0))
               AS waiting_since,
             ARRAY(SELECT u.display_name FROM revisions a JOIN users u ON u.id = a.author_id
                    WHERE a.page_id = p.id AND a.number > coalesce(p.reviewed_revision, 0)
                    GROUP BY u.id, u.display_name ORDER BY min(a.number)) AS authors,
             req.note, req.created_at AS requested_at, ru.login AS requested_by,
             ru.display_name AS requested_by_name
        FROM pages p
        JOIN communities c ON c.id = p.community_id
        JOIN revisions cur ON cur.page_id = p.id AND cur.number = p.current_revision
        LEFT JOIN revisions rev ON rev.page_id = p.id AND rev.number = p.reviewed_revision
        LEFT JOIN LATERAL (
          SELECT last.kind, last.note, last.created_at, last.user_id FROM page_reviews last
           WHERE last.page_id = p.id ORDER BY last.id DESC LIMIT 1) lr ON true
        LEFT JOIN LATERAL (
          SELECT lr.note, lr.created_at, lr.user_id WHERE lr.kind = 'requested') req ON true
        LEFT JOIN users ru ON ru.id = req.user_id
      """
          + WHERE
          + " ORDER BY waiting_since, p.id LIMIT $3";
  private static final String COUNT =
      "SELECT count(*) FROM pages p JOIN communities c ON c.id = p.community_id" + WHERE;

  /** The oldest {@code limit} pages waiting for the reader's review, oldest first. */
  Future<List<QueueEntry>> list(SqlClient sql, CurrentUser reader, int limit) {
    return sql.preparedQuery(LIST)
        .execute(Tuple.of(reader.admin(), reader.id(), limit))
        .map(rows -> Rows.list(rows, ReviewQueueRepository::entry));
  }

  /** How many pages wait for the reader's review. */
  Future<Long> count(SqlClient sql, CurrentUser reader) {
    return sql.preparedQuery(COUNT)
        .execute(Tuple.of(reader.admin(), reader.id()))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static QueueEntry entry(Row r) {
    String by = r.getString("requested_by");
    return new QueueEntry(
        r.getString("community"),
        r.getString("community_name"),
        r.getString("slug"),
        r.getString("title"),
        r.getString("reviewed_title"),
        PageStatus.of(r.getString("status")),
        r.getInteger("current_revision"),
        r.getInteger("reviewed_revision"),
        r.getString("markdown"),
        r.getString("reviewed_markdown"),
        r.getOffsetDateTime("waiting_since"),
        by == null
            ? null
            : new QueueEntry.Request(
                new Person(by, r.getString("requested_by_name")),
                r.getString("note"),
                r.getOffsetDateTime("requested_at")),
        Arrays.asList(r.getArrayOfStrings("authors")));
  }
}
