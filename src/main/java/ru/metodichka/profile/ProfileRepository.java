package ru.metodichka.profile;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.contribution.ContributionRepository;
import ru.metodichka.db.Rows;
import ru.metodichka.page.Visibility;

/** SQL for the profile: the user's own contributions, as the user may see their pages now. */
final class ProfileRepository {
  // Keyset paging on the id: it grows with every row, so "before this id" is stable while the
  // user keeps contributing, where an offset would shift. Whether the user may still see the page
  // is the one visibility rule, for the user as reader ($1 user id, $4 administrator). A new page
  // is one act: the 'revision' row older versions wrote beside its 'page_created' row is left out.
  private static final String BY_USER =
      """
      SELECT c.id, c.kind, c.chars_added, c.chars_removed, c.created_at,
             co.slug AS community, co.name AS community_name,
             p.slug, p.title AS current_title, r.title AS own_title, r.number AS revision,
             p.id IS NOT NULL AND\s"""
          + Visibility.pageSql("p", "$4", "$1")
          + """
           AS visible
            FROM contributions c
            JOIN communities co ON co.id = c.community_id
            LEFT JOIN pages p ON p.id = c.page_id
            LEFT JOIN revisions r ON r.id = c.revision_id
           WHERE c.user_id = $1 AND c.id < $2 AND\s"""
          + ContributionRepository.standingSql("c")
          + """

             AND NOT (c.kind = 'revision' AND EXISTS (
                   SELECT 1 FROM contributions created
                    WHERE created.revision_id = c.revision_id AND created.kind = 'page_created'))
           ORDER BY c.id DESC
           LIMIT $3
          """;

  /** The user's contributions with ids below {@code before}, newest first. */
  Future<List<ContributionEntry>> byUser(SqlClient sql, CurrentUser user, long before, int limit) {
    return sql.preparedQuery(BY_USER)
        .execute(Tuple.of(user.id(), before, limit, user.admin()))
        .map(rows -> Rows.list(rows, ProfileRepository::entry));
  }

  private static ContributionEntry entry(Row r) {
    boolean aboutPage = r.getString("own_title") != null || r.getString("current_title") != null;
    boolean visible = Boolean.TRUE.equals(r.getBoolean("visible"));
    return new ContributionEntry(
        r.getLong("id"),
        r.getString("kind"),
        r.getInteger("chars_added"),
        r.getInteger("chars_removed"),
        r.getOffsetDateTime("created_at"),
        r.getString("community"),
        r.getString("community_name"),
        visible ? r.getString("slug") : null,
        visible ? r.getString("current_title") : r.getString("own_title"),
        aboutPage && !visible,
        r.getInteger("revision"));
  }
}
