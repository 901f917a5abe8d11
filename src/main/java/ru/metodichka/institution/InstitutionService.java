package ru.metodichka.institution;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import ru.metodichka.auth.CurrentUser;

/** The district's educational organisations, managed by administrators. */
public final class InstitutionService {
  private final Pool pool;
  private final InstitutionRepository institutions;

  public InstitutionService(Pool pool, InstitutionRepository institutions) {
    this.pool = pool;
    this.institutions = institutions;
  }

  /** Every institution with its number of users, by name (public: profiles show them anyway). */
  public Future<JsonArray> list() {
    return institutions.list(pool);
  }

  /** Adds an institution (administrators only); 409 when the name is taken. */
  public Future<JsonObject> create(CurrentUser actor, NewInstitution institution) {
    actor.requireAdmin();
    return institutions.insert(pool, institution);
  }
}
