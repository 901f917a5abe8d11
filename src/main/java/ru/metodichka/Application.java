package ru.metodichka;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.account.AccountRoutes;
import ru.metodichka.account.AccountService;
import ru.metodichka.account.LoginScreens;
import ru.metodichka.account.PasswordScreens;
import ru.metodichka.account.SessionRoutes;
import ru.metodichka.account.SignInChoices;
import ru.metodichka.account.UserRoutes;
import ru.metodichka.admin.AccountAdmin;
import ru.metodichka.admin.AdminScreens;
import ru.metodichka.attachment.AttachmentRoutes;
import ru.metodichka.attachment.AttachmentScreens;
import ru.metodichka.attachment.AttachmentService;
import ru.metodichka.attachment.EmbeddedFiles;
import ru.metodichka.attachment.PendingFiles;
import ru.metodichka.attachment.PendingRoutes;
import ru.metodichka.attachment.TextExtractor;
import ru.metodichka.auth.AuthService;
import ru.metodichka.auth.PasswordHasher;
import ru.metodichka.auth.TrustedDevices;
import ru.metodichka.auth.UserRepository;
import ru.metodichka.auth.UserService;
import ru.metodichka.bank.Bank;
import ru.metodichka.bank.BankFeeds;
import ru.metodichka.bank.BankScreens;
import ru.metodichka.bank.Sitemaps;
import ru.metodichka.changes.ChangesRoutes;
import ru.metodichka.changes.ChangesScreens;
import ru.metodichka.changes.ChangesService;
import ru.metodichka.changes.FeedTokens;
import ru.metodichka.comment.CommentRoutes;
import ru.metodichka.comment.CommentScreens;
import ru.metodichka.comment.CommentService;
import ru.metodichka.community.CommunityRepository;
import ru.metodichka.community.CommunityRoutes;
import ru.metodichka.community.CommunityService;
import ru.metodichka.community.JoinRequestRoutes;
import ru.metodichka.community.JoinRequestScreens;
import ru.metodichka.community.JoinRequestService;
import ru.metodichka.community.MembershipRepository;
import ru.metodichka.config.AppConfig;
import ru.metodichka.contribution.ContributionRepository;
import ru.metodichka.db.AppStateRepository;
import ru.metodichka.db.DatabaseHealth;
import ru.metodichka.db.DatabaseLocator;
import ru.metodichka.db.Migrations;
import ru.metodichka.db.ResolvedDatabase;
import ru.metodichka.demo.DemoDiscussion;
import ru.metodichka.demo.DemoFiles;
import ru.metodichka.demo.DemoSeed;
import ru.metodichka.evaluation.EvaluationDocuments;
import ru.metodichka.evaluation.EvaluationExports;
import ru.metodichka.evaluation.EvaluationRoutes;
import ru.metodichka.evaluation.EvaluationScreens;
import ru.metodichka.evaluation.EvaluationService;
import ru.metodichka.expert.ExpertAdminScreens;
import ru.metodichka.expert.ExpertLink;
import ru.metodichka.expert.ExpertReviews;
import ru.metodichka.expert.ExpertRoutes;
import ru.metodichka.expert.ExpertScreens;
import ru.metodichka.expert.ExpertService;
import ru.metodichka.expert.RubricScreens;
import ru.metodichka.expert.RubricService;
import ru.metodichka.home.HomeScreens;
import ru.metodichka.institution.InstitutionRepository;
import ru.metodichka.institution.InstitutionService;
import ru.metodichka.meeting.MeetingReader;
import ru.metodichka.meeting.MeetingRoutes;
import ru.metodichka.meeting.MeetingScreens;
import ru.metodichka.meeting.MeetingService;
import ru.metodichka.moderation.AttentionCount;
import ru.metodichka.moderation.ModerationScreens;
import ru.metodichka.moderation.ReportQueueScreens;
import ru.metodichka.moderation.ReviewQueue;
import ru.metodichka.moderation.ReviewQueueRoutes;
import ru.metodichka.notification.DailyRounds;
import ru.metodichka.notification.Inbox;
import ru.metodichka.notification.MailOutbox;
import ru.metodichka.notification.NotificationRoutes;
import ru.metodichka.notification.NotificationScreens;
import ru.metodichka.notification.NotificationService;
import ru.metodichka.notification.UnreadCount;
import ru.metodichka.notification.UnsubscribeTokens;
import ru.metodichka.notification.WatchService;
import ru.metodichka.notification.mail.SmtpMailer;
import ru.metodichka.oidc.IdentityRoutes;
import ru.metodichka.oidc.OidcProvider;
import ru.metodichka.oidc.OidcScreens;
import ru.metodichka.oidc.OidcService;
import ru.metodichka.order.OrderDocuments;
import ru.metodichka.order.OrderRoutes;
import ru.metodichka.order.OrderScreens;
import ru.metodichka.order.OrderService;
import ru.metodichka.page.LifecycleScreens;
import ru.metodichka.page.LifecycleService;
import ru.metodichka.page.PageReader;
import ru.metodichka.page.PageRendering;
import ru.metodichka.page.PageRoutes;
import ru.metodichka.page.PageScreens;
import ru.metodichka.page.PageService;
import ru.metodichka.page.PageViewCache;
import ru.metodichka.page.PublishChecklist;
import ru.metodichka.page.ReviewService;
import ru.metodichka.page.ViewCounter;
import ru.metodichka.page.editor.EditorRoutes;
import ru.metodichka.page.editor.EditorScreens;
import ru.metodichka.page.editor.EditorService;
import ru.metodichka.page.history.HistoryReader;
import ru.metodichka.page.history.HistoryRoutes;
import ru.metodichka.page.history.HistoryScreens;
import ru.metodichka.page.history.RevertScreens;
import ru.metodichka.plan.PlanDescriptions;
import ru.metodichka.plan.PlanReader;
import ru.metodichka.plan.PlanRoutes;
import ru.metodichka.plan.PlanScreens;
import ru.metodichka.plan.PlanService;
import ru.metodichka.profile.ProfileScreens;
import ru.metodichka.profile.ProfileService;
import ru.metodichka.render.MarkdownRenderer;
import ru.metodichka.report.ReportRoutes;
import ru.metodichka.report.ReportScreens;
import ru.metodichka.report.ReportService;
import ru.metodichka.search.SearchEngine;
import ru.metodichka.search.SearchRoutes;
import ru.metodichka.search.SearchScreens;
import ru.metodichka.search.SearchService;
import ru.metodichka.search.index.Indexer;
import ru.metodichka.search.index.SearchIndex;
import ru.metodichka.search.index.SearchIndexes;
import ru.metodichka.structure.StructureRoutes;
import ru.metodichka.structure.StructureScreens;
import ru.metodichka.structure.StructureService;
import ru.metodichka.web.AuthHandler;
import ru.metodichka.web.ClientAddress;
import ru.metodichka.web.Csrf;
import ru.metodichka.web.HttpVerticle;
import ru.metodichka.web.PublicUrl;
import ru.metodichka.web.Templates;
import ru.metodichka.web.WebParts;
import ru.metodichka.wordio.ExportWarmUp;
import ru.metodichka.wordio.PageExports;
import ru.metodichka.wordio.WordConversions;
import ru.metodichka.wordio.WordRoutes;
import ru.metodichka.wordio.WordScreens;

