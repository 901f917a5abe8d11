package ru.metodichka.expert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import ru.metodichka.auth.Person;
import ru.metodichka.db.Rows;

/** The JSON of experts, invitations and submissions (for {@link ExpertRoutes}). */
final class ExpertJson {
  private ExpertJson() {}

  static JsonObject experts(List<Expert> list) {
    JsonArray items = new JsonArray();
    list.forEach(
        e ->
            items.add(
                person(e.person())
                    .put("institution", e.institution())
                    .put("position", e.position())
                    .put("since", Rows.time(e.since()))));
    return new JsonObject().put("items", items);
  }

  static JsonObject assignments(List<Assignment> list) {
    JsonArray items = new JsonArray();
    list.forEach(a -> items.add(assignment(a)));
    return new JsonObject().put("items", items);
  }

  static JsonObject assignment(Assignment a) {
    JsonArray pages = new JsonArray();
    a.pages()
        .forEach(p -> pages.add(new JsonObject().put("slug", p.slug()).put("title", p.title())));
    return new JsonObject()
        .put("id", a.id())
        .put(
            "community",
            new JsonObject().put("slug", a.communitySlug()).put("name", a.communityName()))
        .put("expert", person(a.expert()))
        .put("from", ExpertRoutes.time(a.from()))
        .put("to", ExpertRoutes.time(a.to()))
        .put("pages", pages)
        .put("rubricVersion", a.rubricVersion())
        .put("invitedBy", person(a.invitedBy()))
        .put("invitedAt", Rows.time(a.invitedAt()))
        .put("status", a.submitted() > 0 ? "submitted" : "pending");
  }

  static JsonObject details(ReviewDetails d) {
    JsonArray submissions = new JsonArray();
    for (int i = 0; i < d.submissions().size(); i++) {
      submissions.add(submission(d.submissions().get(i)).put("superseded", i > 0));
    }
    JsonArray others = new JsonArray();
    d.others()
        .forEach(
            o ->
                others.add(
                    submission(o.latest())
                        .put("review", o.reviewId())
                        .put("expert", person(o.expert()))));
    return assignment(d.assignment())
        .put("rubric", ExpertRoutes.json(d.rubric()))
        .put("submissions", submissions)
        .put("others", others)
        .put("othersHidden", d.othersHidden());
  }

  static JsonObject submission(Submission s) {
    JsonObject scores = new JsonObject();
    JsonObject comments = new JsonObject();
    for (Submission.Score score : s.scores()) {
      scores.put(score.code(), score.score());
      comments.put(score.code(), score.comment());
    }
    return new JsonObject()
        .put("number", s.number())
        .put("submittedAt", Rows.time(s.submittedAt()))
        .put("recommendation", s.recommendation().code())
        .put("scores", scores)
        .put("comments", comments);
  }

  static JsonObject person(Person p) {
    return p == null ? null : new JsonObject().put("login", p.login()).put("name", p.name());
  }
}
