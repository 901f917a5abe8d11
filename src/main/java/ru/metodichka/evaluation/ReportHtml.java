package ru.metodichka.evaluation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.expert.Composite;
import ru.metodichka.expert.Recommendation;

/**
 * The XHTML the PDF reports are laid out from (openhtmltopdf reads XML, so every element is closed
 * and every text escaped). Print styles live here, not in the site's stylesheet: the PDF has no
 * screen to share them with.
 */
final class ReportHtml {
  private static final String STYLE =
      """
      @page { size: A4; margin: 18mm 16mm 18mm 20mm;
              @bottom-right { content: counter(page) " / " counter(pages); font-size: 9pt;
                              font-family: 'DejaVu Sans'; } }
      html, body { font-family: 'DejaVu Sans'; }
      body { font-size: 10pt; color: #1a202c; }
      h1 { font-size: 15pt; margin: 0 0 4mm 0; }
      h2 { font-size: 12pt; margin: 6mm 0 2mm 0; page-break-after: avoid; }
      .centre { font-size: 9pt; color: #4a5568; margin-bottom: 3mm; }
      .note { font-size: 8.5pt; color: #4a5568; }
      table { border-collapse: collapse; width: 100%; margin-bottom: 3mm; }
      th, td { border: 0.5pt solid #a0aec0; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
      th { background: #edf2f7; font-weight: bold; }
      td.n { text-align: right; }
      .chart { page-break-inside: avoid; margin-bottom: 3mm; }
      svg { width: 170mm; }
      """;

  private ReportHtml() {}

  static String community(Report report, ReportText text, String centre, Instant made) {
    Evaluation e = report.evaluation();
    StringBuilder html = head(text.t("evaluation.report.title"));
    html.append("<div class=\"centre\">").append(x(centre)).append("</div>");
    html.append("<h1>").append(x(text.t("evaluation.report.title"))).append("</h1>");
    p(html, text.t("evaluation.report.community", e.community().name()));
    p(html, text.t("evaluation.report.task", e.community().task()));
    p(html, text.t("evaluation.period") + ": " + text.period(e.period()));
    html.append("<h2>").append(x(text.t("evaluation.col.figure"))).append("</h2>");
    figures(html, Figure.all(e, text), text);
    assessment(html, e.tasks().assessment(), text);
    experts(html, e.experts(), text);
    for (Chart chart : Charts.of(report, text)) {
      html.append("<div class=\"chart\"><h2>").append(x(chart.title())).append("</h2>");
      if (chart.empty()) {
        p(html, text.t("evaluation.chart.empty"));
      } else {
        html.append(chart.svg());
      }
      html.append("</div>");
    }
    results(html, report, text);
    tasks(html, report, text);
    html.append("<p class=\"note\">")
        .append(x(text.t("evaluation.report.definitions", e.threshold())))
        .append("</p>");
    html.append("<p class=\"note\">")
        .append(
            x(
                text.t(
                    "evaluation.report.made",
                    text.moment(made.atOffset(java.time.ZoneOffset.UTC)))))
        .append("</p>");
    return html.append("</body></html>").toString();
  }

