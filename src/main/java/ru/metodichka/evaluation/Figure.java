package ru.metodichka.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * One figure of a summary as the spreadsheet and the PDF list it: its label in the report's
 * language and its value (a number, text, or null when there is none).
 */
record Figure(String label, Object value) {

  static List<Figure> all(Evaluation e, ReportText text) {
    List<Figure> figures = new ArrayList<>();
    Participants p = e.participants();
    add(figures, text, "members", p.members());
    add(figures, text, "joined", p.joined());
    add(figures, text, "left", p.left());
    add(figures, text, "active", p.active());
    add(figures, text, "activeFive", p.activeFive());
    add(figures, text, "activePrevious", p.activePrevious());
    add(figures, text, "growth", p.growth());
    add(figures, text, "growthPercent", p.growthPercent());
    Tasks t = e.tasks();
    add(figures, text, "planned", t.planned());
    add(figures, text, "done", t.done());
    add(figures, text, "cancelled", t.cancelled());
    add(figures, text, "completionPercent", t.completionPercent());
    add(figures, text, "relevance", t.assessment() == null ? null : t.assessment().relevance());
    add(figures, text, "solution", t.assessment() == null ? null : t.assessment().solution());
    Results r = e.results();
    add(figures, text, "published", r.published());
    r.byKind()
        .forEach((kind, n) -> figures.add(new Figure("— " + text.t("kind." + kind.code()), n)));
    add(figures, text, "kindsUsed", r.kindsUsed());
    add(figures, text, "views", r.views());
    add(figures, text, "downloads", r.downloads());
    add(figures, text, "citations", r.citations());
    add(figures, text, "comments", r.comments());
    return figures;
  }

  private static void add(List<Figure> figures, ReportText text, String code, Object value) {
    figures.add(new Figure(text.t("evaluation.figure." + code), value));
  }
}
