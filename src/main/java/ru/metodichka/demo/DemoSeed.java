package ru.metodichka.demo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.NewUser;
import ru.metodichka.auth.User;
import ru.metodichka.auth.UserRepository;
import ru.metodichka.auth.UserService;
import ru.metodichka.community.CommunityService;
import ru.metodichka.community.Slugs;
import ru.metodichka.expert.ExpertReviews;
import ru.metodichka.expert.ExpertService;
import ru.metodichka.meeting.MeetingService;
import ru.metodichka.page.LifecycleService;
import ru.metodichka.page.PageService;
import ru.metodichka.page.ReviewService;
import ru.metodichka.plan.PlanService;
import ru.metodichka.structure.StructureService;

/**
 * Fills an empty database with a Russian demo district ({@code --demo}): institutions, teachers and
 * methodists, three communities and their pages with several revisions each arranged into each
 * community's structure, each community's activity plan for the current academic year, meetings (a
 * past one with attendance and minutes, two to come), and two independent experts with their
 * reviews. Everything goes through the real services, so revisions, wiki links, memberships, plan
 * versions and the contribution ledger are written exactly as for real users.
 *
 * <p>Runs once: the marker {@code demo_seeded} in {@code app_state} makes later runs a no-op. A
 * database that already has communities of its own, or accounts with the demo's logins, gets
 * nothing. The whole run holds a PostgreSQL advisory lock, so a second node started with {@code
 * --demo} at the same moment waits for the first and then finds the demo in place.
 */
