package ru.metodichka.community;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import ru.metodichka.db.Rows;

/** A community of teachers created for a concrete professional task (§4.1). */
public record Community(
    long id,
    String slug,
    String name,
    String task,
    String description,
    String status,
    OffsetDateTime createdAt) {

  static Community from(Row row) {
    return new Community(
        row.getLong("id"),
        row.getString("slug"),
        row.getString("name"),
        row.getString("task"),
        row.getString("description"),
        row.getString("status"),
        row.getOffsetDateTime("created_at"));
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("slug", slug)
        .put("name", name)
        .put("task", task)
        .put("description", description)
        .put("status", status)
        .put("createdAt", Rows.time(createdAt));
  }
}
