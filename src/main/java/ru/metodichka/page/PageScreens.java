package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Community;
import ru.metodichka.error.AppError;
import ru.metodichka.render.Outline;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.MemoryCopies;
import ru.metodichka.web.PublicUrl;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/** A page as people read it ({@code /c/{community}/{slug}}), and its publishing buttons. */
public final class PageScreens implements Screens, MemoryCopies {
  private static final String HTML = "text/html; charset=utf-8";
  private static final String PAGE = "/c/:community/:slug";
  // The moderators' review queue, whose forms post to these acts and come back to it.
  private static final String REVIEW_QUEUE = "/moderation/review";
  private final Templates templates;
  private final PageReader reader;
  private final ReviewService reviews;
  private final PublishChecklist checklist;
  private final SimilarPages similar;
  private final PublicUrl publicUrl;
  private final PageViewCache cache;
  private final ViewCounter views;
  private final PageSection below;
  private final String centre;

  /**
   * @param centre the centre's name ({@code centre.name}), in the citation under every page
   * @param below what other features show under the page (the discussion)
   */
  public PageScreens(
      Templates templates,
      PageReader reader,
      ReviewService reviews,
      PublishChecklist checklist,
      PublicUrl publicUrl,
      SimilarPages similar,
      PageViewCache cache,
      ViewCounter views,
      String centre,
      PageSection below) {
    this.below = below;
    this.templates = templates;
    this.centre = centre;
    this.cache = cache;
    this.views = views;
    this.similar = similar;
    this.reader = reader;
    this.reviews = reviews;
    this.checklist = checklist;
    this.publicUrl = publicUrl;
  }

  /**
   * The anonymous page view from memory ({@link ru.metodichka.web.FromMemory}, before the router):
   * only an address that {@link #view} answered and kept is answered there.
   */
  @Override
  public Buffer copy(String site, String uri, String lang) {
    PageViewCache.Entry cached = cache.get(new PageViewCache.Key(site, uri, lang));
    if (cached == null) {
      return null;
    }
    // Served from memory, but still a view (the rendering path counts it in PageReader).
    views.viewed(cached.pageId());
    return cached.html();
  }

  @Override
  public void mount(Router router) {
    router.get(PAGE).handler(this::view);
    router
        .post(PAGE + "/publish")
        .handler(
            ctx ->
                act(
                    ctx,
                    "reviewed",
                    (actor, c, slug) ->
                        checklist.publish(actor, c, slug, formRevision(ctx), form(ctx, "note"))));
    router.post(PAGE + "/unpublish").handler(ctx -> act(ctx, "unpublished", reviews::unpublish));
    router
        .post(PAGE + "/review")
        .handler(
            ctx ->
                act(
                    ctx,
                    "reviewed",
                    (actor, c, slug) ->
                        reviews.review(actor, c, slug, formRevision(ctx), form(ctx, "note"))));
    router
        .post(PAGE + "/request-review")
        .handler(
            ctx ->
                act(
                    ctx,
                    "requested",
                    (actor, c, slug) -> reviews.requestReview(actor, c, slug, form(ctx, "note"))));
    router
        .post(PAGE + "/return")
        .handler(
            ctx ->
                act(
                    ctx,
                    "returned",
                    (actor, c, slug) -> reviews.returnForWork(actor, c, slug, form(ctx, "note"))));
  }

