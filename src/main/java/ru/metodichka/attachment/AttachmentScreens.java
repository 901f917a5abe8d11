package ru.metodichka.attachment;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.page.PageReader;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;

/**
 * {@code /c/{c}/{slug}/files}: a page's files for whoever may see the page, with their versions,
 * sizes and whether their text is searchable yet; the upload form for the community's insiders
 * ({@code /assets/attachments.js} sends it to the API, which streams it); «Скрыть» and «Показать»
 * for its moderators.
 */
public final class AttachmentScreens implements Screens {
  private static final String FILES = "/c/:community/:slug/files";
  private final Templates templates;
  private final PageReader pages;
  private final AttachmentService service;

  public AttachmentScreens(Templates templates, PageReader pages, AttachmentService service) {
    this.templates = templates;
    this.pages = pages;
    this.service = service;
  }

  @Override
  public void mount(Router router) {
    router.get(FILES).handler(this::show);
    router.post(FILES + "/hide").handler(this::hide);
  }

  private void show(RoutingContext ctx) {
    String community = ctx.pathParam("community");
    String slug = ctx.pathParam("slug");
    pages
        .visible(CurrentUser.of(ctx), community, slug)
        .compose(
            page ->
                service
                    .list(page)
                    .map(
                        files -> {
                          Map<String, Object> model = new HashMap<>();
                          model.put("page", page);
                          model.put("files", files);
                          model.put("maxBytes", service.maxBytes());
                          model.put(
                              "crumbs",
                              Crumb.of(
                                  new Crumb(templates.ui(ctx).t("nav.home"), "/"),
                                  new Crumb(page.community().name(), "/c/" + community),
                                  new Crumb(page.page().title(), "/c/" + community + "/" + slug),
                                  Crumb.here(templates.ui(ctx).t("files.title"))));
                          return model;
                        }))
        .onSuccess(model -> templates.render(ctx, "attachment/files.jte", model))
        .onFailure(ctx::fail);
  }

  private void hide(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    String community = ctx.pathParam("community");
    String slug = ctx.pathParam("slug");
    String name = ctx.request().getFormAttribute("name");
    boolean hidden = "true".equals(ctx.request().getFormAttribute("hidden"));
    String reason = ctx.request().getFormAttribute("reason");
    service
        .hide(
            actor, community, slug, name == null ? "" : name, hidden, reason == null ? "" : reason)
        .onSuccess(a -> Redirect.seeOther(ctx, "/c/" + community + "/" + slug + "/files"))
        .onFailure(ctx::fail);
  }
}
