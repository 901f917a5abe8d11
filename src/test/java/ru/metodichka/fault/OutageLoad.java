package ru.metodichka.fault;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import ru.metodichka.Api;
import ru.metodichka.Api.Response;

/**
 * The read and write load of {@link DatabaseStopIT}. Readers ask for things that need the database
 * (health, the community list, a page as a member); each writer appends paragraphs with unique
 * tokens to a page of its own. Every request is recorded with its duration and answer. After a
 * failed save a writer reads its page again before the next one, as a client must: a save cut off
 * by the outage may or may not have been committed.
 */
final class OutageLoad {
  private static final long PAUSE_AFTER_FAILURE_MS = 20;
  private final Api api;
  private final String community;
  private final String token;
  private final Queue<Request> requests = new ConcurrentLinkedQueue<>();
  private final Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
  private final List<Thread> threads = new ArrayList<>();
  private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
  private volatile boolean running = true;

  OutageLoad(Api api, String community, String token) {
    this.api = api;
    this.community = community;
    this.token = token;
  }

  /** One request: what it was, when it started and ended, the answer; a save's unique mark. */
  record Request(String what, long startNanos, long endNanos, Response response, String mark) {
    long millis() {
      return (endNanos - startNanos) / 1_000_000;
    }

    int status() {
      return response.status();
    }

    boolean within(long fromNanos, long toNanos) {
      return startNanos >= fromNanos && endNanos <= toNanos;
    }
  }

  /** A save answered with 2xx: revision {@code revision} of the page has this text. */
  record Acknowledged(String slug, int revision, String markdown) {}

  /** Starts the readers, and one writer for each of the pages (which must exist). */
  void start(int readers, List<String> pages) {
    for (int i = 0; i < readers; i++) {
      String page = pages.get(i % pages.size());
      threads.add(Thread.ofPlatform().daemon().start(recording(() -> read(page))));
    }
    for (String page : pages) {
      threads.add(Thread.ofPlatform().daemon().start(recording(() -> write(page))));
    }
  }

  private Runnable recording(Runnable loop) {
    return () -> {
      try {
        loop.run();
      } catch (Throwable e) {
        failures.add(e);
      }
    };
  }

  void stop() throws InterruptedException {
    running = false;
    for (Thread thread : threads) {
      thread.join();
    }
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** What ended a reader or writer early (a request that threw instead of answering). */
  List<Throwable> failures() {
    return List.copyOf(failures);
  }

  List<Acknowledged> acknowledged() {
    return List.copyOf(acknowledged);
  }

  private void read(String slug) {
    for (int i = 0; running; i++) {
      Request request =
          switch (i % 3) {
            case 0 -> timed("health", null, () -> api.get("/health", null));
            case 1 -> timed("communities", null, () -> api.get("/api/communities", null));
            default -> timed("page", null, () -> api.get(Api.page(community, slug), token));
          };
      pauseIfFailed(request);
    }
  }

  private void write(String slug) {
    JsonObject seen = null;
    for (int i = 1; running; i++) {
      if (seen == null) {
        Request read = timed("page", null, () -> api.get(Api.page(community, slug), token));
        seen = read.status() == 200 ? read.response().json() : null;
        pauseIfFailed(read);
        continue;
      }
      String mark = slug + "-t" + i;
      String text = seen.getString("markdown") + "\nАбзац " + mark + ".\n";
      JsonObject body =
          new JsonObject()
              .put("title", seen.getString("title"))
              .put("markdown", text)
              .put("baseRevision", seen.getInteger("revision"));
      Request save = timed("save", mark, () -> api.put(Api.page(community, slug), token, body));
      if (save.status() == 200) {
        int revision = save.response().json().getInteger("revision");
        acknowledged.add(new Acknowledged(slug, revision, text));
        seen = seen.copy().put("revision", revision).put("markdown", text);
      } else {
        seen = null;
      }
      pauseIfFailed(save);
    }
  }

  private Request timed(String what, String mark, Supplier<Response> call) {
    long start = System.nanoTime();
    Response response = call.get();
    Request request = new Request(what, start, System.nanoTime(), response, mark);
    requests.add(request);
    return request;
  }

  /** A failure comes back at once during the outage: a short pause keeps the loop from spinning. */
  private static void pauseIfFailed(Request request) {
    if (request.status() >= 400) {
      try {
        Thread.sleep(PAUSE_AFTER_FAILURE_MS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
