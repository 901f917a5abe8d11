package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.render.Outline;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.PublicUrl;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/** A page as people read it ({@code /c/{community}/{slug}}), and its publishing buttons. */
public final class PageScreens implements Screens {
  private static final String HTML = "text/html; charset=utf-8";
  private final Templates templates;
  private final PageReader reader;
  private final PageService service;
  private final SimilarPages similar;
  private final PublicUrl publicUrl;
  private final PageViewCache cache;
  private final ViewCounter views;

  public PageScreens(
      Templates templates,
      PageReader reader,
      PageService service,
      PublicUrl publicUrl,
      SimilarPages similar,
      PageViewCache cache,
      ViewCounter views) {
    this.templates = templates;
    this.cache = cache;
    this.views = views;
    this.similar = similar;
    this.reader = reader;
    this.service = service;
    this.publicUrl = publicUrl;
  }

  @Override
  public void mount(Router router) {
    router.get("/c/:community/:slug").handler(this::view);
    router.post("/c/:community/:slug/publish").handler(ctx -> status(ctx, "published"));
    router.post("/c/:community/:slug/unpublish").handler(ctx -> status(ctx, "draft"));
  }

  private void view(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx);
    PageViewCache.Key key = cacheKey(ctx, actor);
    PageViewCache.Entry cached = key == null ? null : cache.get(key);
    if (cached != null) {
      // Served from memory, but still a view (the rendering path counts it in PageReader).
      views.viewed(cached.pageId());
      ctx.response().putHeader("Content-Type", HTML).end(cached.html());
      return;
    }
    long generation = cache.generation();
    reader
        .view(actor, ctx.pathParam("community"), ctx.pathParam("slug"))
        .compose(page -> withSimilar(actor, page))
        .onSuccess(
            page -> {
              String html = html(ctx, page);
              if (key != null && "published".equals(page.getString("status"))) {
                var entry =
                    new PageViewCache.Entry(
                        page.getLong("id"),
                        page.getString("community"),
                        page.getString("slug"),
                        Buffer.buffer(html));
                cache.put(key, entry, generation);
              }
              ctx.response().putHeader("Content-Type", HTML).end(html);
            })
        .onFailure(ctx::fail);
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

  private Future<JsonObject> withSimilar(CurrentUser actor, JsonObject page) {
    return "published".equals(page.getString("status"))
        ? similar.find(actor, page.getLong("id")).map(found -> page.put("similar", found))
        : Future.succeededFuture(page.put("similar", new JsonArray()));
  }

  private String html(RoutingContext ctx, JsonObject page) {
    String html = Outline.withoutTitleHeading(page.getString("html"), page.getString("title"));
    return templates.html(
        ctx,
        "page/view.jte",
        Map.of(
            "page",
            page,
            "html",
            html,
            "outline",
            Outline.of(html),
            "crumbs",
            crumbs(templates.ui(ctx), page),
            "reverted",
            reverted(ctx),
            "notice",
            notice(ctx),
            "sharing",
            sharing(ctx, page)));
  }

  /** JSON-LD and Open Graph for a published page; "do not index" for anything else. */
  private Sharing sharing(RoutingContext ctx, JsonObject page) {
    if (!"published".equals(page.getString("status"))) {
      return Sharing.notIndexed();
    }
    String community = "/c/" + page.getString("community");
    String url = publicUrl.of(ctx, community + "/" + page.getString("slug"));
    String description = FirstParagraph.of(page.getString("markdown"), Sharing.DESCRIPTION_CHARS);
    if (description.isEmpty()) {
      description = page.getString("title");
    }
    JsonObject json = LearningResource.of(page, description, url, publicUrl.of(ctx, community));
    return new Sharing(true, url, description, LearningResource.script(json));
  }

  /** The one-time notice after the editor saved ({@code ?saved=1} and the like), or "". */
  private static String notice(RoutingContext ctx) {
    for (String what : List.of("created", "saved", "merged", "unchanged")) {
      if (ctx.request().getParam(what) != null) {
        return "editor.notice." + what;
      }
    }
    return "";
  }

  private void status(RoutingContext ctx, String status) {
    String community = ctx.pathParam("community");
    String slug = ctx.pathParam("slug");
    service
        .setStatus(CurrentUser.of(ctx).requireLoggedIn(), community, slug, status)
        .onSuccess(s -> Redirect.seeOther(ctx, "/c/" + community + "/" + slug))
        .onFailure(ctx::fail);
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
  public static List<Crumb> crumbs(Ui ui, JsonObject page, Crumb... more) {
    var crumbs = new ArrayList<Crumb>();
    crumbs.add(new Crumb(ui.t("nav.home"), "/"));
    crumbs.add(new Crumb(page.getString("communityName"), "/c/" + page.getString("community")));
    if (more.length == 0) {
      crumbs.add(Crumb.here(page.getString("title")));
    } else {
      crumbs.add(
          new Crumb(
              page.getString("title"),
              "/c/" + page.getString("community") + "/" + page.getString("slug")));
      crumbs.addAll(List.of(more));
    }
    return crumbs;
  }
}
