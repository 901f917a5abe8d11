package ru.metodichka.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import ru.metodichka.contribution.ContributionKind;

/**
 * The ledger's kinds that are contributions (issue 16): a revision of a page (a new page included),
 * a comment, an upload, attendance at a meeting, a plan item done. A moderator's review is in the
 * ledger too, but reviewing is the moderator's work, not a participant's contribution.
 */
final class CountedKinds {
  static final List<ContributionKind> ALL =
      Arrays.stream(ContributionKind.values()).filter(k -> k != ContributionKind.REVIEW).toList();

  private CountedKinds() {}

  /** The codes as an SQL list: {@code 'revision', 'page_created', …} (constants, not input). */
  static String sqlList() {
    return ALL.stream().map(k -> "'" + k.code() + "'").collect(Collectors.joining(", "));
  }

  /** One {@code count(*) FILTER (WHERE kind = '…') AS "…"} column per kind. */
  static String countColumns(String alias) {
    return ALL.stream()
        .map(
            k ->
                "count(*) FILTER (WHERE "
                    + alias
                    + ".kind = '"
                    + k.code()
                    + "') AS \""
                    + k.code()
                    + "\"")
        .collect(Collectors.joining(", "));
  }

  /**
   * One {@code sum(n) FILTER (WHERE kind = '…') AS "…"} column per kind, over rows that each stand
   * for {@code n} ledger rows.
   */
  static String sumColumns(String alias) {
    return ALL.stream()
        .map(
            k ->
                "sum("
                    + alias
                    + ".n) FILTER (WHERE "
                    + alias
                    + ".kind = '"
                    + k.code()
                    + "') AS \""
                    + k.code()
                    + "\"")
        .collect(Collectors.joining(", "));
  }
}
