package ru.metodichka.expert;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import ru.metodichka.error.AppError;

/**
 * Why an expert may not review a community (§5.2 independence): they are or were a member or a
 * moderator of it, or they work in the institution of an author of a reviewed material.
 *
 * @param institution, author, pageTitle, pageSlug only for {@link Kind#INSTITUTION}
 */
public record Conflict(
    Kind kind,
    String institution,
    String authorLogin,
    String authorName,
    String pageSlug,
    String pageTitle) {

  /** The reasons, in the order of the choice in the {@code conflict_of_interest} message. */
  public enum Kind {
    MEMBER,
    FORMER_MEMBER,
    MODERATOR,
    FORMER_MODERATOR,
    INSTITUTION;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static Conflict membership(String role, String status) {
    boolean active = "active".equals(status);
    Kind kind =
        "moderator".equals(role)
            ? (active ? Kind.MODERATOR : Kind.FORMER_MODERATOR)
            : (active ? Kind.MEMBER : Kind.FORMER_MEMBER);
    return new Conflict(kind, null, null, null, null, null);
  }

  /** 409 {@code conflict_of_interest}, its detail saying why, the reason as {@code reason}. */
  AppError error(String expertName, String communityName) {
    JsonObject reason = new JsonObject().put("kind", kind.code());
    if (kind == Kind.INSTITUTION) {
      reason
          .put("institution", institution)
          .put("author", new JsonObject().put("login", authorLogin).put("name", authorName))
          .put("page", pageSlug);
    }
    return AppError.conflict(
            "conflict_of_interest",
            expertName,
            communityName,
            kind.ordinal(),
            institution == null ? "" : institution,
            authorName == null ? "" : authorName,
            pageTitle == null ? "" : pageTitle)
        .with("reason", reason);
  }
}
