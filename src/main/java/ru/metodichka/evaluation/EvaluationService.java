package ru.metodichka.evaluation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.Community;
import ru.metodichka.community.CommunityService;
import ru.metodichka.community.CommunitySummary;
import ru.metodichka.expert.ExpertService;

/**
 * A community's evaluation (§5.1) for a period, computed from the records behind each figure, and
 * those records themselves (the drill-down). Who reads what: the community's moderators and
 * administrators read everything; when a moderator has made the summary public, everyone reads the
 * figures, but the names behind them stay with the moderators ({@link #mayReadDetails}).
 */
public final class EvaluationService {
  private final Pool pool;
  private final CommunityService communities;
  private final ExpertService experts;
  private final ZoneId zone;
  private final Clock clock;
  private final int threshold;
  private final EvaluationRepository figures = new EvaluationRepository();
  private final SummaryRepository summaries = new SummaryRepository();
  private final AssessmentRepository assessments = new AssessmentRepository();

  /**
   * @param zone the site's time zone: what a date means, months and days of views
   * @param threshold contributions in a period that make a participant active
   */
  public EvaluationService(
      Pool pool,
      CommunityService communities,
      ExpertService experts,
      ZoneId zone,
      int threshold,
      Clock clock) {
    this.pool = pool;
    this.communities = communities;
    this.experts = experts;
    this.zone = zone;
    this.threshold = threshold;
    this.clock = clock;
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(zone));
  }

  /** The period a request names (the current academic year when it names none); 422 otherwise. */
  public Period period(String from, String to) {
    return Period.parse(from, to, zone, today());
  }

  /** Who reads the names behind the figures: the community's moderators and administrators. */
  static boolean mayReadDetails(Access access) {
    return access.moderator();
  }

  /**
   * The summary: for moderators and administrators, for everyone once it is public, and for an
   * expert invited to review the community within the period (§5.2) — without the other experts'
   * composite until they have submitted their own reviews.
   */
  public Future<Evaluation> summary(CurrentUser actor, String community, Period period) {
    return communities
        .access(actor, community)
        .compose(
            access ->
                mayReadDetails(access)
                    ? evaluate(access.community(), period)
                    : publicity(access.community())
                        .compose(
                            p ->
                                p.map(Publicity::open).orElse(false)
                                    ? evaluate(access.community(), period)
                                    : asInvitedExpert(actor, access, period)));
  }

  private Future<Evaluation> asInvitedExpert(CurrentUser actor, Access access, Period period) {
    actor.requireLoggedIn();
    return experts
        .invited(
            actor.id(), access.community().id(), period.from().toInstant(), period.to().toInstant())
        .compose(
            invited -> {
              if (!invited.any()) {
                access.requireModeratorRights(); // 403 not_a_moderator
              }
              return evaluate(access.community(), period).map(e -> invited.blind() ? e.blind() : e);
            });
  }

  /** The community as a summary reader may see it: 401/403 unless allowed. */
  public Future<Access> summaryAccess(CurrentUser actor, String community) {
    return communities
        .access(actor, community)
        .compose(
            access ->
                mayReadDetails(access)
                    ? Future.succeededFuture(access)
                    : publicity(access.community()).map(p -> requirePublicOrModerator(access, p)));
  }

  private static Access requirePublicOrModerator(Access access, Optional<Publicity> publicity) {
    if (publicity.map(Publicity::open).orElse(false)) {
      return access;
    }
    return access.requireModeratorRights();
  }

  /** The community for the drill-down and exports: its moderators and administrators only. */
  public Future<Access> detailAccess(CurrentUser actor, String community) {
    actor.requireLoggedIn();
    return communities.access(actor, community).map(Access::requireModeratorRights);
  }

  /** Every figure of the community for the period. */
  public Future<Evaluation> evaluate(Community c, Period period) {
    return evaluate(List.of(c), period).map(List::getFirst);
  }

  /**
   * Every figure of each of these communities for the period, in their order: each figure is one
   * query for all of them ({@link SummaryRepository}), so a district's overview costs what one
   * community's summary does.
   */
  private Future<List<Evaluation>> evaluate(List<Community> all, Period period) {
    Long[] ids = all.stream().map(Community::id).toArray(Long[]::new);
    var active = summaries.active(pool, ids, period, threshold);
    var before = summaries.active(pool, ids, period.previous(), threshold);
    var membership = summaries.membership(pool, ids, period);
    var tasks = figures.tasks(pool, ids, period);
    var assessed = assessments.latestOfPeriod(pool, ids, period);
    var results = summaries.results(pool, ids, period);
    var views = summaries.views(pool, ids, period);
    var downloads = summaries.downloads(pool, ids, period);
    var citing = summaries.citingPages(pool, ids);
    var comments = summaries.comments(pool, ids, period);
    var composites = experts.composites(ids, period.from().toInstant(), period.to().toInstant());
    return Future.all(
            List.of(
                active,
                before,
                membership,
                tasks,
                assessed,
                results,
                views,
                downloads,
                citing,
                comments,
                composites))
        .map(
            v ->
                all.stream()
                    .map(
                        c -> {
                          long id = c.id();
                          int[] now = active.result().getOrDefault(id, new int[2]);
                          int[] m = membership.result().getOrDefault(id, new int[3]);
                          Participants participants =
                              Participants.of(
                                  m[0],
                                  m[1],
                                  m[2],
                                  now[0],
                                  now[1],
                                  before.result().getOrDefault(id, new int[2])[0]);
                          Tasks planned =
                              Tasks.of(
                                  tasks.result().getOrDefault(id, List.of()),
                                  assessed.result().get(id));
                          Results published =
                              Results.of(
                                  results.result().getOrDefault(id, Map.of()),
                                  views.result().getOrDefault(id, 0L),
                                  downloads.result().getOrDefault(id, 0L),
                                  citing.result().getOrDefault(id, 0L).intValue(),
                                  comments.result().getOrDefault(id, 0L));
                          return new Evaluation(
                              c,
                              period,
                              threshold,
                              participants,
                              planned,
                              published,
                              composites.result().get(id));
                        })
                    .toList());
  }

  /** Distinct citing pages: a page citing several pages of the community counts once. */
  static int citingPages(List<Citation> citations) {
    return (int) citations.stream().map(c -> c.community() + "/" + c.slug()).distinct().count();
  }

  /**
   * The participants behind the figures, with their contributions; moderators and experts apart.
   */
  public Future<ParticipantList> participants(Access access, Period period) {
    long id = access.community().id();
    var people = figures.participants(pool, id, period, threshold);
    var staff = figures.staff(pool, id, period);
    return Future.all(people, staff)
        .map(
            v ->
                new ParticipantList(
                    threshold,
                    people.result(),
                    staff.result().get("moderator"),
                    staff.result().get("expert")));
  }

  /** The pages first published within the period. */
  public Future<List<Result>> results(Access access, Period period) {
    return figures.results(pool, access.community().id(), period);
  }

  /** The published pages of other communities that cite this one's. */
  public Future<List<Citation>> citations(Access access) {
    return figures.citations(pool, access.community().id());
  }

  /** The published pages viewed in the period, the most viewed first; at most {@code limit}. */
  public Future<List<Viewed>> viewed(Access access, Period period, int limit) {
    return figures.viewed(pool, access.community().id(), period, limit);
  }

  /** The plan items due in the period, as the plan stood at its end. */
  public Future<List<Task>> tasks(Access access, Period period) {
    return figures.tasks(pool, access.community().id(), period);
  }

  /** Every assessment of exactly this period, the latest (the one that counts) first. */
  public Future<List<Assessment>> assessments(Access access, Period period) {
    return assessments.ofPeriod(pool, access.community().id(), period);
  }

  /** Active participants per month of the period, with the threshold applied to each month. */
  public Future<List<MonthCount>> activeByMonth(Access access, Period period) {
    long id = access.community().id();
    var monthly = figures.monthly(pool, id, period);
    var spans = figures.spans(pool, id, period);
    return Future.all(monthly, spans)
        .map(v -> MonthCount.active(period, threshold, monthly.result(), spans.result()));
  }

  /** Everything the dashboard and the exports show: moderators and administrators. */
  public Future<Report> report(Access access, Period period) {
    Community c = access.community();
    var now = evaluate(c, period);
    var before = evaluate(c, period.previous());
    var people = participants(access, period);
    var results = results(access, period);
    var tasks = tasks(access, period);
    var top = viewed(access, period, Report.TOP);
    var months = activeByMonth(access, period);
    var assessed = assessments(access, period);
    var citations = citations(access);
    var publicity = publicity(c);
    return Future.all(
            List.of(
                now, before, people, results, tasks, top, months, assessed, citations, publicity))
        .map(
            v ->
                new Report(
                    now.result(),
                    before.result(),
                    people.result(),
                    results.result(),
                    tasks.result(),
                    top.result(),
                    months.result(),
                    assessed.result(),
                    citations.result(),
                    publicity.result().orElse(null)));
  }

  /** Records a moderator's assessment of a period: 201; never changes an earlier one. */
  public Future<Assessment> assess(CurrentUser actor, String community, NewAssessment assessment) {
    actor.requireLoggedIn();
    return pool.withTransaction(
        sql ->
            communities
                .access(sql, actor, community)
                .map(Access::requireModerator)
                .compose(
                    access ->
                        assessments.insert(sql, access.community().id(), actor.id(), assessment))
                .compose(id -> assessments.find(sql, id)));
  }

  /** Whether the summary is public, and who set it when; empty when nobody ever did. */
  public Future<Optional<Publicity>> publicity(Community c) {
    return assessments.publicity(pool, c.id());
  }

  /** Opens the summary to everyone, or closes it again: the community's moderators. */
  public Future<Publicity> setPublic(CurrentUser actor, String community, boolean open) {
    actor.requireLoggedIn();
    return pool.withTransaction(
            sql ->
                communities
                    .access(sql, actor, community)
                    .map(Access::requireModerator)
                    .compose(
                        access ->
                            assessments
                                .setPublicity(sql, access.community().id(), open, actor.id())
                                .map(access.community())))
        .compose(c -> publicity(c))
        .map(Optional::orElseThrow);
  }

  /** Every community's figures for the period, one row each: administrators. */
  public Future<List<Evaluation>> overview(CurrentUser actor, Period period) {
    actor.requireAdmin();
    return communities
        .list()
        .compose(all -> evaluate(all.stream().map(CommunitySummary::community).toList(), period));
  }
}
