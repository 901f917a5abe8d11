package ru.metodichka.auth;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;
import ru.metodichka.db.Rows;

/** A person's account as others may see it (no credentials). */
public record User(
    long id,
    String login,
    String name,
    String email,
    String institution,
    String position,
    boolean admin,
    boolean methodist,
    String authSource,
    OffsetDateTime createdAt) {

  static User from(Row row) {
    return new User(
        row.getLong("id"),
        row.getString("login"),
        row.getString("display_name"),
        row.getString("email"),
        row.getString("institution"),
        row.getString("position"),
        row.getBoolean("is_admin"),
        row.getBoolean("is_methodist"),
        row.getString("auth_source"),
        row.getOffsetDateTime("created_at"));
  }

  public CurrentUser asCurrentUser() {
    return new CurrentUser(id, login, name, admin);
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("login", login)
        .put("name", name)
        .put("email", email)
        .put("institution", institution)
        .put("position", position)
        .put("admin", admin)
        .put("methodist", methodist)
        .put("authSource", authSource)
        .put("createdAt", Rows.time(createdAt));
  }
}
