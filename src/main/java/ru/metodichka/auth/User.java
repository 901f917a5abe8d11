package ru.metodichka.auth;

import io.vertx.sqlclient.Row;
import java.time.OffsetDateTime;

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
    OffsetDateTime createdAt,
    OffsetDateTime disabledAt) {

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
        row.getOffsetDateTime("created_at"),
        row.getOffsetDateTime("disabled_at"));
  }

  public boolean disabled() {
    return disabledAt != null;
  }

  public CurrentUser asCurrentUser() {
    return new CurrentUser(id, login, name, admin);
  }
}
