package ru.metodichka.search;

/**
 * A search as the user asked for it. Every filter may be null (no filter); text may be null or
 * blank (browsing: everything the searcher may see, e.g. all projects) and may hold anything a user
 * can type: it is cleaned and parsed forgivingly.
 *
 * @param sort null for the default: by relevance when there is text, newest first when browsing
 *     (relevance without text ranks nothing, so it is taken as newest first too)
 * @param page 1-based page number
 * @param size results per page, 1..100
 */
public record SearchQuery(
    String text,
    String kind,
    String community,
    String subject,
    String level,
    String licence,
    Integer year,
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
    sort = sort == null || (sort == Sort.RELEVANCE && text.isBlank()) ? defaultSort(text) : sort;
    page = Math.max(1, page);
    size = Math.clamp(size, 1, MAX_SIZE);
  }

  /** A search without the licence and year filters. */
  public SearchQuery(
      String text,
      String kind,
      String community,
      String subject,
      String level,
      Sort sort,
      int page,
      int size) {
    this(text, kind, community, subject, level, null, null, sort, page, size);
  }

  /** The first page of 10 results for this text, in the default order, without filters. */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, null, null, null, null, null, 1, 10);
  }

  /** Relevance for a text, newest first for browsing. */
  public static Sort defaultSort(String text) {
    return text == null || text.isBlank() ? Sort.NEWEST : Sort.RELEVANCE;
  }

  /** Whether this search has no text: a listing of what the filters select. */
  public boolean browsing() {
    return text.isBlank();
  }
}
