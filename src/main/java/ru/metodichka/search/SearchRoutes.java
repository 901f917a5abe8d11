package ru.metodichka.search;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.page.Metadata;
import ru.metodichka.page.ResultKind;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.RequestParams;

/** {@code GET /api/search} and {@code GET /api/search/suggest}. */
public final class SearchRoutes implements ApiRoutes {
  static final int SUGGESTIONS = 8;
  private final SearchService search;

  public SearchRoutes(SearchService search) {
    this.search = search;
  }

  @Override
  public void mount(Router api) {
    api.get("/search").respond(this::search);
    api.get("/search/suggest").respond(this::suggest);
  }

  private Future<JsonObject> search(RoutingContext ctx) {
    SearchQuery query = query(ctx, 10);
    return search
        .access(CurrentUser.of(ctx))
        .compose(access -> search.search(query, access))
        .map(SearchRoutes::toJson);
  }

  private Future<JsonObject> suggest(RoutingContext ctx) {
    String prefix = ctx.queryParams().get("q");
    int limit = RequestParams.optionalInt(ctx, "size", 1, 20, SUGGESTIONS);
    return search
        .access(CurrentUser.of(ctx))
        .compose(access -> search.suggest(prefix == null ? "" : prefix, access, limit))
        .map(hits -> new JsonObject().put("items", items(hits)));
  }

  /**
   * The query string as a {@link SearchQuery}; the text itself is never an error, a bad filter,
   * sort or page is a 400 naming it. No sort (or an empty one) is the default for the text.
   */
  static SearchQuery query(RoutingContext ctx, int defaultSize) {
    var params = ctx.queryParams();
    return new SearchQuery(
        params.get("q"),
        oneOf(params.get("kind"), "kind", KINDS),
        blankToNull(params.get("community")),
        blankToNull(params.get("subject")),
        oneOf(params.get("level"), "level", Metadata.LEVELS),
        oneOf(params.get("licence"), "licence", Metadata.LICENCES),
        blankToNull(params.get("year")) == null
            ? null
            : RequestParams.optionalInt(ctx, "year", 1, 9999, 0),
        sort(params.get("sort")),
        RequestParams.optionalInt(ctx, "page", 1, 1000, 1),
        RequestParams.optionalInt(ctx, "size", 1, SearchQuery.MAX_SIZE, defaultSize));
  }

  private static final List<String> KINDS =
      Arrays.stream(ResultKind.values()).map(ResultKind::code).toList();

  private static String oneOf(String raw, String name, List<String> allowed) {
    String value = blankToNull(raw);
    if (value != null && !allowed.contains(value)) {
      throw AppError.badRequest("bad_choice", name, String.join(", ", allowed));
    }
    return value;
  }

  private static SearchQuery.Sort sort(String raw) {
    String value = blankToNull(raw);
    if (value == null) {
      return null;
    }
    return switch (value) {
      case "relevance" -> SearchQuery.Sort.RELEVANCE;
      case "newest" -> SearchQuery.Sort.NEWEST;
      case "views" -> SearchQuery.Sort.VIEWS;
      default -> throw AppError.badRequest("bad_choice", "sort", "relevance, newest, views");
    };
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static JsonObject toJson(SearchResult result) {
    JsonObject facets = new JsonObject();
    for (Map.Entry<String, Map<String, Long>> dimension : result.facets().entrySet()) {
      JsonArray values = new JsonArray();
      dimension
          .getValue()
          .forEach(
              (value, count) ->
                  values.add(new JsonObject().put("value", value).put("count", count)));
      facets.put(dimension.getKey(), values);
    }
    return new JsonObject()
        .put("total", result.total())
        .put("items", items(result.items()))
        .put("facets", facets)
        .put("suggestion", result.suggestion())
        .put("suggestionApplied", result.suggestionApplied());
  }

  static JsonArray items(List<SearchResult.Hit> hits) {
    JsonArray items = new JsonArray();
    hits.forEach(hit -> items.add(hit.toJson()));
    return items;
  }
}
