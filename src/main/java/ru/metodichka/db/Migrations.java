package ru.metodichka.db;

import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the versioned schema migrations under {@code db/migration}, with Flyway, unless the
 * schema is already current ({@link CurrentSchema}: the usual start, which then skips Flyway's 0.4
 * s).
 */
public final class Migrations {
  private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);

  private Migrations() {}

  /**
   * Brings the schema up to date. Blocking: call from main before the server starts.
   *
   * @throws IllegalStateException naming the failed migration and why, so start-up stops there
   */
  public static void apply(ResolvedDatabase db) {
    Optional<String> current = CurrentSchema.version(db);
    if (current.isPresent()) {
      LOG.info(
          "Database schema at version {} (every migration applied as it is; Flyway not needed)",
          current.get());
      return;
    }
    Flyway flyway =
        Flyway.configure()
            .dataSource(db.jdbcUrl(), db.user(), db.password())
            .locations("classpath:db/migration")
            .load();
    try {
      MigrateResult result = flyway.migrate();
      LOG.info(
          "Database schema at version {} ({} migration(s) applied)",
          result.targetSchemaVersion != null
              ? result.targetSchemaVersion
              : result.initialSchemaVersion,
          result.migrationsExecuted);
    } catch (FlywayException e) {
      throw new IllegalStateException("Database migration failed: " + e.getMessage(), e);
    }
  }
}
