package ru.metodichka.plan;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.error.AppError;

/**
 * Reading a community's activity plan (§4.8), as it is or as it stood at any past moment. The plan
 * is public, as the community's composition is (§3: openness): anyone reads it, its items, their
 * history and the Word table. Its results show only the pages each reader may see ({@code
 * page/Visibility}: a draft that is a result shows to the community's insiders only).
 */
public final class PlanReader {
  private static final int NEXT_ITEMS = 3;
  private final Pool pool;
  private final CommunityService communities;
  private final WorkerExecutor documents;
  private final PlanCalendar calendar;
  private final PlanRepository items = new PlanRepository();

  /**
   * @param documents the workers that write .docx files (POI blocks)
   * @param zone the site's time zone: today, overdue items, the current academic year
   */
  public PlanReader(
      Pool pool, CommunityService communities, WorkerExecutor documents, ZoneId zone) {
    this.pool = pool;
    this.communities = communities;
    this.documents = documents;
    this.calendar = new PlanCalendar(Clock.systemUTC(), zone);
  }

  /**
   * The plan for {@code year} ({@code 2026/27}; null for the current academic year), now or as of
   * {@code asOf} (an RFC 3339 instant, or a date meaning its first moment; null for now). 422 for a
   * malformed year or moment; overdue items are counted on the day of {@code asOf}.
   */
  public Future<Plan> plan(CurrentUser actor, String community, String year, String asOf) {
    AcademicYear plan = calendar.year(year);
    OffsetDateTime moment = calendar.asOf(asOf);
    return communities.access(actor, community).compose(a -> plan(a, plan, moment));
  }

  /** {@link #plan(CurrentUser, String, String, String)} in a community already found. */
  public Future<Plan> plan(Access access, String year, String asOf) {
    return plan(access, calendar.year(year), calendar.asOf(asOf));
  }

  private Future<Plan> plan(Access access, AcademicYear year, OffsetDateTime asOf) {
    var day = calendar.day(asOf);
    return items
        .plan(pool, access.community().id(), year, asOf)
        .map(all -> all.stream().map(item -> item.seenBy(access, day)).toList())
        .map(seen -> new Plan(access.community(), year, asOf, day, seen, Completion.of(seen)));
  }

  /** The plan as a Word document (the centre's usual table) in a language, written on a worker. */
  public Future<WordFile> document(
      CurrentUser actor, String community, String year, String asOf, Locale locale) {
    return plan(actor, community, year, asOf)
        .compose(
            plan ->
                documents.executeBlocking(
                    () ->
                        new WordFile(
                            plan.community().slug(), plan.year(), PlanDocument.write(plan, locale)),
                    false));
  }

  /** A plan's .docx: whose and which year it is (for its file name), and its bytes. */
  public record WordFile(String community, AcademicYear year, byte[] bytes) {}

  /**
   * The current academic year's completion and its next open items, the soonest due first: what a
   * community's page shows.
   */
  public Future<PlanSummary> summary(Access access) {
    AcademicYear year = calendar.currentYear();
    return plan(access, year, null)
        .map(
            plan ->
                new PlanSummary(
                    year,
                    plan.completion(),
                    plan.items().stream()
                        .filter(item -> item.status().open())
                        .sorted(Comparator.comparing(PlanItem::due))
                        .limit(NEXT_ITEMS)
                        .toList()));
  }

  /** The item as it is now; 404 when the community has no such item. */
  public Future<PlanItem> item(CurrentUser actor, String community, long id) {
    return communities.access(actor, community).compose(access -> item(access, id));
  }

  public Future<PlanItem> item(Access access, long id) {
    return exists(access, id)
        .compose(v -> items.latest(pool, id))
        .map(item -> item.seenBy(access, calendar.today()));
  }

  /** Every version of an item, the first first, with the fields each changed; 404 when none. */
  public Future<List<ItemVersion>> history(CurrentUser actor, String community, long id) {
    return communities.access(actor, community).compose(access -> history(access, id));
  }

  public Future<List<ItemVersion>> history(Access access, long id) {
    return exists(access, id)
        .compose(v -> items.history(pool, id))
        .map(versions -> versions(access, versions));
  }

  /**
   * Each version as the reader sees it (overdue as of the day it was written), and what it changed
   * from the one before as the reader sees both.
   */
  private List<ItemVersion> versions(Access access, List<PlanItem> versions) {
    List<ItemVersion> history = new ArrayList<>();
    PlanItem before = null;
    for (PlanItem version : versions) {
      PlanItem seen = version.seenBy(access, calendar.day(version.changedAt()));
      history.add(new ItemVersion(seen, ItemVersion.changes(before, seen)));
      before = seen;
    }
    return history;
  }

  private Future<Void> exists(Access access, long id) {
    return items
        .year(pool, id, access.community().id())
        .map(found -> notFound(found, id))
        .mapEmpty();
  }

  static AcademicYear notFound(Optional<AcademicYear> year, long id) {
    return year.orElseThrow(() -> AppError.notFound("plan_item_not_found", id));
  }
}