public final class DemoSeed {
  private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);
  private static final String MARKER = "demo_seeded";
  private static final String STATE =
      """
      SELECT EXISTS (SELECT 1 FROM app_state WHERE key = $1) AS seeded,
             (SELECT count(*) FROM communities) AS communities,
             (SELECT count(*) FROM communities WHERE slug_key = ANY($2)) AS demo_communities,
             (SELECT count(*) FROM users WHERE login_key = ANY($3)) AS taken_logins
      """;
  private static final String SAVE_MARKER = "INSERT INTO app_state (key, value) VALUES ($1, $2)";
  // Two 32-bit keys: a space of their own, apart from the single-key locks of idempotent saves.
  private static final String LOCK =
      "SELECT pg_advisory_lock(hashtext('metodichka'), hashtext('demo-seed'))";
  private static final String UNLOCK =
      "SELECT pg_advisory_unlock(hashtext('metodichka'), hashtext('demo-seed'))";

  private final Pool pool;
  private final UserService users;
  private final CommunityService communities;
  private final PageService pages;
  private final ReviewService reviews;
  private final LifecycleService lifecycle;
  private final PlanService plans;
  private final StructureService structures;
  private final ExpertService experts;
  private final ExpertReviews expertReviews;
  private final MeetingService meetings;

  public DemoSeed(
      Pool pool,
      UserService users,
      CommunityService communities,
      PageService pages,
      ReviewService reviews,
      LifecycleService lifecycle,
      PlanService plans,
      StructureService structures,
      ExpertService experts,
      ExpertReviews expertReviews,
      MeetingService meetings) {
    this.meetings = meetings;
    this.structures = structures;
    this.experts = experts;
    this.expertReviews = expertReviews;
    this.reviews = reviews;
    this.lifecycle = lifecycle;
    this.pool = pool;
    this.users = users;
    this.communities = communities;
    this.pages = pages;
    this.plans = plans;
  }

  /**
   * Seeds the demo into an empty database; otherwise logs why it does nothing. Fails if a step
   * fails (the marker is then not written).
   */
  public Future<Void> run() {
    DemoContent content = DemoContent.load();
    // The lock lives on one connection of its own, held until the seed (on other connections of
    // the pool) has finished; if this node dies, PostgreSQL drops it with the connection.
    return pool.withConnection(
        lock ->
            lock.query(LOCK)
                .execute()
                .compose(locked -> seedOrSkip(content))
                .eventually(() -> lock.query(UNLOCK).execute()));
  }

  private Future<Void> seedOrSkip(DemoContent content) {
    return state(content).compose(state -> state.empty() ? seed(content) : skip(state, content));
  }

  private Future<State> state(DemoContent content) {
    String[] communities = content.communitySlugs().stream().map(Slugs::key).toArray(String[]::new);
    String[] logins =
        Stream.concat(content.logins().stream(), DemoExperts.logins().stream())
            .map(NewUser::loginKey)
            .toArray(String[]::new);
    Tuple args =
        Tuple.tuple().addString(MARKER).addArrayOfString(communities).addArrayOfString(logins);
    return pool.preparedQuery(STATE).execute(args).map(rows -> State.from(rows.iterator().next()));
  }

  private static Future<Void> skip(State state, DemoContent content) {
    if (state.seeded()) {
      LOG.info("Demo content is already in the database: nothing added");
    } else if (state.communities() > state.demoCommunities()) {
      LOG.info(
          "Demo content skipped: the database already has communities of its own ({} of them); "
              + "the demo only fills an empty database",
          state.communities() - state.demoCommunities());
    } else if (state.demoCommunities() > 0) {
      // Nothing is deleted to retry: revisions and memberships are append-only by design.
      LOG.warn(
          "Demo content skipped: an earlier demo run stopped part-way (its communities exist, "
              + "the marker '{}' does not); start on an empty database for the whole demo",
          MARKER);
    } else {
      LOG.info(
          "Demo content skipped: {} of the demo logins {} are already taken",
          state.takenLogins(),
          content.logins());
    }
    return Future.succeededFuture();
  }

  private Future<Void> seed(DemoContent content) {
    long started = System.nanoTime();
    return admin()
        .compose(admin -> seed(content, admin))
        .compose(v -> saveMarker())
        .onSuccess(v -> logSeeded(content, started));
  }

  private Future<Void> seed(DemoContent content, CurrentUser admin) {
    return new DemoDistrict(pool, users, communities, content)
        .create(admin)
        .compose(people -> new DemoHistory(pool).past().map(people))
        .compose(
            people ->
                new DemoPages(pages, reviews, lifecycle, content, people).create().map(people))
        .compose(people -> new DemoStructure(structures, content, people).create().map(people))
        .compose(
            people -> new DemoPlan(plans, content, people, LocalDate.now()).create().map(people))
        .compose(people -> new DemoMeetings(meetings, pool, people, LocalDate.now()).create())
        .compose(v -> new DemoOrders(pool, communities).create())
        .compose(v -> new DemoHistory(pool).views())
        .compose(
            v -> new DemoExperts(users, experts, expertReviews, content.password()).create(admin))
        .compose(v -> new DemoAccounts(pool, users, content.password()).create(admin));
  }

  private Future<CurrentUser> admin() {
    return new UserRepository()
        .findByLogin(pool, "admin")
        .map(
            found ->
                found
                    .filter(User::admin)
                    .map(User::asCurrentUser)
                    .orElseThrow(
                        () ->
                            new IllegalStateException(
                                "The demo needs the administrator account 'admin'")));
  }

  private Future<Void> saveMarker() {
    return pool.preparedQuery(SAVE_MARKER)
        .execute(Tuple.of(MARKER, Instant.now().toString()))
        .mapEmpty();
  }

  // The demo password is public by design (the README lists it), so logging it reveals nothing.
  private static void logSeeded(DemoContent content, long started) {
    LOG.info(
        "Demo content added in {} ms: {} communities, {} pages ({} published). "
            + "Demo logins: {}; password for all: {}",
        (System.nanoTime() - started) / 1_000_000,
        content.communities().size(),
        content.pages().size(),
        content.published(),
        String.join(
            ", ", Stream.concat(content.logins().stream(), DemoExperts.logins().stream()).toList()),
        content.password());
  }

  /** Runs {@code step} on each item, one after another; the first failure stops the rest. */
  static <T> Future<Void> inOrder(Collection<T> items, Function<T, Future<?>> step) {
    Future<Void> chain = Future.succeededFuture();
    for (T item : items) {
      chain = chain.compose(v -> step.apply(item)).mapEmpty();
    }
    return chain;
  }

  /** What the database holds before the run. */
  private record State(boolean seeded, long communities, long demoCommunities, long takenLogins) {
    static State from(Row row) {
      return new State(
          row.getBoolean("seeded"),
          row.getLong("communities"),
          row.getLong("demo_communities"),
          row.getLong("taken_logins"));
    }

    boolean empty() {
      return !seeded && communities == 0 && takenLogins == 0;
    }
  }
}
