package ru.metodichka.page;

import io.vertx.core.json.JsonObject;

/** What a save did; {@link #toJson()} is the response body (and what an idempotent retry gets). */
public record SaveResult(int status, JsonObject body) {

  static SaveResult saved(int revision, boolean merged, boolean created) {
    return new SaveResult(
        created ? 201 : 200,
        new JsonObject()
            .put("revision", revision)
            .put("merged", merged)
            .put("created", created)
            .put("unchanged", false));
  }

  static SaveResult unchanged(int revision) {
    return new SaveResult(
        200,
        new JsonObject()
            .put("revision", revision)
            .put("merged", false)
            .put("created", false)
            .put("unchanged", true));
  }

  public int revision() {
    return body.getInteger("revision");
  }

  public boolean merged() {
    return body.getBoolean("merged");
  }

  public JsonObject toJson() {
    return body.copy();
  }
}
