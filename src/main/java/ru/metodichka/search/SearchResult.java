package ru.metodichka.search;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/**
 * One page of results.
 *
 * @param total all hits the searcher may see, not just this page
 * @param facets dimension (community, kind, subject, level, licence, year) → value → count, over
 *     all permitted, filtered hits; every dimension is present, possibly empty
 * @param suggestion «возможно, вы имели в виду»: a corrected query (spelling or keyboard layout),
 *     or null
 * @param suggestionApplied true when the items are the suggestion's results, because the query as
 *     typed found (almost) nothing
 */
public record SearchResult(
    long total,
    List<Hit> items,
    Map<String, Map<String, Long>> facets,
    String suggestion,
    boolean suggestionApplied) {

  /**
   * One found page.
   *
   * @param titleHtml the title, HTML-escaped, matches in {@code <mark>}
   * @param snippet the best passages of the body, HTML-escaped, matches in {@code <mark>}
   * @param score relevance (NaN when not computed)
   */
  public record Hit(
      String key,
      String community,
      String communityName,
      String slug,
      String title,
      String titleHtml,
      String kind,
      String status,
      String snippet,
      float score) {

    /** As the API gives it; also what the page screens list as similar materials. */
    public JsonObject toJson() {
      return new JsonObject()
          .put("community", community)
          .put("communityName", communityName)
          .put("slug", slug)
          .put("title", title)
          .put("titleHtml", titleHtml)
          .put("kind", kind)
          .put("status", status)
          .put("snippet", snippet)
          .put("score", Float.isNaN(score) ? null : score);
    }
  }
}
