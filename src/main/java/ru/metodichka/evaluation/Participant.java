package ru.metodichka.evaluation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import ru.metodichka.contribution.ContributionKind;

/**
 * A participant of a period (a member whose membership was active at some moment of it), with their
 * contributions in the period by kind and their membership periods that touch it.
 *
 * @param contributions every counted kind, zeroes included, in {@link CountedKinds#ALL}'s order
 */
public record Participant(
    Person person,
    Map<ContributionKind, Integer> contributions,
    List<Span> memberships,
    boolean active) {

  /** The contributions of every kind. */
  public int total() {
    return contributions.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** A membership period: {@code [started, ended)}, ended null while it lasts. */
  public record Span(OffsetDateTime started, OffsetDateTime ended) {}
}
