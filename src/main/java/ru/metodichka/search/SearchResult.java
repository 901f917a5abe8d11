package ru.metodichka.search;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
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
   * @param updatedAt the time of the page's current revision
   * @param publishedAt when the page was published, or null for a page that is not published now
   * @param authors who wrote the page, in the order of their first revision
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
      Instant updatedAt,
      Instant publishedAt,
      List<String> authors,
      float score) {

    public Hit {
      authors = authors == null ? List.of() : List.copyOf(authors);
    }

    /** {@link #updatedAt} as RFC 3339, for templates. */
    public String updated() {
      return updatedAt == null ? null : updatedAt.toString();
    }

    /** {@link #publishedAt} as RFC 3339, or null. */
    public String published() {
      return publishedAt == null ? null : publishedAt.toString();
    }

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
          .put("updatedAt", updated())
          .put("publishedAt", published())
          .put("authors", new JsonArray(authors))
          .put("score", Float.isNaN(score) ? null : score);
    }
  }
}