  private void view(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx);
    PageViewCache.Key key = cacheKey(ctx, actor);
    long generation = cache.generation();
    reader
        .view(actor, ctx.pathParam("community"), ctx.pathParam("slug"))
        .compose(
            page ->
                Future.all(similar(actor, page), checklist(page), below.html(ctx, page))
                    .map(
                        all ->
                            html(
                                ctx,
                                page,
                                all.resultAt(0),
                                (Checklist) all.resultAt(1),
                                all.resultAt(2))))
        .onSuccess(
            shown -> {
              String html = shown.html();
              PageView page = shown.page();
              if (key != null && page.page().published()) {
                var entry =
                    new PageViewCache.Entry(
                        page.page().id(),
                        page.community().slug(),
                        page.page().slug(),
                        Buffer.buffer(html));
                cache.put(key, entry, generation);
              }
              ctx.response().putHeader("Content-Type", HTML).end(html);
            })
        .onFailure(
            failure -> {
              if (key != null && failure instanceof AppError e && e.status() == 404) {
                cache.gone(key);
              }
              ctx.fail(failure);
            });
  }

  /**
   * Anonymous readers of a plain page address share one rendering; a query ({@code ?saved=1}
   * notices and the like) or a logged-in reader gets a page of their own. Null: not cacheable.
   */
  private PageViewCache.Key cacheKey(RoutingContext ctx, CurrentUser actor) {
    if (!actor.anonymous() || ctx.request().query() != null) {
      return null;
    }
    return new PageViewCache.Key(
        publicUrl.base(ctx), ctx.request().uri(), templates.ui(ctx).lang());
  }

  /** Similar materials are shown under published pages only. */
  private Future<List<RelatedPage>> similar(CurrentUser actor, PageView page) {
    return page.page().published()
        ? similar.find(actor, page.page().id())
        : Future.succeededFuture(List.of());
  }

  /**
   * The publish checklist, shown to the page's moderators above «Опубликовать» while the page is
   * not in the bank; null otherwise.
   */
  private Future<Checklist> checklist(PageView page) {
    return page.canModerate() && !page.page().published() && !page.retired()
        ? checklist.of(page.visible())
        : Future.succeededFuture();
  }

  /** The page and the HTML it was shown as. */
  private record Shown(PageView page, String html) {}

  private Shown html(
      RoutingContext ctx,
      PageView page,
      List<RelatedPage> similar,
      Checklist checks,
      String discussion) {
    String html = Outline.withoutTitleHeading(page.html(), page.title());
    Map<String, Object> model = new HashMap<>();
    model.put("page", page);
    model.put("html", html);
    model.put("outline", Outline.of(html));
    model.put("similar", similar);
    model.put("checklist", checks);
    model.put("crumbs", placedCrumbs(templates.ui(ctx), page));
    model.put("reverted", reverted(ctx));
    model.put("notice", notice(ctx));
    model.put("sharing", sharing(ctx, page));
    model.put("discussion", discussion);
    Ui ui = templates.ui(ctx);
    Citation citation = citation(ctx, ui, page);
    model.put("citation", citation);
    model.put("reference", citation.reference(LocalDate.now(ui.zone()), ui.zone()));
    return new Shown(page, templates.html(ctx, "page/view.jte", model));
  }

  /** «Как цитировать»: the shown revision, its authors, the community and the centre. */
  private Citation citation(RoutingContext ctx, Ui ui, PageView page) {
    return Citation.of(
        page.community(),
        page.page().slug(),
        page.revision(),
        page.authors(),
        centre,
        publicUrl.base(ctx),
        ui.t("licence." + page.metadata().licence()));
  }

  /** JSON-LD and Open Graph for a published page; "do not index" for anything else. */
  private Sharing sharing(RoutingContext ctx, PageView page) {
    if (!page.page().published()) {
      return Sharing.notIndexed();
    }
    String community = "/c/" + page.community().slug();
    String url = publicUrl.of(ctx, page.path());
    String description = FirstParagraph.of(page.revision().markdown(), Sharing.DESCRIPTION_CHARS);
    if (description.isEmpty()) {
      description = page.title();
    }
    String jsonLd =
        LearningResource.script(
            LearningResource.of(page, description, url, publicUrl.of(ctx, community)));
    return new Sharing(true, url, description, jsonLd);
  }

  /** The one-time notice after the editor saved ({@code ?saved=1} and the like), or "". */
  private static String notice(RoutingContext ctx) {
    for (String what : List.of("created", "saved", "merged", "resolved", "unchanged")) {
      if (ctx.request().getParam(what) != null) {
        return "editor.notice." + what;
      }
    }
    for (String what : List.of("reviewed", "unpublished", "requested", "returned")) {
      if (ctx.request().getParam(what) != null) {
        return "review.notice." + what;
      }
    }
    for (String what : List.of("renamed", "moved", "retired", "restored")) {
      if (ctx.request().getParam(what) != null) {
        return "lifecycle.notice." + what;
      }
    }
    return "";
  }

  /**
   * An act of the review workflow from the page's buttons; 303 back to the page with a notice, or
   * to the moderators' queue when the form came from there ({@code back=queue}).
   */
  private void act(RoutingContext ctx, String done, ReviewAct act) {
    String community = ctx.pathParam("community");
    String slug = ctx.pathParam("slug");
    boolean queue = "queue".equals(form(ctx, "back"));
    act.apply(CurrentUser.of(ctx).requireLoggedIn(), community, slug)
        .onSuccess(
            s ->
                Redirect.seeOther(
                    ctx,
                    queue
                        ? REVIEW_QUEUE + "?" + done + "=1"
                        : "/c/" + community + "/" + slug + "?" + done + "=1"))
        .onFailure(ctx::fail);
  }

  /** One act of {@link ReviewService}, as the page's forms call it. */
  @FunctionalInterface
  private interface ReviewAct {
    Future<ReviewService.ReviewState> apply(CurrentUser actor, String community, String slug);
  }

  private static String form(RoutingContext ctx, String name) {
    return ctx.request().getFormAttribute(name);
  }

  /** The revision a review form names (its hidden field); absent means the latest. */
  private static Integer formRevision(RoutingContext ctx) {
    String raw = form(ctx, "revision");
    try {
      return raw == null || raw.isBlank() ? null : Integer.valueOf(raw.strip());
    } catch (NumberFormatException e) {
      throw AppError.badRequest("bad_parameter", "revision", 1, Integer.MAX_VALUE);
    }
  }

  /** The revision a revert just restored ({@code ?reverted=N}), for the notice; 0 for none. */
  private static int reverted(RoutingContext ctx) {
    String raw = ctx.queryParams().get("reverted");
    try {
      return raw == null ? 0 : Math.max(0, Integer.parseInt(raw));
    } catch (NumberFormatException e) {
      // Only a notice: a mangled link still shows the page.
      return 0;
    }
  }

  /** Home › community › page: the trail every page screen starts with. */
  /** Home, the community, the sections above the page in its community's structure, the page. */
  private static List<Crumb> placedCrumbs(Ui ui, PageView page) {
    var crumbs = new ArrayList<Crumb>();
    String community = "/c/" + page.community().slug();
    crumbs.add(new Crumb(ui.t("nav.home"), "/"));
    crumbs.add(new Crumb(page.community().name(), community));
    for (Placement.PlacedPage above : page.placement().ancestors()) {
      crumbs.add(new Crumb(above.title(), community + "/" + above.slug()));
    }
    crumbs.add(Crumb.here(page.title()));
    return crumbs;
  }

  public static List<Crumb> crumbs(
      Ui ui, Community community, String slug, String title, Crumb... more) {
    var crumbs = new ArrayList<Crumb>();
    crumbs.add(new Crumb(ui.t("nav.home"), "/"));
    crumbs.add(new Crumb(community.name(), "/c/" + community.slug()));
    if (more.length == 0) {
      crumbs.add(Crumb.here(title));
    } else {
      crumbs.add(new Crumb(title, "/c/" + community.slug() + "/" + slug));
      crumbs.addAll(List.of(more));
    }
    return crumbs;
  }
}
