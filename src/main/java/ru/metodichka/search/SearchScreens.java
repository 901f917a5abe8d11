package ru.metodichka.search;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.CommunityService;
import ru.metodichka.community.CommunitySummary;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;

/**
 * {@code /search}: the query box (with title autocomplete when scripts run), facet filters with
 * counts, highlighted results and paging; without words, the materials the filters select, newest
 * first. Works without JavaScript: every filter is a link, the form a plain GET.
 */
public final class SearchScreens implements Screens {
  static final int PAGE_SIZE = 10;
  private final Templates templates;
  private final SearchService search;
  private final CommunityService communities;

  public SearchScreens(Templates templates, SearchService search, CommunityService communities) {
    this.templates = templates;
    this.search = search;
    this.communities = communities;
  }

  @Override
  public void mount(Router router) {
    router.get("/search").handler(this::search);
  }

  private void search(RoutingContext ctx) {
    SearchQuery query = SearchRoutes.query(ctx, PAGE_SIZE);
    var names = communities.list();
    var found = search.access(CurrentUser.of(ctx)).compose(access -> search.search(query, access));
    found
        .compose(result -> names.map(list -> model(ctx, query, result, list)))
        .onSuccess(model -> templates.render(ctx, "search/search.jte", model))
        .onFailure(ctx::fail);
  }

  private Map<String, Object> model(
      RoutingContext ctx, SearchQuery query, SearchResult result, List<CommunitySummary> list) {
    Map<String, String> communityNames = new HashMap<>();
    for (CommunitySummary summary : list) {
      communityNames.put(summary.community().slug(), summary.community().name());
    }
    var ui = templates.ui(ctx);
    Map<String, Object> model = new HashMap<>();
    model.put("query", query);
    model.put("result", result);
    model.put("links", new SearchLinks(query));
    model.put("communityNames", communityNames);
    model.put("pages", (int) Math.min(Math.ceil(result.total() / (double) query.size()), 1000));
    String title = ui.t(query.browsing() ? "search.browseTitle" : "search.title");
    model.put("crumbs", Crumb.of(new Crumb(ui.t("nav.home"), "/"), Crumb.here(title)));
    return model;
  }
}
