package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import ru.metodichka.Api;
import ru.metodichka.Eventually;
import ru.metodichka.Fixtures;
import ru.metodichka.OwnServerTest;
import ru.metodichka.TwoNodes;

/**
 * Two servers on one database sort by the same view counts, whichever server counted the views:
 * each server's index reads every server's counts from the database (V5__view_changes.sql).
 */
@OwnServerTest
class SearchNodesIT {
  /** Far beyond the second the counts take to arrive (measured: a few hundred milliseconds). */
  private static final Duration LIMIT = Duration.ofSeconds(5);

  private static TwoNodes nodes;
  private static Fixtures fx;

  @BeforeAll
  static void start() throws Exception {
    nodes = TwoNodes.start();
    fx = new Fixtures(nodes.firstApi());
  }

  @AfterAll
  static void stop() throws Exception {
    nodes.close();
  }

  @Test
  void searchByViewsAndAutocompleteOrderPagesAlikeOnEveryServer() throws Exception {
    var team = fx.team();
    String word = uniqueWord();
    publish(team, "первая", word + " первая");
    publish(team, "вторая", word + " вторая");
    String byViews = "/api/search?sort=views&community=" + SearchIT.encode(team.community());
    String suggest = "/api/search/suggest?q=" + SearchIT.encode(word);
    awaitOrder(
        nodes.secondApi(), byViews, List.of("вторая", "первая"), List.of("первая", "вторая"));

    // Three views through the first server, one through the second.
    for (int i = 0; i < 3; i++) {
      assertThat(nodes.firstApi().get(page(team, "вторая"), null).status()).isEqualTo(200);
    }
    assertThat(nodes.secondApi().get(page(team, "первая"), null).status()).isEqualTo(200);
    nodes.first().app().parts().views().flush().await();
    nodes.second().parts().views().flush().await();
    long start = System.nanoTime();

    List<String> expected = List.of("вторая", "первая");
    for (Api api : List.of(nodes.firstApi(), nodes.secondApi())) {
      awaitOrder(api, byViews, expected);
      awaitOrder(api, suggest, expected);
    }
    System.out.printf(
        "Two servers: view counts ordered alike on both within %d ms of the flush%n",
        Duration.ofNanos(System.nanoTime() - start).toMillis());
  }

  /** A Cyrillic word no other test uses, so that autocomplete finds only this test's pages. */
  private static String uniqueWord() {
    StringBuilder word = new StringBuilder("чтение");
    for (char digit : Long.toHexString(System.nanoTime() & 0xffffff).toCharArray()) {
      word.append("абвгдежзиклмнопр".charAt(Character.digit(digit, 16)));
    }
    return word.toString();
  }

  private static void publish(Fixtures.Team team, String slug, String title) {
    fx.save(team.community(), slug, team.member().token(), title, "Текст о чтении.", 0);
    var published =
        fx.api().post(Api.page(team.community(), slug, "publish"), team.moderator().token(), null);
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
  }

  /** Waits until the answer lists these slugs in one of these orders. */
  @SafeVarargs
  private static void awaitOrder(Api api, String uri, List<String>... orders)
      throws InterruptedException {
    Eventually.until(
        uri + " to answer in one of " + List.of(orders),
        LIMIT,
        () -> slugs(api, uri),
        slugs -> List.of(orders).contains(slugs));
  }

  private static List<String> slugs(Api api, String uri) {
    var items = api.get(uri, null).json().getJsonArray("items");
    return items.stream().map(item -> ((JsonObject) item).getString("slug")).toList();
  }

  private static String page(Fixtures.Team team, String slug) {
    return Api.path("c", team.community(), slug);
  }
}
