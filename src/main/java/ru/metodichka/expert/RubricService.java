package ru.metodichka.expert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;
import ru.metodichka.auth.CurrentUser;

/**
 * The rubric experts score by. Open to everyone to read (§3: openness of how results are judged);
 * administrators edit it, each edit a new version; an invitation keeps the version it was made
 * under.
 */
public final class RubricService {
  private final Pool pool;
  private final RubricRepository rubrics = new RubricRepository();

  public RubricService(Pool pool) {
    this.pool = pool;
  }

  /** The current version. */
  public Future<Rubric> current() {
    return rubrics.current(pool);
  }

  /**
   * Makes these criteria the rubric (administrators): a new version, unless they are exactly the
   * current ones (then nothing is written). Returns the rubric as it now is.
   */
  public Future<Rubric> edit(CurrentUser actor, List<Criterion> criteria) {
    actor.requireAdmin();
    return pool.withTransaction(
        tx ->
            rubrics
                .lock(tx)
                .compose(v -> rubrics.current(tx))
                .compose(
                    current ->
                        current.criteria().equals(criteria)
                            ? Future.succeededFuture(current)
                            : rubrics
                                .insert(tx, actor.id(), criteria)
                                .compose(version -> rubrics.version(tx, version))));
  }
}
