package ru.metodichka.search;

/**
 * A search as the user asked for it. Every filter may be null (no filter); text may be null or
 * blank (everything the searcher may see, e.g. for the bank's front page) and may hold anything a
 * user can type: it is cleaned and parsed forgivingly.
 *
 * @param page 1-based page number
 * @param size results per page, 1..100
 */
public record SearchQuery(
    String text,
    String kind,
    String community,
    String subject,
    String level,
    Sort sort,
    int page,
    int size) {

  /** Largest page size. */
  public static final int MAX_SIZE = 100;

  /** How results are ordered. */
  public enum Sort {
    RELEVANCE,
    NEWEST,
    VIEWS
  }

  public SearchQuery {
    text = text == null ? "" : text;
    sort = sort == null ? Sort.RELEVANCE : sort;
    page = Math.max(1, page);
    size = Math.clamp(size, 1, MAX_SIZE);
  }

  /** The first page of 10 results for this text, by relevance, without filters. */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, null, null, null, null, Sort.RELEVANCE, 1, 10);
  }
}
