package ru.metodichka.error;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.SequencedMap;

/**
 * The one failure type services fail with. It carries an HTTP status, a machine code whose human
 * title and detail live in the {@code i18n/errors} bundle, the arguments for that detail, and
 * optional extra members for the problem document (field errors, the conflicting text).
 */
public final class AppError extends RuntimeException {
  /** The problem member with the seconds to wait before trying again. */
  public static final String RETRY_AFTER = "retryAfter";

  /** The problem member naming the new values of the path parameters of a moved resource. */
  public static final String MOVED_TO = "movedTo";

  private final int status;
  private final String code;
  private final Object[] args;
  private final JsonObject extras;
  private final List<FieldError> fieldErrors;

  private AppError(int status, String code, Object[] args, JsonObject extras) {
    this(status, code, args, extras, List.of());
  }

  private AppError(
      int status, String code, Object[] args, JsonObject extras, List<FieldError> fieldErrors) {
    super(code, null, false, false);
    this.status = status;
    this.code = code;
    this.args = args;
    this.extras = extras;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  public static AppError badRequest(String code, Object... args) {
    return new AppError(400, code, args, new JsonObject());
  }

  public static AppError unauthorized(String code, Object... args) {
    return new AppError(401, code, args, new JsonObject());
  }

  public static AppError forbidden(String code, Object... args) {
    return new AppError(403, code, args, new JsonObject());
  }

  public static AppError notFound(String code, Object... args) {
    return new AppError(404, code, args, new JsonObject());
  }

  public static AppError conflict(String code, Object... args) {
    return new AppError(409, code, args, new JsonObject());
  }

  /**
   * 429: a budget is spent. The problem carries {@code retryAfter} (seconds), which is also sent as
   * the {@code Retry-After} header; the detail's argument is the wait in whole minutes, rounded up.
   */
  public static AppError tooManyRequests(String code, long retryAfterSeconds) {
    long minutes = Math.max(1, (retryAfterSeconds + 59) / 60);
    return new AppError(
        429, code, new Object[] {minutes}, new JsonObject().put(RETRY_AFTER, retryAfterSeconds));
  }

  /**
   * 301 (308 for anything but GET and HEAD): what was asked for answers at another address for
   * ever. The address is the request's own, with these path parameters (in order: a community
   * before a page) given their new values.
   */
  public static AppError moved(SequencedMap<String, String> pathParams) {
    JsonObject movedTo = new JsonObject();
    pathParams.forEach(movedTo::put);
    return new AppError(
        301, "moved_permanently", new Object[0], new JsonObject().put(MOVED_TO, movedTo));
  }

  public static AppError unavailable(String code, Object... args) {
    return new AppError(503, code, args, new JsonObject());
  }

  /**
   * 422 with one entry per invalid field; the problem document lists them as {@code {"field",
   * "message"}} in the reader's language ({@link Problems}).
   */
  public static AppError invalid(List<FieldError> errors) {
    return new AppError(422, "invalid_input", new Object[0], new JsonObject(), errors);
  }

  /**
   * A 422 for a single field.
   *
   * @param messageKey the message's key in the {@code i18n/fields} bundle
   */
  public static AppError invalid(String field, String messageKey, Object... args) {
    return invalid(List.of(new FieldError(field, messageKey, args)));
  }

  /** Adds a member to the problem document. */
  public AppError with(String name, Object value) {
    extras.put(name, value);
    return this;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Object[] args() {
    return args.clone();
  }

  public JsonObject extras() {
    return extras;
  }

  /** The invalid fields of a 422, in the order they were found; empty otherwise. */
  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  /**
   * One invalid input field.
   *
   * @param messageKey what is wrong, a key of the {@code i18n/fields} bundle
   * @param args the message's arguments ({@code {0}}…)
   */
  public record FieldError(String field, String messageKey, Object... args) {}
}
