package ru.metodichka.plan;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.contribution.ContributionRepository;
import ru.metodichka.error.AppError;
import ru.metodichka.notification.event.Event;
import ru.metodichka.notification.event.Notifications;

/**
 * Changes to a community's activity plan (§4.8). Moderators (and administrators) create and edit
 * items; a member responsible for an item changes its status and attaches results. Every change is
 * a new version made from the current one, under the item's row lock, in one transaction with its
 * ledger rows: an item marked done counts for each person responsible for it, once. Reading is
 * {@link PlanReader}'s.
 */
public final class PlanService {
  private final Pool pool;
  private final CommunityService communities;
  private final ContributionRepository contributions;
  private final PlanCalendar calendar;
  private final PlanRepository items = new PlanRepository();
  private final ItemResolver resolver = new ItemResolver();
  private final Notifications notifications;

  /**
   * @param zone the site's time zone (whether the item returned is overdue)
   * @param notifications told who was made responsible for an item, in the change's transaction
   */
  public PlanService(
      Pool pool,
      CommunityService communities,
      ContributionRepository contributions,
      ZoneId zone,
      Notifications notifications) {
    this.pool = pool;
    this.notifications = notifications;
    this.communities = communities;
    this.contributions = contributions;
    this.calendar = new PlanCalendar(Clock.systemUTC(), zone);
  }

  /** Adds an item to a plan (moderators, administrators). */
  public Future<PlanItem> create(CurrentUser actor, String community, ItemDraft draft) {
    return pool.withTransaction(
        tx ->
            communities
                .access(tx, actor, community)
                .map(Access::requireModerator)
                .compose(access -> create(tx, access, draft)));
  }

  private Future<PlanItem> create(SqlClient tx, Access access, ItemDraft draft) {
    long communityId = access.community().id();
    AcademicYear year = draft.plan();
    return resolver
        .apply(tx, communityId, year, ItemResolver.blank(), ItemResolver.asChange(draft))
        .compose(
            content ->
                items
                    .insertItem(tx, communityId, year, access.user().id())
                    .compose(id -> append(tx, access, id, 1, List.of(), content)));
  }

  /**
   * Changes an item, from the version the change was made from: moderators (and administrators) any
   * field; a member responsible for the item its status (but for cancelling or reviving it) and
   * results. A change from an older version is {@link PlanEdit.Stale}: nothing is written.
   */
  public Future<PlanEdit> edit(CurrentUser actor, String community, long id, ItemPatch change) {
    return pool.withTransaction(
        tx ->
            communities
                .access(tx, actor, community)
                .map(a -> change.progressOnly() ? a.requireEditor() : a.requireModerator())
                .compose(
                    access ->
                        items
                            .lock(tx, id, access.community().id())
                            .compose(
                                year ->
                                    edit(tx, access, id, PlanReader.notFound(year, id), change))));
  }

  private Future<PlanEdit> edit(
      SqlClient tx, Access access, long id, AcademicYear year, ItemPatch change) {
    return items
        .current(tx, id)
        .compose(
            current -> {
              if (!access.moderator()) {
                requireResponsible(access, current.content(), change);
              }
              if (change.version() > current.version()) {
                throw AppError.invalid("version", "no_such_revision", current.version());
              }
              if (change.version() < current.version()) {
                return read(tx, access, id, current.version()).map(PlanEdit.Stale::new);
              }
              return resolver
                  .apply(tx, access.community().id(), year, current.content(), change)
                  .compose(next -> save(tx, access, id, current, next));
            });
  }

  private Future<PlanEdit> save(
      SqlClient tx, Access access, long id, PlanRepository.Current current, Content next) {
    if (next.equals(current.content())) {
      return read(tx, access, id, current.version()).map(item -> new PlanEdit.Saved(item, false));
    }
    return append(tx, access, id, current.version() + 1, current.content().responsible(), next)
        .map(item -> new PlanEdit.Saved(item, true));
  }

  /** A responsible member's change: their item, and no cancelling or reviving it. */
  private static void requireResponsible(Access access, Content current, ItemPatch change) {
    if (!current.responsible().contains(access.user().id())) {
      throw AppError.forbidden("not_responsible", access.community().name());
    }
    boolean cancelling =
        change.status() != null
            && change.status() != current.status()
            && (change.status() == PlanStatus.CANCELLED
                || current.status() == PlanStatus.CANCELLED);
    if (cancelling) {
      throw AppError.forbidden("not_a_moderator", access.community().name());
    }
  }

  /**
   * Writes version {@code version} and, for an item done, its ledger rows; tells those newly
   * responsible (not in {@code before}); returns the item.
   */
  private Future<PlanItem> append(
      SqlClient tx, Access access, long id, int version, List<Long> before, Content content) {
    Future<Void> written = items.insertVersion(tx, id, version, access.user().id(), content);
    List<Long> assigned = content.responsible().stream().filter(u -> !before.contains(u)).toList();
    if (!assigned.isEmpty()) {
      var event = new Event.PlanItemAssigned(id, assigned, access.user().id());
      written = written.compose(v -> notifications.emit(tx, event));
    }
    if (content.status() == PlanStatus.DONE && !content.responsible().isEmpty()) {
      long communityId = access.community().id();
      written =
          written.compose(
              v -> contributions.recordPlanItem(tx, communityId, id, content.responsible()));
    }
    return written.compose(v -> read(tx, access, id, version));
  }

  private Future<PlanItem> read(SqlClient tx, Access access, long id, int version) {
    return items.version(tx, id, version).map(item -> item.seenBy(access, calendar.today()));
  }
}
