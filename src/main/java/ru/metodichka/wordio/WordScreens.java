package ru.metodichka.wordio;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.page.PageScreens;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.PublicUrl;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * Word in and out for people: «Импорт из Word» ({@code /c/{c}/import}: choose a .docx, see it as
 * the page would show it with what could not be converted, open it in the editor) and a page's
 * downloads ({@code /c/{c}/{slug}/export.pdf}, {@code export.docx}, with {@code ?revision=} and
 * {@code ?section=true}). Mounted before the page screen, whose {@code /c/{c}/{slug}} would take
 * {@code import}.
 */
public final class WordScreens implements Screens {
  private static final String PAGE = "/c/:community/:slug";
  private final Templates templates;
  private final WordConversions conversions;
  private final PageExports exports;
  private final PublicUrl publicUrl;

  public WordScreens(
      Templates templates, WordConversions conversions, PageExports exports, PublicUrl publicUrl) {
    this.templates = templates;
    this.conversions = conversions;
    this.exports = exports;
    this.publicUrl = publicUrl;
  }

  @Override
  public void mount(Router router) {
    router.get("/c/:community/import").handler(this::importScreen);
    router
        .get(PAGE + "/export.pdf")
        .handler(ctx -> ExportResponse.send(ctx, exports, publicUrl, PageExports.Format.PDF));
    router
        .get(PAGE + "/export.docx")
        .handler(ctx -> ExportResponse.send(ctx, exports, publicUrl, PageExports.Format.DOCX));
  }

  private void importScreen(RoutingContext ctx) {
    conversions
        .community(CurrentUser.of(ctx).requireLoggedIn(), ctx.pathParam("community"))
        .onSuccess(
            community -> {
              Ui ui = templates.ui(ctx);
              List<Crumb> crumbs =
                  PageScreens.crumbs(
                      ui,
                      community,
                      "new",
                      ui.t("editor.new.title"),
                      Crumb.here(ui.t("import.title")));
              templates.render(
                  ctx, "wordio/import.jte", Map.of("community", community, "crumbs", crumbs));
            })
        .onFailure(ctx::fail);
  }
}
