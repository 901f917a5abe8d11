package ru.metodichka.bank;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.search.SearchQuery;
import ru.metodichka.search.SearchScope;
import ru.metodichka.search.SearchService;
import ru.metodichka.search.index.IndexedFields;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;

/**
 * {@code /bank}: the bank's front page, open to everyone, logged in or not. Its shelves come from
 * PostgreSQL; its subject and level filters are the facets of a search for every published
 * material, each a link to {@code /search} with that filter.
 */
public final class BankScreens implements Screens {
  /** Everything the public may find; one hit, since only the facet counts are wanted. */
  private static final SearchQuery EVERYTHING =
      new SearchQuery(null, null, null, null, null, null, 1, 1);

  private final Templates templates;
  private final Bank bank;
  private final SearchService search;

  public BankScreens(Templates templates, Bank bank, SearchService search) {
    this.templates = templates;
    this.bank = bank;
    this.search = search;
  }

  @Override
  public void mount(Router router) {
    router.get("/bank").handler(this::front);
  }

  private void front(RoutingContext ctx) {
    var shelves = bank.shelves();
    var filters = filters();
    Future.all(shelves, filters)
        .onSuccess(
            done ->
                templates.render(
                    ctx, "bank/bank.jte", model(ctx, shelves.result(), filters.result())))
        .onFailure(ctx::fail);
  }

  /** Facet counts by dimension; none when the search fails, so the shelves still show. */
  private Future<Map<String, Map<String, Long>>> filters() {
    return search
        .search(EVERYTHING, SearchScope.anonymous())
        .map(result -> result.facets())
        .otherwise(Map.of());
  }

  private Map<String, Object> model(
      RoutingContext ctx, List<KindShelf> shelves, Map<String, Map<String, Long>> facets) {
    var ui = templates.ui(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("subjects", facets.getOrDefault(IndexedFields.SUBJECT, Map.of()));
    model.put("levels", facets.getOrDefault(IndexedFields.LEVEL, Map.of()));
    model.put("shelves", shelves.stream().filter(shelf -> !shelf.empty()).toList());
    model.put(
        "emptyKinds", shelves.stream().filter(KindShelf::empty).map(KindShelf::kind).toList());
    model.put("crumbs", Crumb.of(new Crumb(ui.t("nav.home"), "/"), Crumb.here(ui.t("bank.title"))));
    return model;
  }
}
