package ru.metodichka.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;

/** Whether PostgreSQL answers, for {@code GET /health}. */
public final class DatabaseHealth {
  private static final long TIMEOUT_MS = 2_000;
  private final Pool pool;

  public DatabaseHealth(Pool pool) {
    this.pool = pool;
  }

  /** Succeeds when the database answers a trivial query within two seconds. */
  public Future<Void> check() {
    return pool.query("SELECT 1").execute().timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS).mapEmpty();
  }
}
