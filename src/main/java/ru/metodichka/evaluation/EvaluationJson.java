package ru.metodichka.evaluation;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import ru.metodichka.db.Rows;
import ru.metodichka.expert.ExpertRoutes;

/** The JSON {@link EvaluationRoutes} answers with: one method per record, sections in order. */
final class EvaluationJson {
  private EvaluationJson() {}

  /**
   * The summary: {@code community, from, to, threshold} and one object per section. A new section
   * (the experts' composite) is one more {@code put} here.
   */
  static JsonObject summary(Evaluation e) {
    return new JsonObject()
        .put("community", e.community().slug())
        .put("from", Rows.time(e.period().from()))
        .put("to", Rows.time(e.period().to()))
        .put("threshold", e.threshold())
        .put("participants", participants(e.participants()))
        .put("tasks", tasks(e.tasks()))
        .put("results", results(e.results()))
        .put("experts", e.experts() == null ? null : ExpertRoutes.json(e.experts()));
  }

  static JsonObject participants(Participants p) {
    return new JsonObject()
        .put("members", p.members())
        .put("joined", p.joined())
        .put("left", p.left())
        .put("active", p.active())
        .put("activeFive", p.activeFive())
        .put("activePrevious", p.activePrevious())
        .put("growth", p.growth())
        .put("growthPercent", p.growthPercent());
  }

  static JsonObject tasks(Tasks t) {
    return new JsonObject()
        .put("planned", t.planned())
        .put("done", t.done())
        .put("cancelled", t.cancelled())
        .put("completionPercent", t.completionPercent())
        .put("assessment", t.assessment() == null ? null : assessmentFigure(t.assessment()));
  }

  private static JsonObject assessmentFigure(Assessment a) {
    return new JsonObject()
        .put("relevance", a.relevance())
        .put("solution", a.solution())
        .put("text", a.text())
        .put("by", a.by().login())
        .put("at", Rows.time(a.at()));
  }

  static JsonObject assessment(Assessment a) {
    return assessmentFigure(a)
        .put("id", a.id())
        .put("from", Rows.time(a.from()))
        .put("to", Rows.time(a.to()))
        .put("byName", a.by().name());
  }

  static JsonObject results(Results r) {
    JsonObject byKind = new JsonObject();
    r.byKind().forEach((kind, n) -> byKind.put(kind.code(), n));
    return new JsonObject()
        .put("published", r.published())
        .put("byKind", byKind)
        .put("kindsUsed", r.kindsUsed())
        .put("views", r.views())
        .put("downloads", r.downloads())
        .put("citations", r.citations())
        .put("comments", r.comments());
  }

  static JsonObject period(Period period) {
    return new JsonObject().put("from", Rows.time(period.from())).put("to", Rows.time(period.to()));
  }

  static JsonObject participants(Period period, ParticipantList list) {
    JsonArray people = new JsonArray();
    for (Participant p : list.participants()) {
      JsonObject kinds = new JsonObject();
      p.contributions().forEach((kind, n) -> kinds.put(kind.code(), n));
      JsonArray spans = new JsonArray();
      p.memberships()
          .forEach(
              s ->
                  spans.add(
                      new JsonObject()
                          .put("started", Rows.time(s.started()))
                          .put("ended", s.ended() == null ? null : Rows.time(s.ended()))));
      people.add(
          person(p.person())
              .put("contributions", kinds)
              .put("total", p.total())
              .put("active", p.active())
              .put("memberships", spans));
    }
    return period(period)
        .put("threshold", list.threshold())
        .put("participants", people)
        .put("moderators", people(list.moderators()))
        .put("experts", people(list.experts()));
  }

  private static JsonArray people(List<Person> people) {
    JsonArray array = new JsonArray();
    people.forEach(p -> array.add(person(p)));
    return array;
  }

  private static JsonObject person(Person p) {
    return new JsonObject()
        .put("login", p.login())
        .put("name", p.name())
        .put("institution", p.institution());
  }

  static JsonObject results(Period period, List<Result> results) {
    JsonArray items = new JsonArray();
    results.forEach(
        r ->
            items.add(
                new JsonObject()
                    .put("slug", r.slug())
                    .put("title", r.title())
                    .put("kind", r.kind().code())
                    .put("firstPublished", Rows.time(r.firstPublished()))));
    return period(period).put("items", items);
  }

  static JsonObject viewed(Period period, List<Viewed> viewed) {
    JsonArray items = new JsonArray();
    viewed.forEach(
        v ->
            items.add(
                new JsonObject()
                    .put("slug", v.slug())
                    .put("title", v.title())
                    .put("kind", v.kind().code())
                    .put("views", v.views())));
    return period(period).put("items", items);
  }

  static JsonObject citations(List<Citation> citations) {
    JsonArray items = new JsonArray();
    citations.forEach(
        c ->
            items.add(
                new JsonObject()
                    .put(
                        "cited",
                        new JsonObject().put("slug", c.citedSlug()).put("title", c.citedTitle()))
                    .put("community", c.community())
                    .put("communityName", c.communityName())
                    .put("slug", c.slug())
                    .put("title", c.title())));
    return new JsonObject()
        .put("pages", EvaluationService.citingPages(citations))
        .put("items", items);
  }

  static JsonObject tasks(Period period, List<Task> tasks, List<Assessment> assessments) {
    JsonArray items = new JsonArray();
    tasks.forEach(
        t ->
            items.add(
                new JsonObject()
                    .put("id", t.id())
                    .put("year", t.year())
                    .put("title", t.title())
                    .put("due", t.due().toString())
                    .put("status", t.status())));
    JsonArray assessed = new JsonArray();
    assessments.forEach(a -> assessed.add(assessment(a)));
    return period(period).put("items", items).put("assessments", assessed);
  }

  static JsonObject publicity(Publicity p) {
    return new JsonObject()
        .put("public", p.open())
        .put("by", p.by().login())
        .put("at", Rows.time(p.at()));
  }

  /** The administrators' overview: one row per community. */
  static JsonObject overview(Period period, List<Evaluation> rows) {
    JsonArray items = new JsonArray();
    rows.forEach(
        e ->
            items.add(
                summary(e)
                    .put("name", e.community().name())
                    .put("archived", e.community().archived())));
    return period(period).put("items", items);
  }
}
