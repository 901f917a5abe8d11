package ru.metodichka.evaluation;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import ru.metodichka.error.AppError;
import ru.metodichka.web.JsonInput;

/** A moderator's assessment as submitted: the period, two scores 1–5 and the justification. */
record NewAssessment(
    OffsetDateTime from, OffsetDateTime to, int relevance, int solution, String text) {
  static final int MAX_TEXT = 20_000;

  /** Reads {@code {"from","to","relevance","solution","text"}}; 422 naming each invalid field. */
  static NewAssessment read(JsonInput input, ZoneId zone) {
    String from = input.optionalText("from", 40, "");
    String to = input.optionalText("to", 40, "");
    Period period = null;
    if (from.isEmpty() && to.isEmpty()) {
      input.reject("from", "evaluation_moment");
      input.reject("to", "evaluation_moment");
    } else {
      try {
        period = Period.parse(from, to, zone, LocalDate.now(zone));
      } catch (AppError e) {
        e.fieldErrors().forEach(f -> input.reject(f.field(), f.messageKey(), f.args()));
      }
    }
    int relevance = score(input, "relevance");
    int solution = score(input, "solution");
    String text = input.requiredText("text", MAX_TEXT);
    input.validate();
    return new NewAssessment(period.from(), period.to(), relevance, solution, text);
  }

  private static int score(JsonInput input, String field) {
    int score = input.optionalInt(field, 1, 5, 0);
    if (score == 0 && !input.hasError(field)) {
      input.reject(field, "evaluation_score");
    }
    return score;
  }
}
