package ru.metodichka.comment;

import ru.metodichka.web.JsonInput;

/**
 * A comment as posted: its Markdown and, for a reply, the comment it answers.
 *
 * @param replyTo the comment answered, or null
 */
public record NewComment(String markdown, Long replyTo) {
  /** The longest comment, in characters. */
  public static final int MAX_MARKDOWN = 10_000;

  static final int MAX_REASON = 1000;

  /** The body of {@code POST .../comments}; 422 naming each bad field. */
  public static NewComment from(JsonInput in) {
    String markdown = text(in);
    Long replyTo = null;
    int id = in.optionalInt("replyTo", 1, Integer.MAX_VALUE, 0);
    if (id > 0) {
      replyTo = (long) id;
    }
    in.validate();
    return new NewComment(markdown, replyTo);
  }

  /** The body of {@code PATCH .../comments/{id}}: the new text. */
  public static String edit(JsonInput in) {
    String markdown = text(in);
    in.validate();
    return markdown;
  }

  /** A moderator's reason for hiding: required. */
  public static String reason(JsonInput in) {
    String reason = in.requiredText("reason", MAX_REASON);
    in.validate();
    return reason;
  }

  private static String text(JsonInput in) {
    String markdown = in.rawText("markdown", MAX_MARKDOWN);
    if (markdown == null) {
      if (!in.hasError("markdown")) {
        in.reject("markdown", "required");
      }
      return "";
    }
    if (markdown.isBlank()) {
      in.reject("markdown", "required");
    }
    return markdown;
  }
}
