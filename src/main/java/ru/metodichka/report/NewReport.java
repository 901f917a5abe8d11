package ru.metodichka.report;

import io.vertx.core.json.JsonObject;
import java.util.List;
import ru.metodichka.web.JsonInput;

/** A report as sent: {@code {"target":{kind, community, slug, revision|comment}, reason, text}}. */
public record NewReport(ReportTarget target, String reason, String text) {
  static final List<String> KINDS = List.of("page", "revision", "comment");
  static final List<String> REASONS =
      List.of("spam", "offensive", "copyright", "personal-data", "other");
  static final List<String> ACTIONS = List.of("dismissed", "hidden", "reverted");
  static final int MAX_TEXT = 2000;

  /** The body of {@code POST /api/reports}; 422 naming each bad field. */
  public static NewReport from(JsonInput in) {
    JsonObject target = in.optionalObject("target");
    if (target == null && !in.hasError("target")) {
      in.reject("target", "required");
    }
    ReportTarget parsed = null;
    if (target != null) {
      JsonInput t = JsonInput.of(target);
      String kind = t.requiredText("kind", 20);
      if (!kind.isEmpty() && !KINDS.contains(kind)) {
        in.reject("target.kind", "one_of", String.join(", ", KINDS));
      } else if (kind.isEmpty()) {
        in.reject("target.kind", "required");
      }
      String community = t.requiredText("community", 200);
      if (community.isEmpty()) {
        in.reject("target.community", "required");
      }
      String slug = t.requiredText("slug", 300);
      if (slug.isEmpty()) {
        in.reject("target.slug", "required");
      }
      int revision = t.optionalInt("revision", 1, Integer.MAX_VALUE, 0);
      if (t.hasError("revision")) {
        in.reject("target.revision", "int_range", 1, Integer.MAX_VALUE);
      } else if ("revision".equals(kind) && revision == 0) {
        in.reject("target.revision", "report_revision_required");
      }
      int comment = t.optionalInt("comment", 1, Integer.MAX_VALUE, 0);
      if (t.hasError("comment")) {
        in.reject("target.comment", "int_range", 1, Integer.MAX_VALUE);
      } else if ("comment".equals(kind) && comment == 0) {
        in.reject("target.comment", "report_comment_required");
      }
      parsed =
          new ReportTarget(
              kind,
              community,
              slug,
              "revision".equals(kind) && revision > 0 ? revision : null,
              "comment".equals(kind) && comment > 0 ? (long) comment : null);
    }
    String reason = in.requiredText("reason", 40);
    if (!reason.isEmpty() && !REASONS.contains(reason)) {
      in.reject("reason", "one_of", String.join(", ", REASONS));
    }
    String text = in.optionalText("text", MAX_TEXT, "");
    in.validate();
    return new NewReport(parsed, reason, text);
  }

  /** The body of {@code POST /api/reports/{id}/resolve}: {@code {action, note}}. */
  public static Resolution resolution(JsonInput in) {
    String action = in.requiredText("action", 20);
    if (!action.isEmpty() && !ACTIONS.contains(action)) {
      in.reject("action", "one_of", String.join(", ", ACTIONS));
    }
    String note = in.optionalText("note", MAX_TEXT, "");
    in.validate();
    return new Resolution(action, note);
  }

  /** A moderator's decision on a report. */
  public record Resolution(String action, String note) {}
}
