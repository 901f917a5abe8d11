package ru.metodichka.evaluation;

import java.util.ArrayList;
import java.util.List;
import ru.metodichka.page.ResultKind;

/** The dashboard's five charts for a report, in one language. */
public final class Charts {
  private Charts() {}

  public static List<Chart> of(Report report, ReportText text) {
    return List.of(
        active(report, text),
        contributions(report, text),
        results(report, text),
        top(report, text),
        plan(report, text));
  }

  static Chart active(Report report, ReportText text) {
    List<Chart.Bar> bars = new ArrayList<>();
    report.months().forEach(m -> bars.add(new Chart.Bar(text.shortMonth(m.month()), m.count())));
    return new Chart(text.t("evaluation.chart.active"), bars, true);
  }

  static Chart contributions(Report report, ReportText text) {
    List<Chart.Bar> bars = new ArrayList<>();
    report
        .contributionsByKind()
        .forEach(
            (kind, n) ->
                bars.add(new Chart.Bar(text.t("evaluation.contribution." + kind.code()), n, 1)));
    return new Chart(text.t("evaluation.chart.contributions"), bars, false);
  }

  static Chart results(Report report, ReportText text) {
    List<Chart.Bar> bars = new ArrayList<>();
    var byKind = report.evaluation().results().byKind();
    for (ResultKind kind : ResultKind.values()) {
      bars.add(new Chart.Bar(text.t("kind." + kind.code()), byKind.getOrDefault(kind, 0), 2));
    }
    return new Chart(text.t("evaluation.chart.results"), bars, false);
  }

  static Chart top(Report report, ReportText text) {
    List<Chart.Bar> bars = new ArrayList<>();
    report.top().forEach(v -> bars.add(new Chart.Bar(v.title(), v.views(), 4)));
    return new Chart(text.t("evaluation.chart.top"), bars, false);
  }

  static Chart plan(Report report, ReportText text) {
    Tasks t = report.evaluation().tasks();
    int open = t.planned() - t.done() - t.cancelled();
    return new Chart(
        text.t("evaluation.chart.plan"),
        List.of(
            new Chart.Bar(text.t("plan.status.done"), t.done(), 1),
            new Chart.Bar(text.t("evaluation.plan.open"), open, 2),
            new Chart.Bar(text.t("plan.status.cancelled"), t.cancelled(), 3)),
        false);
  }
}
