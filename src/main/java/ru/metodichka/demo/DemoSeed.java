package ru.metodichka.demo;

import io.vertx.core.Future;
import ru.metodichka.Services;

/** Placeholder replaced below. */
public final class DemoSeed {
  private final Services services;

  public DemoSeed(Services services) {
    this.services = services;
  }

  public Future<Void> run() {
    return Future.succeededFuture();
  }
}
