package ru.metodichka.search;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashSet;
import java.util.Set;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;

/**
 * SQL for the search scope: the communities whose unpublished pages the searcher may find, by the
 * same rule (and the same SQL) that every other reader of pages applies ({@link Access#insiderSql},
 * {@code page.Visibility}).
 */
final class SearchScopeRepository {
  private static final String INSIDER_OF =
      "SELECT c.id FROM communities c WHERE " + Access.insiderSql("c.id", "$1", "$2");

  Future<SearchScope> scope(SqlClient sql, CurrentUser user) {
    if (user.anonymous()) {
      return Future.succeededFuture(SearchScope.anonymous());
    }
    return sql.preparedQuery(INSIDER_OF)
        .execute(Tuple.of(user.admin(), user.id()))
        .map(
            rows -> {
              Set<Long> ids = new HashSet<>();
              rows.forEach(row -> ids.add(row.getLong("id")));
              return SearchScope.member(ids);
            });
  }
}
