package ru.metodichka.changes;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.CommunityService;

/**
 * Recent changes («Свежие правки»), in full and paged: every revision its reader may read, newest
 * first, filtered by community, author, kind of material and date, each with what happened at it (a
 * merged save, a revert, reviews, renames and moves). What a reader may read is the one rule
 * ({@link ru.metodichka.page.Visibility}): a community's insiders see its drafts and unreviewed
 * edits, everyone else only the published pages' revisions up to the reviewed one.
 */
public final class ChangesService {
  private final Pool pool;
  private final CommunityService communities;
  private final ChangesRepository changes = new ChangesRepository();

  public ChangesService(Pool pool, CommunityService communities) {
    this.pool = pool;
    this.communities = communities;
  }

  /** One slice of the changes the reader may see; 404 for an unknown community. */
  public Future<ChangeSlice> list(CurrentUser reader, ChangeFilter filter) {
    Future<Long> community =
        filter.community() == null
            ? Future.succeededFuture()
            : communities.find(pool, filter.community()).map(c -> c.id());
    return community.compose(
        id -> changes.list(pool, reader, id, filter).map(list -> slice(list, filter.limit())));
  }

  private static ChangeSlice slice(List<ChangeEntry> list, int limit) {
    if (list.size() <= limit) {
      return new ChangeSlice(list, null);
    }
    List<ChangeEntry> shown = list.subList(0, limit);
    return new ChangeSlice(shown, shown.getLast().id());
  }
}
