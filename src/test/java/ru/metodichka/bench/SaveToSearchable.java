package ru.metodichka.bench;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * Time from a save to the moment a search finds the page, through the real server: a save goes to
 * PostgreSQL, its trigger notifies the indexer, the indexer applies it. Each round saves a page
 * with a word no other page has and asks {@code /api/search} for the word every few milliseconds.
 */
public final class SaveToSearchable {
  private SaveToSearchable() {}

  /** Milliseconds from sending each save to the first search that finds it, sorted. */
  public static double[] measure(int saves) throws Exception {
    try (TestApp app = TestApp.start(Map.of())) {
      Fixtures fx = new Fixtures(app);
      Fixtures.Team team = fx.team();
      String token = team.member().token();
      List<Double> latencies = new ArrayList<>();
      for (int i = 0; i < saves; i++) {
        String word = letters(i) + "зюзябрик";
        long start = System.nanoTime();
        fx.save(team.community(), "страница-" + i, token, "Замер " + i, "Слово " + word + ".", 0);
        String query =
            "/api/search?q="
                + URLEncoder.encode(word, StandardCharsets.UTF_8)
                + "&community="
                + team.community();
        String slug = "страница-" + i;
        while (!finds(app.api().get(query, token).json(), slug)) {
          if (System.nanoTime() - start > 10_000_000_000L) {
            throw new IllegalStateException("Not searchable after 10 s: " + word);
          }
          Thread.sleep(2);
        }
        latencies.add((System.nanoTime() - start) / 1e6);
      }
      double[] sorted = latencies.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(sorted);
      return sorted;
    }
  }

  private static boolean finds(JsonObject result, String slug) {
    return result.getJsonArray("items").stream()
        .anyMatch(item -> slug.equals(((JsonObject) item).getString("slug")));
  }

  /** A distinct Cyrillic prefix per round: stemmers cut endings, never beginnings. */
  private static String letters(int n) {
    String alphabet = "абвгдежзиклмнопрстуфхцчшщэюя";
    StringBuilder word = new StringBuilder();
    do {
      word.append(alphabet.charAt(n % alphabet.length()));
      n /= alphabet.length();
    } while (n > 0);
    return word.toString();
  }

  public static void main(String[] args) throws Exception {
    int saves = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    double[] ms = measure(saves);
    System.out.printf(
        "| save → searchable (%d saves) | p50 %.0f ms | p95 %.0f ms | max %.0f ms |%n",
        saves, ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], ms[ms.length - 1]);
  }
}
