package ru.metodichka.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import ru.metodichka.auth.Person;
import ru.metodichka.community.Access;
import ru.metodichka.page.Visibility;

/**
 * One item of a community's activity plan as it stood at one version (§4.8).
 *
 * @param version 1 for the item as created, one more for each change
 * @param description Markdown, rendered through the pages' renderer and sanitizer
 * @param responsible the members responsible for it, in the order given
 * @param results pages of the community that are its results, in the order given
 * @param outcome the moderator's note on how it went ("" when none)
 * @param overdue still open (planned or in progress) after its due date
 * @param changedAt when this version was written
 * @param changedBy who wrote it
 */
public record PlanItem(
    long id,
    int version,
    String title,
    String description,
    PlanForm form,
    List<Person> responsible,
    LocalDate starts,
    LocalDate due,
    PlanStatus status,
    List<ResultPage> results,
    String outcome,
    boolean overdue,
    OffsetDateTime changedAt,
    Person changedBy) {

  public PlanItem {
    responsible = List.copyOf(responsible);
    results = List.copyOf(results);
  }

  /**
   * The item as a reader sees it on a day: only the results the reader may see ({@link Visibility}:
   * a draft that is a result shows to the community's insiders only), overdue as of that day.
   */
  PlanItem seenBy(Access access, LocalDate day) {
    List<ResultPage> visible =
        results.stream().filter(r -> Visibility.maySee(access, r.status())).toList();
    boolean late = status.open() && due.isBefore(day);
    return new PlanItem(
        id,
        version,
        title,
        description,
        form,
        responsible,
        starts,
        due,
        status,
        visible,
        outcome,
        late,
        changedAt,
        changedBy);
  }

  /** Whether the user with this login is responsible for the item. */
  public boolean hasResponsible(String login) {
    return responsible.stream().anyMatch(p -> p.login().equalsIgnoreCase(login));
  }

  public List<String> responsibleLogins() {
    return responsible.stream().map(Person::login).toList();
  }

  public List<String> resultSlugs() {
    return results.stream().map(ResultPage::slug).toList();
  }
}
