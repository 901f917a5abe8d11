package ru.metodichka.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The administrators' overview screen: every community's key figures on one row, sorted on the
 * server by the column the reader chose (each heading is a link), so it sorts without JavaScript.
 */
public record Overview(
    Period period, String periodText, List<Column> columns, List<Row> rows, Sort sort) {
  /** The columns shown on the screen, in order. */
  static final List<OverviewColumns> SHOWN =
      List.of(
          OverviewColumns.NAME,
          OverviewColumns.MEMBERS,
          OverviewColumns.ACTIVE,
          OverviewColumns.ACTIVE_PREVIOUS,
          OverviewColumns.GROWTH_PERCENT,
          OverviewColumns.COMPLETION_PERCENT,
          OverviewColumns.RELEVANCE,
          OverviewColumns.SOLUTION,
          OverviewColumns.PUBLISHED,
          OverviewColumns.KINDS_USED,
          OverviewColumns.VIEWS,
          OverviewColumns.CITATIONS);

  /** A column: its heading, the link that sorts by it, and how it is sorted now (or empty). */
  public record Column(String code, String label, String href, String sorted) {}

  /** A community's row: its slug (for the link), name and cells. */
  public record Row(String slug, String name, List<String> cells) {}

  /** The column sorted by and its direction; by name, ascending, unless the reader chose. */
  public record Sort(OverviewColumns column, boolean descending) {
    static Sort of(String code, String dir) {
      OverviewColumns c = code == null ? null : OverviewColumns.of(code);
      if (c == null || !SHOWN.contains(c)) {
        return new Sort(OverviewColumns.NAME, false);
      }
      return new Sort(c, "desc".equals(dir));
    }
  }

  static Overview of(Period period, List<Evaluation> evaluations, Sort sort, ReportText text) {
    List<Evaluation> sorted = new ArrayList<>(evaluations);
    Comparator<Evaluation> order =
        Comparator.comparing(e -> sortKey(sort.column().value(e)), Overview::compareKeys);
    if (sort.descending()) {
      order = order.reversed();
    }
    sorted.sort(order.thenComparing(e -> e.community().name()));
    List<Column> columns = new ArrayList<>();
    for (OverviewColumns c : SHOWN) {
      boolean current = c == sort.column();
      String dir = current && !sort.descending() ? "desc" : "asc";
      String label =
          c == OverviewColumns.NAME
              ? text.t("evaluation.col.community")
              : text.t("evaluation.figure." + c.code);
      columns.add(
          new Column(
              c.code,
              label,
              "?" + period.query() + "&sort=" + c.code + "&dir=" + dir,
              current ? (sort.descending() ? "descending" : "ascending") : ""));
    }
    List<Row> rows = new ArrayList<>();
    for (Evaluation e : sorted) {
      List<String> cells = new ArrayList<>();
      for (OverviewColumns c : SHOWN.subList(1, SHOWN.size())) {
        Object v = c.value(e);
        cells.add(v == null ? "—" : v instanceof Double d ? text.percent(d) : String.valueOf(v));
      }
      rows.add(new Row(e.community().slug(), e.community().name(), cells));
    }
    return new Overview(period, text.period(period), columns, rows, sort);
  }

  /** Numbers compare as numbers, text as text; missing values sort after every value. */
  private static Comparable<?> sortKey(Object value) {
    if (value == null) {
      return null;
    }
    return value instanceof Number n
        ? (Comparable<?>) Double.valueOf(n.doubleValue())
        : value.toString();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareKeys(Comparable a, Comparable b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : 1) : -1;
    }
    return a.compareTo(b);
  }
}
