package ru.metodichka.fault;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import ru.metodichka.Api;

/**
 * A writer of {@link KillDuringWritesIT}: creates pages of its own and adds revisions to them, each
 * revision a new paragraph with a unique token ({@code w3p12r4}: writer, page, revision), until a
 * request fails, as every request does once the server is killed. Only what the server acknowledged
 * is kept.
 */
final class PageWriter implements Runnable {
  private final int number;
  private final Api api;
  private final String community;
  private final String token;
  private final List<Acknowledged> acknowledged = new ArrayList<>();
  private volatile int count;
  private volatile Throwable stoppedBy;

  PageWriter(int number, Api api, String community, String token) {
    this.number = number;
    this.api = api;
    this.community = community;
    this.token = token;
  }

  /** A save the server answered with 2xx: revision {@code revision} of the page has this text. */
  record Acknowledged(String slug, int revision, String markdown, String token) {}

  @Override
  public void run() {
    try {
      for (int page = 1; ; page++) {
        writePage("w%d-%d".formatted(number, page), page);
      }
    } catch (Throwable e) {
      stoppedBy = e;
    }
  }

  /** Creates the page, then adds up to six more revisions. */
  private void writePage(String slug, int page) {
    int revisions = ThreadLocalRandom.current().nextInt(1, 8);
    String text = "# Страница " + slug + "\n";
    for (int revision = 1; revision <= revisions; revision++) {
      String mark = "w%dp%dr%d".formatted(number, page, revision);
      text = text + "\nЗапись " + mark + ": план занятия, цели, этапы.\n";
      var response =
          api.put(
              Api.page(community, slug),
              token,
              new JsonObject()
                  .put("title", "Страница " + slug)
                  .put("markdown", text)
                  .put("baseRevision", revision - 1));
      if (response.status() != (revision == 1 ? 201 : 200)) {
        throw new AssertionError("Unexpected answer to a save: " + response);
      }
      acknowledged.add(new Acknowledged(slug, response.json().getInteger("revision"), text, mark));
      count++;
    }
  }

  /** How many saves were acknowledged so far (readable while the writer runs). */
  int count() {
    return count;
  }

  /** What the server acknowledged; read once the writer has stopped. */
  List<Acknowledged> acknowledged() {
    return acknowledged;
  }

  /** Why the writer stopped: the lost connection to the killed server, or a wrong answer. */
  Throwable stoppedBy() {
    return stoppedBy;
  }
}
