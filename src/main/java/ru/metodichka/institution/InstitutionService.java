package ru.metodichka.institution;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;
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
  public Future<List<Institution>> list() {
    return institutions.list(pool);
  }

  /** Adds an institution (administrators only); 409 when the name is taken. */
  public Future<Institution> create(CurrentUser actor, NewInstitution institution) {
    actor.requireAdmin();
    return institutions.insert(pool, institution);
  }
}
