package ru.metodichka.community;

import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

/** A community of teachers created for a concrete professional task (§4.1). */
public record Community(
    long id,
    String slug,
    String name,
    String task,
    String description,
    CommunityStatus status,
    OffsetDateTime createdAt) {

  static final String COLUMNS = "id, slug, name, task, description, status, created_at";

  static Community from(Row row) {
    return new Community(
        row.getLong("id"),
        row.getString("slug"),
        row.getString("name"),
        row.getString("task"),
        row.getString("description"),
        CommunityStatus.of(row.getString("status")),
        row.getOffsetDateTime("created_at"));
  }

  public boolean archived() {
    return status == CommunityStatus.ARCHIVED;
  }
}
