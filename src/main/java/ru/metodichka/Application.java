package ru.metodichka;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.admin.AdminScreens;
import ru.metodichka.auth.AuthHandler;
import ru.metodichka.auth.AuthService;
import ru.metodichka.auth.LoginScreens;
import ru.metodichka.auth.PasswordHasher;
import ru.metodichka.auth.SessionRoutes;
import ru.metodichka.auth.UserRepository;
import ru.metodichka.auth.UserRoutes;
import ru.metodichka.auth.UserService;
import ru.metodichka.bank.Bank;
import ru.metodichka.bank.BankFeeds;
import ru.metodichka.bank.BankScreens;
import ru.metodichka.bank.Sitemaps;
import ru.metodichka.community.CommunityRepository;
import ru.metodichka.community.CommunityRoutes;
import ru.metodichka.community.CommunityScreens;
import ru.metodichka.community.CommunityService;
import ru.metodichka.community.MembershipRepository;
import ru.metodichka.config.AppConfig;
import ru.metodichka.contribution.ContributionRepository;
import ru.metodichka.db.DatabaseLocator;
import ru.metodichka.db.Migrations;
import ru.metodichka.db.ResolvedDatabase;
import ru.metodichka.demo.DemoSeed;
import ru.metodichka.institution.InstitutionRepository;
import ru.metodichka.institution.InstitutionService;
import ru.metodichka.page.Pages;
import ru.metodichka.profile.ProfileScreens;
import ru.metodichka.profile.ProfileService;
import ru.metodichka.render.MarkdownRenderer;
import ru.metodichka.search.Indexer;
import ru.metodichka.search.Search;
import ru.metodichka.search.SearchIndex;
import ru.metodichka.search.SearchIndexes;
import ru.metodichka.search.SearchScreens;
import ru.metodichka.search.SearchService;
import ru.metodichka.web.Csrf;
import ru.metodichka.web.HttpVerticle;
import ru.metodichka.web.PublicUrl;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;

/**
 * A running Metodichka: database found and migrated, services built, first administrator and demo
 * content in place, HTTP verticles deployed. Started by {@link Main} and by the integration tests.
 */