/**
 * The composition root: a running Metodichka, every component built here and handed what it uses.
 * The database is found and migrated, the search index opened and its indexer started, the first
 * administrator and the demo content put in place, and the HTTP verticles deployed. Whatever was
 * opened is closed in the reverse order, on shutdown and when the start fails part-way. Started by
 * {@link Main} and by the integration tests.
 */
public final class Application implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);
  private static final long VIEW_FLUSH_MS = 10_000;
  private final Opened opened;
  private final Parts parts;
  private final int port;
  private final Future<Boolean> exportsWarmedUp;

  /** The components tests and tools reach into; the web layer gets {@link WebParts}. */
  public record Parts(
      ResolvedDatabase database,
      Vertx vertx,
      Pool pool,
      AuthService auth,
      UserService users,
      CommunityService communities,
      JoinRequestService joinRequests,
      PageService pages,
      ReviewService reviews,
      LifecycleService lifecycle,
      PlanService plans,
      PlanReader planReader,
      ExpertService experts,
      ExpertReviews expertReviews,
      PageViewCache viewCache,
      StructureService structures,
      ViewCounter views,
      MarkdownRenderer renderer,
      WorkerExecutor markdown,
      SearchIndex searchIndex,
      Indexer indexer,
      Housekeeping housekeeping,
      MeetingService meetings,
      TextExtractor extractor,
      NotificationService notifications,
      MailOutbox mailOutbox,
      DailyRounds dailyRounds) {}

  private Application(Opened opened, Parts parts, int port, Future<Boolean> exportsWarmedUp) {
    this.opened = opened;
    this.parts = parts;
    this.port = port;
    this.exportsWarmedUp = exportsWarmedUp;
  }

  /** Blocking: call from a plain thread (main or test setup), never from an event loop. */
  public static Application start(AppConfig config) {
    Opened opened = new Opened();
    // The port mails link to when public-url is not set, known once the server listens.
    AtomicInteger boundPort = new AtomicInteger(config.http().port());
    try {
      Parts parts = build(config, opened, boundPort);
      AdminBootstrap.run(parts.users(), config.adminPassword(), config.adminResetPassword());
      if (config.demo()) {
        new DemoSeed(
                parts.pool(),
                parts.users(),
                parts.communities(),
                parts.pages(),
                parts.reviews(),
                parts.lifecycle(),
                parts.plans(),
                parts.structures(),
                parts.experts(),
                parts.expertReviews(),
                parts.meetings())
            .run()
            .await();
        new DemoDiscussion(parts.pool(), comments(parts), reports(parts)).run().await();
        demoFiles(config, parts);
      }
      int port = deploy(parts.vertx(), web(config, parts), config.http());
      boundPort.set(port);
      // Once the server listens, never before: the first export must not pay for a cold JVM.
      Future<Boolean> warmUp =
          ExportWarmUp.start(parts.vertx().createSharedWorkerExecutor("metodichka-documents", 2));
      ResolvedDatabase database = parts.database();
      LOG.info(
          "Metodichka serves http://{}:{}/ (database: {} {}:{}/{})",
          displayHost(config.http().host()),
          port,
          database.source(),
          database.host(),
          database.port(),
          database.database());
      return new Application(opened, parts, port, warmUp);
    } catch (RuntimeException | Error e) {
      opened.close();
      throw e;
    } catch (Exception e) {
      // A checked exception thrown through Future.await(), e.g. the port taken (BindException).
      opened.close();
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** The index opened on another thread, or what stopped it, thrown as it was thrown there. */
  private static SearchIndex opened(CompletableFuture<SearchIndex> opening) {
    try {
      return opening.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private static void closeOnceOpened(CompletableFuture<SearchIndex> opening) throws IOException {
    SearchIndex index = opening.exceptionally(failed -> null).join();
    if (index != null) {
      index.close();
    }
  }

  /**
   * Opens what lasts as long as the server (database, Vert.x, search index, indexer, view counter),
   * registering each with {@code opened} as it goes, and builds the services on top.
   */
  private static Parts build(AppConfig config, Opened opened, AtomicInteger boundPort) {
    // The search index opens (reading its last commit: 0.3-0.8 s with 100k pages) on the other
    // core while the database is found and its schema checked: neither needs the other. However
    // the start ends, it is closed once opened (after Vert.x, so after the last search on a
    // worker).
    CompletableFuture<SearchIndex> opening =
        CompletableFuture.supplyAsync(() -> SearchIndexes.open(config.searchIndexDir()));
    opened.add("the search index", opening, () -> closeOnceOpened(opening));
    ResolvedDatabase database =
        DatabaseLocator.resolve(
            config.db().url().orElse(null), config.db().localUrl(), config.dataDir());
    opened.add("the database", database, database::close);
    Migrations.apply(database);
    Vertx vertx = Vertx.vertx();
    opened.add("Vert.x", vertx, () -> vertx.close().await());
    Pool pool = pool(vertx, database, config.db());
    SearchIndex index = opened(opening);
    Indexer indexer = new Indexer(pool(vertx, database, indexerDb(config.db())), index);
    opened.add("the search indexer", indexer, indexer::close);
    indexer.start(vertx, database.connectOptions());

    var hasher = new PasswordHasher(vertx.createSharedWorkerExecutor("metodichka-blocking", 4));
    var devices = patiently(() -> TrustedDevices.load(pool, new AppStateRepository()));
    var auth = new AuthService(pool, new UserRepository(), hasher, config.sessionTtl(), devices);
    var users = new UserService(pool, new UserRepository(), hasher);
    var memberships = new MembershipRepository();
    var communities =
        new CommunityService(pool, new CommunityRepository(), memberships, new UserRepository());
    // E-mail goes through its own single worker: SMTP blocks, and one sender per node is plenty.
    var outbox =
        new MailOutbox(
            pool,
            new SmtpMailer(config.smtp()),
            vertx.createSharedWorkerExecutor("metodichka-mail", 1),
            () -> config.http().publicUrl().orElseGet(() -> "http://localhost:" + boundPort.get()),
            config.timeZone());
    outbox.start(vertx, patiently(() -> UnsubscribeTokens.load(pool)));
    var notifications = new NotificationService(outbox);
    var joinRequests = new JoinRequestService(pool, communities, memberships, notifications);
    var views = new ViewCounter(pool, config.timeZone());
    opened.add("the view counter", views, () -> views.flush().await());
    views.start(vertx, VIEW_FLUSH_MS);
    var renderer = new MarkdownRenderer();
    // Rendering pages and reading the wiki links of saves: flexmark, which may take up to its time
    // budget on a hostile text, so never on an event loop, and apart from previews.
    var markdown = vertx.createSharedWorkerExecutor("metodichka-markdown", 4);
    var viewCache = new PageViewCache();
    // Changes made through any server reach this one's cached pages as its indexer reads them.
    indexer.onChange(
        changes -> viewCache.pagesChanged(changes.pageIds(), changes.listingsChanged()));
    var pages =
        new PageService(
            pool,
            communities,
            new ContributionRepository(),
            renderer,
            markdown,
            viewCache,
            notifications);
    var reviews = new ReviewService(pool, communities, viewCache, notifications);
    var lifecycle =
        new LifecycleService(
            pool, communities, new ContributionRepository(), renderer, markdown, viewCache);
    var plans =
        new PlanService(
            pool, communities, new ContributionRepository(), config.timeZone(), notifications);
    // Word documents of plans: Apache POI blocks while it writes one.
    var documents = vertx.createSharedWorkerExecutor("metodichka-documents", 2);
    var planReader = new PlanReader(pool, communities, documents, config.timeZone());
    var experts = new ExpertService(pool, communities, config.timeZone());
    var expertReviews = new ExpertReviews(pool, communities);
    var housekeeping = new Housekeeping(pool, auth, pages);
    housekeeping.start(vertx);
    // Text inside attached files: Tika in child JVMs, from the queue in PostgreSQL.
    var files = config.attachments();
    var extractor =
        TextExtractor.start(
            pool,
            files.extractMemoryMb(),
            files.extractTimeout(),
            files.textMaxChars(),
            files.extractWorkers());
    opened.add("the text extractor", extractor, extractor::close);
    var dailyRounds =
        new DailyRounds(pool, notifications, outbox, config.timeZone(), Clock.systemUTC());
    dailyRounds.start(vertx);
    return new Parts(
        database,
        vertx,
        pool,
        auth,
        users,
        communities,
        joinRequests,
        pages,
        reviews,
        lifecycle,
        plans,
        planReader,
        experts,
        expertReviews,
        viewCache,
        new StructureService(pool, communities, viewCache),
        views,
        renderer,
        markdown,
        index,
        indexer,
        housekeeping,
        new MeetingService(pool, communities, new ContributionRepository(), notifications),
        extractor,
        notifications,
        outbox,
        dailyRounds);
  }

  /** The discussion under pages, on its own page reader (the demo's; the web layer has one). */
  private static CommentService comments(Parts parts) {
    var rendering = new PageRendering(parts.renderer(), parts.markdown(), parts.viewCache());
    var reader = new PageReader(parts.pool(), parts.communities(), rendering, parts.views());
    return new CommentService(
        parts.pool(),
        reader,
        parts.pages(),
        rendering,
        parts.markdown(),
        new ContributionRepository(),
        parts.notifications());
  }

  private static ReportService reports(Parts parts) {
    var rendering = new PageRendering(parts.renderer(), parts.markdown(), parts.viewCache());
    var reader = new PageReader(parts.pool(), parts.communities(), rendering, parts.views());
    return new ReportService(
        parts.pool(),
        parts.communities(),
        reader,
        parts.pages(),
        comments(parts),
        parts.notifications());
  }

  /** The demo's attached files (made here, stored on a Vert.x context as the pool expects). */
  private static void demoFiles(AppConfig config, Parts parts) {
    List<DemoFiles.DemoFile> made = DemoFiles.make();
    var reader =
        new PageReader(
            parts.pool(),
            parts.communities(),
            new PageRendering(parts.renderer(), parts.markdown(), parts.viewCache()),
            parts.views());
    var files = attachments(config, parts.vertx(), parts.pool(), reader);
    files.onTextQueued(parts.extractor()::wake);
    Promise<Void> done = Promise.promise();
    parts
        .vertx()
        .runOnContext(v -> DemoFiles.attach(parts.pool(), reader, files, made).onComplete(done));
    done.future().await();
  }

  private static AttachmentService attachments(
      AppConfig config, Vertx vertx, Pool pool, PageReader reader) {
    // Image previews: each decode holds an image (subsampled, tens of megabytes at most), so two.
    return new AttachmentService(
        pool,
        reader,
        new ContributionRepository(),
        config.attachments().maxBytes(),
        config.timeZone(),
        Clock.systemUTC(),
        vertx.createSharedWorkerExecutor("metodichka-images", 2));
  }

  /** The web layer: every screen and API route with the services it uses. */
  private static WebParts web(AppConfig config, Parts parts) {
    Vertx vertx = parts.vertx();
    Pool pool = parts.pool();
    var auth = parts.auth();
    var clientAddress = new ClientAddress(config.http().trustedProxies());
    var csrf = patiently(() -> Csrf.load(pool, new AppStateRepository()));
    var templates = new Templates(csrf, config.timeZone());
    var publicUrl = new PublicUrl(config.http().publicUrl());
    var communities = parts.communities();
    // Pages show their own image files (![подпись](attachment:схема.png)).
    var rendering =
        new PageRendering(
            parts.renderer(), parts.markdown(), parts.viewCache(), new EmbeddedFiles());
    var reader = new PageReader(pool, communities, rendering, parts.views());
    var attachments = attachments(config, vertx, pool, reader);
    attachments.onTextQueued(parts.extractor()::wake);
    var pending = new PendingFiles(pool, communities, attachments);
    var history = new HistoryReader(pool, reader, parts.reviews(), parts.lifecycle());
    var checklist =
        new PublishChecklist(
            pool, communities, reader, parts.reviews(), parts.renderer(), parts.markdown());
    var reviewQueue = new ReviewQueue(pool, checklist);
    var comments =
        new CommentService(
            pool,
            reader,
            parts.pages(),
            rendering,
            parts.markdown(),
            new ContributionRepository(),
            parts.notifications());
    var commentScreens = new CommentScreens(templates, comments);
    var reports =
        new ReportService(
            pool, communities, reader, parts.pages(), comments, parts.notifications());
    var changes = new ChangesService(pool, communities);
    var feedTokens = new FeedTokens(pool);
    var meetingReader =
        new MeetingReader(pool, communities, rendering, parts.markdown(), config.timeZone());
    // Previews render Markdown as typed, hostile or huge included: a pool of their own, so a slow
    // one never makes a login (password hashing) or a page view wait.
    var editor =
        new EditorService(
            pool,
            communities,
            reader,
            rendering,
            vertx.createSharedWorkerExecutor("metodichka-preview", 2),
            pending);
    var search =
        new SearchService(
            pool,
            parts.searchIndex(),
            new SearchEngine(parts.searchIndex()),
            parts.indexer(),
            vertx.createSharedWorkerExecutor("metodichka-search", 4));
    var bank = new Bank(pool);
    var institutions = new InstitutionService(pool, new InstitutionRepository());
    // Account management: password hashing on the same blocking workers as logins.
    var accounts =
        new AccountService(
            pool,
            new UserRepository(),
            new PasswordHasher(vertx.createSharedWorkerExecutor("metodichka-blocking", 4)),
            auth);
    var pageService = parts.pages();
    var viewCache = parts.viewCache();
    var orders = new OrderService(pool, config.timeZone());
    var structures = parts.structures();
    var rubric = new RubricService(pool);
    // Word documents of orders: POI is blocking, so on workers of their own.
    var documents =
        new OrderDocuments(
            orders,
            vertx.createSharedWorkerExecutor("metodichka-documents", 2),
            config.centreName());
    var watches = new WatchService(pool, communities);
    var inbox = new Inbox(pool, parts.mailOutbox());
    var evaluations =
        new EvaluationService(
            pool,
            communities,
            parts.experts(),
            config.timeZone(),
            config.activeThreshold(),
            Clock.systemUTC());
    // Spreadsheets and PDF reports block while they are written: on the documents' workers.
    // Sign-in through an OpenID Connect provider, when one is configured; discovered lazily.
    var signIn =
        new SignInChoices(
            config.signIn().localLogin(), config.signIn().oidc().map(AppConfig.Oidc::buttonLabel));
    var oidc =
        new OidcService(
            pool,
            config
                .signIn()
                .oidc()
                .map(o -> new OidcProvider(vertx, o, Clock.systemUTC()))
                .orElse(null),
            auth,
            parts.experts(),
            new UserRepository());
    var evaluationExports =
        new EvaluationExports(
            evaluations,
            vertx.createSharedWorkerExecutor("metodichka-documents", 2),
            new EvaluationDocuments(config.timeZone(), Clock.systemUTC(), config.centreName()));
    // Word in and out: conversions of hostile documents on a pool of their own (a slow one never
    // holds the page views' or the previews' workers); exports on the documents' workers.
    var conversions =
        new WordConversions(
            pool, communities, vertx.createSharedWorkerExecutor("metodichka-word", 2), pending);
    var pageExports =
        new PageExports(
            reader,
            attachments,
            structures,
            vertx.createSharedWorkerExecutor("metodichka-documents", 2),
            config.centreName(),
            config.timeZone(),
            Clock.systemUTC());
    var pageScreens =
        new PageScreens(
            templates,
            reader,
            parts.reviews(),
            checklist,
            publicUrl,
            search.similarPages(),
            viewCache,
            parts.views(),
            config.centreName(),
            commentScreens.section());
    return new WebParts(
        new AuthHandler(auth),
        csrf,
        templates,
        new DatabaseHealth(pool),
        publicUrl,
        List.of(
            new AttentionCount(parts.joinRequests(), reviewQueue),
            new ExpertLink(parts.experts()),
            new UnreadCount(inbox)),
        List.of(
            new SessionRoutes(auth, clientAddress, signIn),
            new UserRoutes(parts.users()),
            new AccountRoutes(accounts, clientAddress, publicUrl),
            new CommunityRoutes(communities),
            new JoinRequestRoutes(parts.joinRequests()),
            new ReviewQueueRoutes(reviewQueue),
            new ChangesRoutes(changes, config.timeZone()),
            new PageRoutes(pageService, reader, parts.reviews(), parts.lifecycle(), checklist),
            new HistoryRoutes(history),
            new EditorRoutes(editor),
            new PlanRoutes(parts.planReader(), parts.plans()),
            new SearchRoutes(search),
            new OrderRoutes(orders, documents),
            new StructureRoutes(structures),
            new ExpertRoutes(parts.experts(), parts.expertReviews(), rubric),
            new EvaluationRoutes(evaluations, evaluationExports),
            new CommentRoutes(comments),
            new ReportRoutes(reports),
            new MeetingRoutes(meetingReader, parts.meetings(), config.timeZone()),
            new IdentityRoutes(oidc),
            new WordRoutes(
                conversions, pageExports, publicUrl, config.attachments().importMaxBytes()),
            new AttachmentRoutes(attachments),
            new PendingRoutes(pending, attachments),
            new NotificationRoutes(watches, inbox)),
        List.of(
            // Before the login screens: its POST /logout takes the sessions the provider started.
            new OidcScreens(templates, oidc, publicUrl),
            // The editor first: its /c/{c}/new must win over the page screen's /c/{c}/{slug}.
            new EditorScreens(templates, pageService, history, editor),
            new HomeScreens(
                templates,
                communities,
                reader,
                parts.users(),
                parts.joinRequests(),
                orders,
                parts.planReader(),
                meetingReader),
            new JoinRequestScreens(parts.joinRequests()),
            new ModerationScreens(templates, parts.joinRequests(), reviewQueue),
            new ReportQueueScreens(templates, reports),
            new ReportScreens(templates, reports),
            // Before the page screen: its /c/{c}/{slug} would not take the forms' posts, but keep
            // the discussion's paths together.
            commentScreens,
            new BankScreens(templates, bank, search),
            new BankFeeds(bank, new Sitemaps(pool), publicUrl),
            // Before the page screen: its /c/{c}/{slug} would take /c/{c}/changes, /structure,
            // /evaluation and /plan.
            new ChangesScreens(
                templates, changes, communities, feedTokens, publicUrl, config.timeZone()),
            new StructureScreens(templates, structures),
            new MeetingScreens(
                templates, meetingReader, parts.meetings(), publicUrl, config.timeZone()),
            // Before the page screen as well: /c/{c}/import.
            new WordScreens(templates, conversions, pageExports, publicUrl),
            new EvaluationScreens(templates, evaluations),
            new PlanScreens(
                templates,
                communities,
                parts.planReader(),
                parts.plans(),
                new PlanDescriptions(pool, rendering, parts.markdown())),
            new AttachmentScreens(templates, reader, attachments),
            pageScreens,
            new LifecycleScreens(templates, reader, parts.lifecycle(), communities),
            new HistoryScreens(templates, history),
            new RevertScreens(templates, history, pageService),
            new LoginScreens(templates, auth, clientAddress, signIn),
            new NotificationScreens(templates, inbox, watches),
            new ProfileScreens(
                templates,
                new ProfileService(pool, parts.users(), parts.joinRequests()),
                feedTokens,
                meetingReader),
            new AdminScreens(templates, communities, parts.users(), institutions, search),
            new AccountAdmin(templates, accounts, institutions, publicUrl),
            new PasswordScreens(templates, accounts, clientAddress),
            new OrderScreens(templates, orders, documents),
            new ExpertScreens(templates, parts.experts(), parts.expertReviews()),
            new ExpertAdminScreens(templates, parts.experts(), communities),
            new RubricScreens(templates, rubric),
            new SearchScreens(templates, search, communities)),
        pageScreens);
  }

  public static Pool pool(Vertx vertx, ResolvedDatabase database, AppConfig.Db db) {
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

  /** The indexer's own two connections: a burst of requests never keeps it from its work. */
  private static AppConfig.Db indexerDb(AppConfig.Db db) {
    return new AppConfig.Db(db.url(), db.localUrl(), 2, db.waitQueueSize(), db.connectTimeout());
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

  private static int deploy(Vertx vertx, WebParts web, AppConfig.Http http) {
    int instances =
        http.instances() > 0 ? http.instances() : Runtime.getRuntime().availableProcessors();
    List<HttpVerticle> deployed = new CopyOnWriteArrayList<>();
    vertx
        .deployVerticle(
            () -> {
              HttpVerticle verticle = new HttpVerticle(http, web);
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

  /** The exports' warm-up ({@link ExportWarmUp}): true once done, false if it failed. */
  public Future<Boolean> exportsWarmedUp() {
    return exportsWarmedUp;
  }

  public int port() {
    return port;
  }

  public Parts parts() {
    return parts;
  }

  public Vertx vertx() {
    return parts.vertx();
  }

  public ResolvedDatabase database() {
    return parts.database();
  }

  /**
   * Closes what the start opened, newest first: pending view counts are written, the indexer's
   * thread stops, the index closes, then Vert.x (HTTP servers, pools, timers) and the database.
   */
  @Override
  public void close() {
    opened.close();
  }
}
