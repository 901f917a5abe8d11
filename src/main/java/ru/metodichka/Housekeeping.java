package ru.metodichka;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.auth.AuthService;
import ru.metodichka.page.PageService;

/**
 * Deletes what has served its purpose: sessions dead for a week, login failure counters and stored
 * answers to idempotent saves older than a day. Never touches history. Runs hourly.
 */
public final class Housekeeping {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);
  private static final long HOURLY_MS = 3_600_000;
  private final AuthService auth;
  private final PageService pages;

  Housekeeping(AuthService auth, PageService pages) {
    this.auth = auth;
    this.pages = pages;
  }

  void start(Vertx vertx) {
    vertx.setPeriodic(HOURLY_MS, id -> run());
  }

  /** One round; a failure is logged and the next round tries again. */
  public Future<Integer> run() {
    return auth.purgeExpired()
        .compose(sessions -> pages.purgeIdempotencyKeys().map(keys -> sessions + keys))
        .onSuccess(n -> LOG.debug("Housekeeping removed {} rows", n))
        .onFailure(e -> LOG.warn("Housekeeping failed: {}", e.toString()));
  }
}
