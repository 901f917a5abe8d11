package ru.metodichka.expert;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.web.JsonInput;

/**
 * The body of {@code PUT /api/expert-reviews/{id}/submission}: a score 0–3 for every criterion of
 * the invitation's rubric version, a comment for any of them, and the recommendation.
 *
 * @param scores in the rubric's order
 */
public record Scoring(List<Submission.Score> scores, Recommendation recommendation) {
  static final int MAX_COMMENT = 4000;

  public Scoring {
    scores = List.copyOf(scores);
  }

  /** Reads the body against the rubric; 422 naming each wrong field ({@code scores.novelty}…). */
  static Scoring from(JsonInput in, Rubric rubric) {
    JsonObject scores = in.optionalObject("scores");
    JsonObject comments = in.optionalObject("comments");
    String code = in.requiredText("recommendation", 20);
    Recommendation recommendation = Recommendation.fromCode(code);
    if (recommendation == null && !in.hasError("recommendation")) {
      in.reject("recommendation", "expert_recommendation");
    }
    if (scores == null && !in.hasError("scores")) {
      in.reject("scores", "required");
    }
    List<Submission.Score> list = new ArrayList<>();
    for (Criterion c : rubric.criteria()) {
      Object score = scores == null ? null : scores.getValue(c.code());
      String comment = comment(in, comments, c.code());
      if (scores == null) {
        continue;
      }
      if (score == null) {
        in.reject("scores." + c.code(), "expert_score_missing", c.title());
      } else if (!(score instanceof Integer || score instanceof Long)
          || ((Number) score).longValue() < 0
          || ((Number) score).longValue() > 3) {
        in.reject("scores." + c.code(), "expert_score");
      } else {
        list.add(new Submission.Score(c.code(), ((Number) score).intValue(), comment));
      }
    }
    unknown(in, scores, rubric, "scores");
    unknown(in, comments, rubric, "comments");
    in.validate();
    return new Scoring(list, recommendation);
  }

  private static String comment(JsonInput in, JsonObject comments, String code) {
    Object value = comments == null ? null : comments.getValue(code);
    if (value == null) {
      return "";
    }
    if (!(value instanceof String text) || text.indexOf('\u0000') >= 0) {
      in.reject("comments." + code, "not_string");
      return "";
    }
    if (text.length() > MAX_COMMENT) {
      in.reject("comments." + code, "too_long", MAX_COMMENT);
      return "";
    }
    return text.strip();
  }

  private static void unknown(JsonInput in, JsonObject object, Rubric rubric, String field) {
    if (object == null) {
      return;
    }
    for (String code : object.fieldNames()) {
      if (rubric.criterion(code).isEmpty()) {
        in.reject(field + "." + code, "expert_unknown_criterion", rubric.version());
      }
    }
  }
}
