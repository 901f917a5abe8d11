package ru.metodichka.expert;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import ru.metodichka.auth.Person;

/**
 * One version of the rubric.
 *
 * @param createdBy null for the default rubric the database was created with
 */
public record Rubric(
    int version, OffsetDateTime createdAt, Person createdBy, List<Criterion> criteria) {
  public Rubric {
    criteria = List.copyOf(criteria);
  }

  public Optional<Criterion> criterion(String code) {
    return criteria.stream().filter(c -> c.code().equals(code)).findFirst();
  }
}