  static String overview(
      Period period, List<Evaluation> rows, ReportText text, String centre, Instant made) {
    StringBuilder html = head(text.t("evaluation.report.overviewTitle"));
    html.append("<div class=\"centre\">").append(x(centre)).append("</div>");
    html.append("<h1>").append(x(text.t("evaluation.report.overviewTitle"))).append("</h1>");
    p(html, text.t("evaluation.period") + ": " + text.period(period));
    List<String> header =
        List.of(
            "col.community",
            "figure.members",
            "figure.active",
            "figure.growthPercent",
            "figure.completionPercent",
            "figure.published",
            "figure.kindsUsed",
            "figure.views",
            "figure.citations");
    html.append("<table><thead><tr>");
    header.forEach(h -> html.append("<th>").append(x(text.t("evaluation." + h))).append("</th>"));
    html.append("</tr></thead><tbody>");
    for (Evaluation e : rows) {
      Participants p = e.participants();
      html.append("<tr><td>").append(x(e.community().name())).append("</td>");
      for (Object v :
          new Object[] {
            p.members(),
            p.active() + " (" + p.activePrevious() + ")",
            text.percent(p.growthPercent()),
            text.percent(e.tasks().completionPercent()),
            e.results().published(),
            e.results().kindsUsed(),
            e.results().views(),
            e.results().citations()
          }) {
        html.append("<td class=\"n\">").append(x(String.valueOf(v))).append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</tbody></table>");
    int threshold = rows.isEmpty() ? 1 : rows.getFirst().threshold();
    html.append("<p class=\"note\">")
        .append(x(text.t("evaluation.report.definitions", threshold)))
        .append("</p>");
    html.append("<p class=\"note\">")
        .append(
            x(
                text.t(
                    "evaluation.report.made",
                    text.moment(made.atOffset(java.time.ZoneOffset.UTC)))))
        .append("</p>");
    return html.append("</body></html>").toString();
  }

  private static StringBuilder head(String title) {
    return new StringBuilder(
            "<!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"ru\"><head>"
                + "<meta charset=\"UTF-8\"/><title>")
        .append(x(title))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body>");
  }

  private static void figures(StringBuilder html, List<Figure> figures, ReportText text) {
    html.append("<table><tbody>");
    for (Figure f : figures) {
      Object v = f.value();
      String value = v == null ? "—" : v instanceof Double d ? text.percent(d) : v.toString();
      html.append("<tr><td>")
          .append(x(f.label()))
          .append("</td><td class=\"n\">")
          .append(x(value))
          .append("</td></tr>");
    }
    html.append("</tbody></table>");
  }

  private static void assessment(StringBuilder html, Assessment a, ReportText text) {
    html.append("<h2>").append(x(text.t("evaluation.assessment"))).append("</h2>");
    if (a == null) {
      p(html, text.t("evaluation.assessment.none"));
      return;
    }
    p(
        html,
        text.t("evaluation.figure.relevance")
            + ": "
            + a.relevance()
            + " "
            + text.t("evaluation.assessment.scale")
            + "; "
            + text.t("evaluation.figure.solution")
            + ": "
            + a.solution()
            + " "
            + text.t("evaluation.assessment.scale"));
    for (String paragraph : a.text().split("\\R\\s*\\R")) {
      p(html, paragraph);
    }
    html.append("<p class=\"note\">")
        .append(x(text.t("evaluation.assessment.by", a.by().name(), text.moment(a.at()))))
        .append("</p>");
  }

  /** The experts' composite (§5.2), as the dashboard shows it. */
  private static void experts(StringBuilder html, Composite experts, ReportText text) {
    html.append("<h2>").append(x(text.t("evaluation.experts"))).append("</h2>");
    if (experts == null || experts.reviews() == 0) {
      p(html, text.t("evaluation.experts.none"));
      return;
    }
    p(html, text.t("evaluation.experts.reviews", experts.reviews()));
    List<String[]> rows = new ArrayList<>();
    for (Composite.CriterionMean c : experts.criteria()) {
      rows.add(
          new String[] {
            c.title(),
            c.mean() == null ? "—" : text.decimal(c.mean()),
            text.t(
                c.disagreement() ? "evaluation.experts.disagreement" : "evaluation.experts.agree")
          });
    }
    table(
        html,
        text,
        new String[] {
          text.t("evaluation.experts.criterion"),
          text.t("evaluation.experts.mean"),
          text.t("evaluation.experts.agreement")
        },
        rows);
    p(
        html,
        text.t("evaluation.experts.overall")
            + ": "
            + (experts.overall() == null ? "—" : text.decimal(experts.overall()))
            + " "
            + text.t("evaluation.experts.scale"));
    for (Recommendation r : Recommendation.values()) {
      p(
          html,
          text.t("expert.recommendation." + r.code())
              + ": "
              + experts.recommendations().getOrDefault(r, 0));
    }
  }

  private static void results(StringBuilder html, Report report, ReportText text) {
    html.append("<h2>").append(x(text.t("evaluation.results.title"))).append("</h2>");
    List<String[]> rows = new ArrayList<>();
    report
        .results()
        .forEach(
            r ->
                rows.add(
                    new String[] {
                      r.title(), text.t("kind." + r.kind().code()), text.moment(r.firstPublished())
                    }));
    table(
        html,
        text,
        new String[] {
          text.t("evaluation.col.material"),
          text.t("evaluation.col.kind"),
          text.t("evaluation.col.firstPublished")
        },
        rows);
  }

  private static void tasks(StringBuilder html, Report report, ReportText text) {
    html.append("<h2>").append(x(text.t("evaluation.tasks.title"))).append("</h2>");
    List<String[]> rows = new ArrayList<>();
    report
        .tasks()
        .forEach(
            t ->
                rows.add(
                    new String[] {
                      t.title(), text.date(t.due()), text.t("plan.status." + t.status())
                    }));
    table(
        html,
        text,
        new String[] {
          text.t("evaluation.col.item"),
          text.t("evaluation.col.due"),
          text.t("evaluation.col.status")
        },
        rows);
  }

  private static void table(
      StringBuilder html, ReportText text, String[] header, List<String[]> rows) {
    if (rows.isEmpty()) {
      p(html, text.t("evaluation.none"));
      return;
    }
    html.append("<table><thead><tr>");
    for (String h : header) {
      html.append("<th>").append(x(h)).append("</th>");
    }
    html.append("</tr></thead><tbody>");
    for (String[] row : rows) {
      html.append("<tr>");
      for (String cell : row) {
        html.append("<td>").append(x(cell)).append("</td>");
      }
      html.append("</tr>");
    }
    html.append("</tbody></table>");
  }

  private static void p(StringBuilder html, String text) {
    html.append("<p>").append(x(text)).append("</p>");
  }

  private static String x(String text) {
    return Chart.escape(text);
  }
}
