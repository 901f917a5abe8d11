package ru.metodichka.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * A figure as the dashboard shows it: its label, its value, the previous period's, and where its
 * records are (an anchor of the records screen; null when it has none).
 */
public record KeyFigure(
    String label, String value, String previous, String change, String records) {

  /** A group of figures under a heading: one section of the summary. */
  public record Group(String id, String title, List<KeyFigure> figures) {}

  /**
   * The summary's sections with the change against the previous period. A new section (the
   * experts') is one more group here.
   */
  public static List<Group> groups(Evaluation now, Evaluation before, ReportText text) {
    Participants p = now.participants();
    Participants q = before.participants();
    List<KeyFigure> people = new ArrayList<>();
    people.add(count(text, "members", p.members(), q.members(), "participants"));
    people.add(count(text, "active", p.active(), q.active(), "participants"));
    people.add(count(text, "activeFive", p.activeFive(), q.activeFive(), "participants"));
    people.add(count(text, "joined", p.joined(), q.joined(), "participants"));
    people.add(count(text, "left", p.left(), q.left(), "participants"));
    people.add(
        new KeyFigure(
            text.t("evaluation.figure.growthPercent"),
            text.percent(p.growthPercent()),
            text.percent(q.growthPercent()),
            "",
            null));
    Tasks t = now.tasks();
    Tasks u = before.tasks();
    List<KeyFigure> tasks = new ArrayList<>();
    tasks.add(count(text, "planned", t.planned(), u.planned(), "tasks"));
    tasks.add(count(text, "done", t.done(), u.done(), "tasks"));
    tasks.add(count(text, "cancelled", t.cancelled(), u.cancelled(), "tasks"));
    tasks.add(
        new KeyFigure(
            text.t("evaluation.figure.completionPercent"),
            text.percent(t.completionPercent()),
            text.percent(u.completionPercent()),
            change(t.completionPercent(), u.completionPercent()),
            "tasks"));
    Results r = now.results();
    Results s = before.results();
    List<KeyFigure> results = new ArrayList<>();
    results.add(count(text, "published", r.published(), s.published(), "results"));
    results.add(count(text, "kindsUsed", r.kindsUsed(), s.kindsUsed(), "results"));
    results.add(count(text, "views", r.views(), s.views(), "views"));
    results.add(count(text, "downloads", r.downloads(), s.downloads(), null));
    results.add(count(text, "citations", r.citations(), s.citations(), "citations"));
    results.add(count(text, "comments", r.comments(), s.comments(), null));
    return List.of(
        new Group("participants", text.t("evaluation.section.participants"), people),
        new Group("tasks", text.t("evaluation.section.tasks"), tasks),
        new Group("results", text.t("evaluation.section.results"), results));
  }

  private static KeyFigure count(
      ReportText text, String code, long now, long before, String records) {
    return new KeyFigure(
        text.t("evaluation.figure." + code),
        String.valueOf(now),
        String.valueOf(before),
        signed(now - before, ""),
        records);
  }

  private static String change(Double now, Double before) {
    if (now == null || before == null) {
      return "";
    }
    double d = Math.round((now - before) * 10) / 10.0;
    return d == 0
        ? "0"
        : (d > 0 ? "+" : "−") + String.format(java.util.Locale.ROOT, "%.1f", Math.abs(d));
  }

  private static String signed(long d, String unit) {
    return d == 0 ? "0" : (d > 0 ? "+" : "−") + Math.abs(d) + unit;
  }
}
