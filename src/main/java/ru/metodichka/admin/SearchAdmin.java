package ru.metodichka.admin;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import ru.metodichka.search.SearchService;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * {@code /admin/search}: the state of this server's search index, and the button that rebuilds
 * every server's index from the database (as {@code java -jar metodichka.jar reindex} does with a
 * server stopped); the screen follows this server's rebuild.
 */
final class SearchAdmin {
  private final Templates templates;
  private final SearchService search;

  SearchAdmin(Templates templates, SearchService search) {
    this.templates = templates;
    this.search = search;
  }

  void mount(Router router) {
    router.get("/admin/search").handler(this::show);
    router.post("/admin/search/reindex").handler(this::reindex);
  }

  private void show(RoutingContext ctx) {
    search
        .indexSize()
        .onSuccess(
            size -> {
              Ui ui = templates.ui(ctx);
              Map<String, Object> model = new HashMap<>();
              model.put("indexed", size);
              model.put("progress", search.indexer().progress());
              model.put("notice", AdminScreens.notice(ctx));
              model.put("crumbs", AdminScreens.crumbs(ui, ui.t("admin.search")));
              templates.render(ctx, "admin/search.jte", model);
            })
        .onFailure(ctx::fail);
  }

  private void reindex(RoutingContext ctx) {
    Future<Void> requested =
        search.indexer().progress().running()
            ? Future.succeededFuture()
            : search.indexer().requestRebuild();
    requested
        .onSuccess(v -> Redirect.seeOther(ctx, "/admin/search?done=reindex_started"))
        .onFailure(ctx::fail);
  }
}
