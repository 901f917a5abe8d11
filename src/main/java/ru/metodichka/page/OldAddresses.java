package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.Optional;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.Slugs;
import ru.metodichka.db.Rows;
import ru.metodichka.error.AppError;

/**
 * The addresses pages had before a rename or a move (the {@code page_names} table, which the
 * database keeps on every change of a page's address, title or community). An old address answers
 * for ever with a redirect to where its page is now — for a reader who may see the page there — and
 * is never given to another page.
 */
final class OldAddresses {
  // The page that had this address, where it is now, if the reader ($3 admin, $4 user id) may see
  // it there. A page's current address is not an old one, even if it had it before.
  private static final String MOVED_TO =
      """
      SELECT c.slug AS community, p.slug
        FROM page_names n
        JOIN pages p ON p.id = n.page_id
        JOIN communities c ON c.id = p.community_id
       WHERE n.community_id = $1 AND n.slug_key = $2
         AND NOT (p.community_id = $1 AND p.slug_key = $2)
         AND\s"""
          + Visibility.pageSql("p", "$3", "$4")
          + "\n ORDER BY n.id DESC LIMIT 1";
  private static final String HELD_BY_ANOTHER =
      "SELECT 1 FROM page_names WHERE community_id = $1 AND slug_key = $2 AND page_id <> $3 LIMIT 1";

  /**
   * Fails for a page that is not at {@code slug}: with a redirect to where it went (301 for reads,
   * 308 for acts, {@link AppError#moved}) when the address is an old one of a page the reader may
   * see, else with 404.
   */
  <T> Future<T> missing(SqlClient sql, Access access, String slug) {
    return movedTo(sql, access.community().id(), slug, access.user())
        .compose(
            moved ->
                Future.failedFuture(
                    moved
                        .map(
                            to -> {
                              var params = new LinkedHashMap<String, String>();
                              params.put("community", to.community());
                              params.put("slug", to.slug());
                              return AppError.moved(params);
                            })
                        .orElseGet(() -> AppError.notFound("page_not_found", slug))));
  }

  /**
   * 409 when another page of the community has or had the address: old addresses lead to their
   * pages for ever. {@code pageId} is the page taking the address (0 for a new one).
   */
  Future<Void> requireFree(SqlClient sql, long communityId, String slug, long pageId) {
    return sql.preparedQuery(HELD_BY_ANOTHER)
        .execute(Tuple.of(communityId, Slugs.key(slug), pageId))
        .map(
            rows -> {
              if (rows.size() > 0) {
                throw AppError.conflict("page_slug_taken", slug);
              }
              return null;
            });
  }

  private Future<Optional<Address>> movedTo(
      SqlClient sql, long communityId, String slug, CurrentUser reader) {
    if (!Slugs.isValid(slug)) {
      return Future.succeededFuture(Optional.empty());
    }
    return sql.preparedQuery(MOVED_TO)
        .execute(Tuple.of(communityId, Slugs.key(slug), reader.admin(), reader.id()))
        .map(
            rows ->
                Rows.first(rows, r -> new Address(r.getString("community"), r.getString("slug"))));
  }

  /** Where a page is: its community's address and its own. */
  record Address(String community, String slug) {}
}
