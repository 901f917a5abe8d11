package ru.metodichka.plan;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import ru.metodichka.community.Slugs;
import ru.metodichka.page.Markdown;
import ru.metodichka.web.JsonInput;

/**
 * Reads plan items from a request body, the API's or a screen's form made into one, with the same
 * rules; every problem of form is listed at once (422). Whether the dates fit the plan's year and
 * the people and pages exist is the service's to check.
 */
public final class PlanInput {
  static final int MAX_TITLE = 300;
  static final int MAX_DESCRIPTION = 20_000;
  static final int MAX_OUTCOME = 5_000;
  static final int MAX_PEOPLE = 30;
  static final int MAX_RESULTS = 30;
  private static final int MAX_LOGIN = 64;

  private PlanInput() {}

  /** The body of {@code POST .../plan/items}. */
  public static ItemDraft draft(JsonInput in) {
    AcademicYear year = year(in);
    String title = in.requiredText("title", MAX_TITLE);
    String description = description(in);
    PlanForm form = form(in);
    if (form == null && !in.hasError("form")) {
      in.reject("form", "required");
    }
    LocalDate starts = date(in, "starts", true);
    if (year == null && starts != null && !AcademicYear.covers(starts)) {
      // Without a year the item goes into the one its start falls in, which must be one there is.
      in.reject("starts", "plan_no_year");
    }
    LocalDate due = date(in, "due", true);
    PlanStatus status = status(in);
    List<String> responsible = in.optionalTextList("responsible", MAX_PEOPLE, MAX_LOGIN);
    List<String> results = in.optionalTextList("results", MAX_RESULTS, Slugs.MAX_LENGTH);
    String outcome = in.optionalText("outcome", MAX_OUTCOME, "");
    in.validate();
    return new ItemDraft(
        year,
        title,
        description == null ? "" : description,
        form,
        responsible == null ? List.of() : responsible,
        starts,
        due,
        status == null ? PlanStatus.PLANNED : status,
        results == null ? List.of() : results,
        outcome);
  }

  /** The body of {@code PATCH .../plan/items/{id}}: {@code version} and the fields to change. */
  public static ItemPatch patch(JsonInput in) {
    int version = in.optionalInt("version", 1, Integer.MAX_VALUE, 0);
    if (version == 0 && !in.hasError("version")) {
      in.reject("version", "required");
    }
    String title = in.optionalText("title", MAX_TITLE, null);
    if (title != null && title.isEmpty()) {
      in.reject("title", "required");
    }
    String description = description(in);
    PlanForm form = form(in);
    LocalDate starts = date(in, "starts", false);
    LocalDate due = date(in, "due", false);
    PlanStatus status = status(in);
    List<String> responsible = in.optionalTextList("responsible", MAX_PEOPLE, MAX_LOGIN);
    List<String> results = in.optionalTextList("results", MAX_RESULTS, Slugs.MAX_LENGTH);
    String outcome = in.optionalText("outcome", MAX_OUTCOME, null);
    in.validate();
    return new ItemPatch(
        version, title, description, form, responsible, starts, due, status, results, outcome);
  }

  /**
   * The {@code year} of a plan ({@code 2026/27}); null when absent; rejected unless the second part
   * is the year after the first.
   */
  static AcademicYear year(JsonInput in) {
    String text = in.optionalText("year", 20, null);
    AcademicYear year = text == null ? null : AcademicYear.parse(text);
    if (text != null && year == null && !in.hasError("year")) {
      in.reject("year", "plan_year");
    }
    return year;
  }

  private static String description(JsonInput in) {
    String raw = in.rawText("description", MAX_DESCRIPTION);
    return raw == null ? null : Markdown.normalize(raw);
  }

  private static PlanForm form(JsonInput in) {
    String code = in.optionalText("form", 20, null);
    PlanForm form = code == null ? null : PlanForm.of(code);
    if (code != null && form == null) {
      in.reject("form", "one_of", PlanForm.allCodes());
    }
    return form;
  }

  private static PlanStatus status(JsonInput in) {
    String code = in.optionalText("status", 20, null);
    PlanStatus status = code == null ? null : PlanStatus.of(code);
    if (code != null && status == null) {
      in.reject("status", "one_of", PlanStatus.allCodes());
    }
    return status;
  }

  private static LocalDate date(JsonInput in, String field, boolean required) {
    String text = in.optionalText(field, 40, null);
    if (text == null || text.isEmpty()) {
      if (required && !in.hasError(field)) {
        in.reject(field, "required");
      }
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      in.reject(field, "date");
      return null;
    }
  }
}