public final class Application implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);
  private static final long VIEW_FLUSH_MS = 10_000;
  private final ResolvedDatabase database;
  private final Vertx vertx;
  private final Services services;
  private final int port;

  private Application(ResolvedDatabase database, Vertx vertx, Services services, int port) {
    this.database = database;
    this.vertx = vertx;
    this.services = services;
    this.port = port;
  }

  /** Blocking: call from a plain thread (main or test setup), never from an event loop. */
  public static Application start(AppConfig config) {
    ResolvedDatabase database =
        DatabaseLocator.resolve(
            config.db().url().orElse(null), config.db().localUrl(), config.dataDir());
    Vertx vertx = null;
    try {
      Migrations.apply(database);
      vertx = Vertx.vertx();
      SearchIndex index = SearchIndexes.open(config.searchIndexDir());
      Services services;
      try {
        services = services(vertx, database, pool(vertx, database, config.db()), index, config);
      } catch (RuntimeException e) {
        SearchIndexes.closeQuietly(index);
        throw e;
      }
      AdminBootstrap.run(services.users(), config.adminPassword());
      if (config.demo()) {
        new DemoSeed(services).run().await();
      }
      int port = deploy(vertx, services, config.http());
      LOG.info(
          "Metodichka serves http://{}:{}/ (database: {} {}:{}/{})",
          displayHost(config.http().host()),
          port,
          database.source(),
          database.host(),
          database.port(),
          database.database());
      return new Application(database, vertx, services, port);
    } catch (RuntimeException e) {
      if (vertx != null) {
        vertx.close().await();
      }
      database.close();
      throw e;
    }
  }

  static Pool pool(Vertx vertx, ResolvedDatabase database, AppConfig.Db db) {
    int timeoutMs = (int) db.connectTimeout().toMillis();
    // A bounded queue and short timeouts: when PostgreSQL is down, requests fail fast with 503
    // instead of piling up; new connections are made as soon as it answers again.
    PoolOptions options =
        new PoolOptions()
            .setMaxSize(db.poolSize())
            .setMaxWaitQueueSize(db.waitQueueSize())
            .setConnectionTimeout(timeoutMs)
            .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
            .setIdleTimeout(5)
            .setIdleTimeoutUnit(TimeUnit.MINUTES)
            .setShared(false);
    NetClientOptions net =
        new NetClientOptions().setConnectTimeout(timeoutMs).setTcpKeepAlive(true);
    return PgBuilder.pool()
        .with(options)
        .with(net)
        .connectingTo(database.connectOptions())
        .using(vertx)
        .build();
  }

  private static Services services(
      Vertx vertx, ResolvedDatabase database, Pool pool, SearchIndex index, AppConfig config) {
    WorkerExecutor blocking = vertx.createSharedWorkerExecutor("metodichka-blocking", 4);
    var users = new UserRepository();
    var hasher = new PasswordHasher(blocking);
    var auth = new AuthService(vertx, pool, users, hasher, config.sessionTtl());
    var userService = new UserService(pool, users, hasher);
    var communities =
        new CommunityService(pool, new CommunityRepository(), new MembershipRepository(), users);
    var contributions = new ContributionRepository();
    // Previews render Markdown as typed, hostile or huge included: a pool of their own, so a slow
    // one never makes a login (password hashing on the pool above) wait.
    WorkerExecutor previews = vertx.createSharedWorkerExecutor("metodichka-preview", 2);
    // Rendering pages and reading the wiki links of saves: flexmark, which may take up to its time
    // budget on a hostile text, so never on an event loop; apart from previews, which anyone
    // with an editor can send in a loop.
    WorkerExecutor markdown = vertx.createSharedWorkerExecutor("metodichka-markdown", 4);
    var pages =
        Pages.create(
            pool,
            communities,
            contributions,
            new MarkdownRenderer(),
            previews,
            markdown,
            config.timeZone());
    pages.views().start(vertx, VIEW_FLUSH_MS);
    var csrf = patiently(() -> Csrf.load(pool));
    var templates = new Templates(csrf, config.timeZone());
    var search = search(vertx, database, pool, config, index);
    pages.views().onWritten(search.indexer()::viewed);
    var publicUrl = new PublicUrl(config.http().publicUrl());
    var bank = new Bank(pool);
    List<Screens> screens = new ArrayList<>();
    screens.add(new CommunityScreens(templates, communities, pages.reader()));
    screens.add(new BankScreens(templates, bank));
    screens.add(new BankFeeds(bank, new Sitemaps(pool), publicUrl));
    screens.addAll(pages.screens(templates, publicUrl, search.similarPages()));
    screens.add(new LoginScreens(templates, auth));
    screens.add(
        new ProfileScreens(templates, new ProfileService(pool, userService, contributions)));
    var institutions = new InstitutionService(pool, new InstitutionRepository());
    screens.add(new AdminScreens(templates, communities, userService, institutions, search));
    screens.add(new SearchScreens(templates, search, communities));
    var housekeeping = new Housekeeping(auth, pages.service());
    housekeeping.start(vertx);
    return new Services(
        pool,
        userService,
        communities,
        pages,
        new AuthHandler(auth),
        new SessionRoutes(auth),
        new UserRoutes(userService),
        new CommunityRoutes(communities),
        csrf,
        templates,
        screens,
        housekeeping,
        search);
  }

  /**
   * The search feature over the opened index, its indexer started: the first round catches up on
   * what happened while the server was down, or rebuilds a new index, in the background.
   */
  private static Search search(
      Vertx vertx, ResolvedDatabase database, Pool pool, AppConfig config, SearchIndex index) {
    // The indexer's own two connections: a burst of requests never keeps it from its work.
    var indexerDb =
        new AppConfig.Db(
            config.db().url(),
            config.db().localUrl(),
            2,
            config.db().waitQueueSize(),
            config.db().connectTimeout());
    var indexer = new Indexer(pool(vertx, database, indexerDb), index);
    indexer.start(vertx, database.connectOptions());
    return new Search(
        pool,
        index,
        new SearchService(index),
        indexer,
        vertx.createSharedWorkerExecutor("metodichka-search", 4));
  }

  /**
   * The first query of a start meets a cold pool, and on a busy machine the first connections can
   * take longer than the pool's short timeout (meant for requests): give it a few tries.
   */
  private static <T> T patiently(Supplier<Future<T>> query) {
    for (int attempt = 1; ; attempt++) {
      try {
        return query.get().await();
      } catch (RuntimeException e) {
        if (attempt == 10) {
          throw e;
        }
        LOG.info("The database is slow to answer ({}); trying again", e.getMessage());
        try {
          Thread.sleep(1000);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  private static int deploy(Vertx vertx, Services services, AppConfig.Http http) {
    int instances =
        http.instances() > 0 ? http.instances() : Runtime.getRuntime().availableProcessors();
    List<HttpVerticle> deployed = new CopyOnWriteArrayList<>();
    vertx
        .deployVerticle(
            () -> {
              HttpVerticle verticle = new HttpVerticle(http, services);
              deployed.add(verticle);
              return verticle;
            },
            new DeploymentOptions().setInstances(instances))
        .await();
    return deployed.getFirst().actualPort();
  }

  private static String displayHost(String host) {
    return host.equals("0.0.0.0") ? "localhost" : host;
  }

  public int port() {
    return port;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Services services() {
    return services;
  }

  public ResolvedDatabase database() {
    return database;
  }

  /** Writes pending view counts, then stops the HTTP server, the pool and an embedded database. */
  @Override
  public void close() {
    try {
      services.pages().views().flush().await();
    } catch (RuntimeException e) {
      LOG.warn("Page view counts not written at shutdown: {}", e.toString());
    }
    services.search().indexer().close();
    vertx.close().await();
    SearchIndexes.closeQuietly(services.search().index());
    database.close();
  }
}
