package ru.metodichka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.attachment.PendingFiles;
import ru.metodichka.auth.AuthService;
import ru.metodichka.db.AppStateRepository;
import ru.metodichka.page.PageService;

/**
 * Deletes what has served its purpose: sessions dead for a week, login failure counters and stored
 * answers to idempotent saves older than a day, files kept a week for a page never saved. Never
 * touches history. Runs hourly, on one server of a deployment: each server looks every few minutes,
 * and the first to claim the hour's round ({@link AppStateRepository#claim}) does it.
 */
public final class Housekeeping {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
  private static final String ROUND = "housekeeping_round";
  private static final Duration PERIOD = Duration.ofHours(1);
  private static final long LOOK_MS = 300_000;
  private final Pool pool;
  private final AuthService auth;
  private final PageService pages;
  private final AppStateRepository state = new AppStateRepository();

  Housekeeping(Pool pool, AuthService auth, PageService pages) {
    this.pool = pool;
    this.auth = auth;
    this.pages = pages;
  }

  void start(Vertx vertx) {
    vertx.setPeriodic(LOOK_MS, id -> runIfDue());
  }

  /**
   * A round, unless a server of the deployment (this one included) did one less than an hour ago;
   * true when this call did it.
   */
  public Future<Boolean> runIfDue() {
    return state
        .claim(pool, ROUND, PERIOD)
        .compose(claimed -> claimed ? run().map(true) : Future.succeededFuture(false))
        .onFailure(e -> LOG.warn("Housekeeping could not claim its round: {}", e.toString()));
  }

  /** One round; a failure is logged and the next round tries again. */
  public Future<Integer> run() {
    return auth.purgeExpired()
        .compose(sessions -> pages.purgeIdempotencyKeys().map(keys -> sessions + keys))
        .compose(rows -> PendingFiles.purge(pool).map(kept -> rows + kept))
        .onSuccess(n -> LOG.debug("Housekeeping removed {} rows", n))
        .onFailure(e -> LOG.warn("Housekeeping failed: {}", e.toString()));
  }
}
