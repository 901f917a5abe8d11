package ru.metodichka.page;

import java.util.List;

/**
 * What a material lacks before it enters the bank (§2.2, §4.8), as the moderator sees it before
 * publishing: each check with whether it holds and, when not, what is wrong (the authors without an
 * institution, the red links, the empty sections…). A missing item does not forbid publishing; the
 * moderator then publishes with a note, recorded with the review.
 *
 * @param revision the revision checked (the latest: the one publishing reviews)
 */
public record Checklist(int revision, List<Check> checks) {
  /** The checks in the order they are shown. */
  public static final List<String> CODES =
      List.of(
          "kind",
          "subjects",
          "levels",
          "licence",
          "summary",
          "institutions",
          "red-links",
          "empty-sections");

  public Checklist {
    checks = List.copyOf(checks);
  }

  /**
   * One check.
   *
   * @param code one of {@link #CODES}
   * @param details what is wrong (names, link texts, headings), empty when it holds or when there
   *     is nothing to name
   */
  public record Check(String code, boolean ok, List<String> details) {
    public Check {
      details = List.copyOf(details);
    }

    static Check of(String code, List<String> wrong) {
      return new Check(code, wrong.isEmpty(), wrong);
    }

    static Check of(String code, boolean ok) {
      return new Check(code, ok, List.of());
    }
  }

  /** Whether nothing is missing. */
  public boolean complete() {
    return checks.stream().allMatch(Check::ok);
  }

  /** The checks that do not hold. */
  public List<Check> missing() {
    return checks.stream().filter(c -> !c.ok()).toList();
  }
}
