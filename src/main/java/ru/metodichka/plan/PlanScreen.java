package ru.metodichka.plan;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import ru.metodichka.auth.Person;

/**
 * What the plan screen shows: the plan, the rows the filters leave (numbered as in the whole plan),
 * the filters, and for moderators the form of a new item.
 *
 * @param people everyone responsible for an item of the plan, for the filter
 * @param members who may be made responsible (the new item's form)
 * @param years the academic years to switch between
 * @param notice a key of what was just done, or ""
 */
public record PlanScreen(
    Plan plan,
    List<Row> rows,
    Filter filter,
    List<Person> people,
    List<AcademicYear> years,
    boolean canModerate,
    ItemForm form,
    List<Person> members,
    String notice) {

  /**
   * One item in the table.
   *
   * @param number its place in the whole plan (№)
   * @param descriptionHtml its description, rendered and sanitised
   * @param mine the reader is responsible for it
   */
  public record Row(int number, PlanItem item, String descriptionHtml, boolean mine) {}

  /**
   * The filters a reader chose, as the query string has them ("" for none).
   *
   * @param status a status code, or {@code overdue}
   */
  public record Filter(String status, String responsible, String asOf) {

    boolean keeps(PlanItem item) {
      boolean status =
          this.status.isEmpty()
              || (this.status.equals("overdue")
                  ? item.overdue()
                  : item.status().code().equals(this.status));
      return status && (responsible.isEmpty() || item.hasResponsible(responsible));
    }

    public boolean any() {
      return !status.isEmpty() || !responsible.isEmpty() || !asOf.isEmpty();
    }

    /** {@code &asOf=…} for links that keep the moment shown, or "". */
    public String asOfParam() {
      return asOf.isEmpty() ? "" : "&asOf=" + URLEncoder.encode(asOf, StandardCharsets.UTF_8);
    }
  }

  static List<Row> rows(Plan plan, Filter filter, Map<Long, String> html, String reader) {
    List<PlanItem> items = plan.items();
    return IntStream.range(0, items.size())
        .filter(i -> filter.keeps(items.get(i)))
        .mapToObj(
            i -> {
              PlanItem item = items.get(i);
              boolean mine = !reader.isEmpty() && item.hasResponsible(reader);
              return new Row(i + 1, item, html.getOrDefault(item.id(), ""), mine);
            })
        .toList();
  }
}
