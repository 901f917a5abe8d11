package ru.metodichka.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ru.metodichka.Api;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * The evaluation benchmark (bench/evaluation.sh): a server on a fresh database filled by {@code
 * bench/evaluation-fill.sql} (200 communities; one with 100,000 pages and 1,000,000 ledger rows),
 * then over HTTP as the administrator: the large community's evaluation for an academic year, and
 * the overview of all 200 communities. Prints the fill time and the latencies (median, 95th
 * percentile, slowest) as a Markdown table. Arguments: {@code --rounds=N} (default 30).
 */
public final class EvaluationBenchmark {
  private EvaluationBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = 30;
    for (String arg : args) {
      if (arg.startsWith("--rounds=")) {
        rounds = Integer.parseInt(arg.substring("--rounds=".length()));
      }
    }
    try (TestApp app = TestApp.start(Map.of())) {
      String admin = new Fixtures(app).adminToken();
      long started = System.nanoTime();
      try (Connection db = app.jdbc();
          Statement fill = db.createStatement()) {
        fill.execute(Files.readString(Path.of("bench/evaluation-fill.sql")));
        // What autovacuum does soon after such a load: the visibility map lets counts be read from
        // the indexes alone. Outside the fill's implicit transaction, where VACUUM cannot run.
        fill.execute("VACUUM ANALYZE");
      }
      double fillSeconds = (System.nanoTime() - started) / 1e9;
      Api api = app.api();
      String year = "?from=2025-09-01&to=2026-09-01";
      List<Double> one =
          measure(api, "/api/communities/bench-c1/evaluation" + year, admin, 5, rounds);
      List<Double> all = measure(api, "/api/evaluation" + year, admin, 2, Math.max(5, rounds / 3));
      System.out.printf(Locale.ROOT, "%nfilled in %.1f s%n%n", fillSeconds);
      System.out.println("| what | runs | median, ms | p95, ms | slowest, ms | target |");
      System.out.println("|---|---:|---:|---:|---:|---|");
      row("one community's year (100k pages, 1M ledger rows)", one, "≤ 200 ms");
      row("overview of 200 communities, a year", all, "≤ 1 s");
    }
  }

  private static List<Double> measure(Api api, String path, String token, int warmup, int runs) {
    for (int i = 0; i < warmup; i++) {
      check(api.get(path, token), path);
    }
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      long t = System.nanoTime();
      check(api.get(path, token), path);
      times.add((System.nanoTime() - t) / 1e6);
    }
    Collections.sort(times);
    return times;
  }

  private static void check(Api.Response answer, String path) {
    if (answer.status() != 200) {
      throw new IllegalStateException(path + " answered " + answer);
    }
  }

  private static void row(String what, List<Double> times, String target) {
    double median = times.get(times.size() / 2);
    double p95 = times.get(Math.min(times.size() - 1, (int) Math.ceil(times.size() * 0.95) - 1));
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %.1f | %.1f | %.1f | %s |%n",
        what,
        times.size(),
        median,
        p95,
        times.getLast(),
        target);
  }
}
