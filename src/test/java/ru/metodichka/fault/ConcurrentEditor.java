package ru.metodichka.fault;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import ru.metodichka.Api;
import ru.metodichka.Fixtures.TestUser;

/**
 * One editor of {@link ConcurrentEditorsIT}: saves small edits of the shared page, each on the
 * revision it last saw, and keeps every answer. After a plain save it goes on from its own text (so
 * its next save is stale whenever someone saved meanwhile); after a merge or a conflict it reads
 * the page again, as the editor screen does. A 503 (the server too busy to take the save: all its
 * database connections wait for the page's lock) is an answer too: it reads the page and goes on.
 */
final class ConcurrentEditor implements Runnable {
  private final int number;
  private final TestUser user;
  private final Api api;
  private final String page;
  private final long until;
  private final List<Save> saves = new ArrayList<>();
  private volatile Throwable failure;

  ConcurrentEditor(int number, TestUser user, Api api, String page, long untilNanos) {
    this.number = number;
    this.user = user;
    this.api = api;
    this.page = page;
    this.until = untilNanos;
  }

  /** One save and its answer. */
  record Save(
      int editor,
      String login,
      String token,
      boolean shared,
      int base,
      String sent,
      int status,
      JsonObject body) {
    boolean acknowledged() {
      return status == 200 || status == 201;
    }

    int revision() {
      return body.getInteger("revision");
    }

    boolean merged() {
      return body.getBoolean("merged");
    }
  }

  private record Seen(int revision, String markdown) {}

  @Override
  public void run() {
    try {
      Seen seen = null;
      for (int i = 1; System.nanoTime() < until; i++) {
        while (seen == null) {
          seen = read();
        }
        Save save = save(seen, "c%02dn%04d".formatted(number, i));
        saves.add(save);
        boolean plain = save.acknowledged() && !save.merged();
        seen = plain ? new Seen(save.revision(), save.sent()) : null;
        if (save.status() == 503) {
          pause();
        }
      }
    } catch (Throwable e) {
      failure = e;
    }
  }

  /** The current revision, or null when the server is too busy to answer (503: try again). */
  private Seen read() throws InterruptedException {
    var response = api.get(page, user.token());
    if (response.status() == 503) {
      pause();
      return null;
    }
    if (response.status() != 200) {
      throw new AssertionError("Reading the page: " + response);
    }
    JsonObject current = response.json();
    return new Seen(current.getInteger("revision"), current.getString("markdown"));
  }

  /**
   * After a 503 a client waits before it tries again. Briefly here: the point is the load, and the
   * Retry-After of a whole second would let it go.
   */
  private static void pause() throws InterruptedException {
    Thread.sleep(50);
  }

  private Save save(Seen seen, String token) {
    // One save in four also rewrites the shared line: the source of the conflicts.
    boolean shared = ThreadLocalRandom.current().nextInt(4) == 0;
    String text = SharedPageText.edit(seen.markdown(), number, token, shared);
    var response =
        api.put(
            page,
            user.token(),
            new JsonObject()
                .put("title", "Общая страница")
                .put("markdown", text)
                .put("baseRevision", seen.revision()));
    return new Save(
        number,
        user.login(),
        token,
        shared,
        seen.revision(),
        text,
        response.status(),
        response.json());
  }

  List<Save> saves() {
    return saves;
  }

  Throwable failure() {
    return failure;
  }
}
