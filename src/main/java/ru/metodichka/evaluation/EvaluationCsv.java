package ru.metodichka.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.contribution.ContributionKind;

/**
 * The participants of a period as CSV (RFC 4180: commas, CRLF, fields quoted when they hold a
 * comma, quote or line break), one row each: login, name, institution, contributions by kind, the
 * total and whether they were active. UTF-8 with a byte order mark, so spreadsheet programs read
 * the Cyrillic names as such.
 */
final class EvaluationCsv {
  private EvaluationCsv() {}

  static byte[] participants(ParticipantList list) {
    StringBuilder out = new StringBuilder("\uFEFF");
    List<String> header = new ArrayList<>(List.of("login", "name", "institution"));
    CountedKinds.ALL.forEach(k -> header.add(k.code()));
    header.add("total");
    header.add("active");
    row(out, header);
    for (Participant p : list.participants()) {
      List<String> cells =
          new ArrayList<>(List.of(p.person().login(), p.person().name(), p.person().institution()));
      for (ContributionKind kind : CountedKinds.ALL) {
        cells.add(String.valueOf(p.contributions().getOrDefault(kind, 0)));
      }
      cells.add(String.valueOf(p.total()));
      cells.add(String.valueOf(p.active()));
      row(out, cells);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The overview: one row per community with its key figures. */
  static byte[] overview(List<Evaluation> rows) {
    StringBuilder out = new StringBuilder("\uFEFF");
    row(out, OverviewColumns.CODES);
    for (Evaluation e : rows) {
      row(out, OverviewColumns.cells(e));
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(field(cells.get(i)));
    }
    out.append("\r\n");
  }

  static String field(String value) {
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }
}
