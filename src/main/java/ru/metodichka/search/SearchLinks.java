package ru.metodichka.search;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Links of the search screen: the current search with one thing changed (a filter set or removed,
 * another sort or page). A new filter or sort starts again at page 1.
 */
public final class SearchLinks {
  private final Map<String, String> params = new LinkedHashMap<>();

  SearchLinks(SearchQuery query) {
    put("q", query.text());
    put("kind", query.kind());
    put("community", query.community());
    put("subject", query.subject());
    put("level", query.level());
    put("licence", query.licence());
    put("year", query.year() == null ? null : query.year().toString());
    if (query.sort() != SearchQuery.defaultSort(query.text())) {
      put("sort", sortName(query.sort()));
    }
    if (query.size() != SearchScreens.PAGE_SIZE) {
      put("size", Integer.toString(query.size()));
    }
    if (query.page() > 1) {
      put("page", Integer.toString(query.page()));
    }
  }

  private void put(String name, String value) {
    if (value != null && !value.isBlank()) {
      params.put(name, value);
    }
  }

  /** This search filtered by {@code value} in the facet {@code dimension}, from page 1. */
  public String with(String dimension, String value) {
    return link(dimension, value, true);
  }

  /** This search without the facet filter. */
  public String without(String dimension) {
    return link(dimension, null, true);
  }

  /** Whether the facet filter is set to this value. */
  public boolean selected(String dimension, String value) {
    return value.equals(params.get(dimension));
  }

  public boolean filtered(String dimension) {
    return params.containsKey(dimension);
  }

  /** The value this search filters the facet {@code dimension} by, or null. */
  public String value(String dimension) {
    return params.get(dimension);
  }

  /** This search with another query text (a «did you mean» suggestion). */
  public String withText(String text) {
    return link("q", text, true);
  }

  /** This search's page {@code n}. */
  public String page(int n) {
    return link("page", n > 1 ? Integer.toString(n) : null, false);
  }

  /** {@code /search} listing what one facet value selects, newest first (the bank's filters). */
  public static String filter(String dimension, String value) {
    return "/search?" + dimension + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  static String sortName(SearchQuery.Sort sort) {
    return sort.name().toLowerCase(Locale.ROOT);
  }

  private String link(String name, String value, boolean fromFirstPage) {
    Map<String, String> changed = new LinkedHashMap<>(params);
    if (fromFirstPage) {
      changed.remove("page");
    }
    if (value == null) {
      changed.remove(name);
    } else {
      changed.put(name, value);
    }
    StringBuilder link = new StringBuilder("/search");
    char separator = '?';
    for (var param : changed.entrySet()) {
      link.append(separator)
          .append(param.getKey())
          .append('=')
          .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
      separator = '&';
    }
    return link.toString();
  }
}
