package ru.metodichka.bench;

import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import ru.metodichka.Api;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.attachment.Documents;
import ru.metodichka.attachment.TextExtractor;
import ru.metodichka.attachment.Uploads;

/**
 * The attachments benchmark (bench/attachments.sh), on a server of its own on a fresh database:
 *
 * <ol>
 *   <li>uploads of a 20 MB file (random bytes, each different), one at a time: latency;
 *   <li>text extraction of documents made from the shared Russian corpus ({@link CorpusDocuments}:
 *       .docx, .pdf, .odt, .pptx, .xlsx, .txt, .rtf of each article chosen): the server runs with
 *       no extraction workers while they are uploaded, then a {@link TextExtractor} with the
 *       configured workers works the queue as the server would, and the files per second are
 *       counted from its first file done to its last (its child's start is shown apart);
 *   <li>the latency of a cheap request ({@code /health}) and of a page read while hostile files (a
 *       zip bomb, an entity bomb, an external entity, a 10,000-page PDF, a PDF with JavaScript) are
 *       extracted, against the same requests with nothing to extract.
 * </ol>
 *
 * Prints a Markdown table with the targets. Arguments: {@code --articles=N} (default 100, seven
 * documents each), {@code --uploads=N} (20), {@code --workers=N} (1, the default of {@code
 * attachments.extract-workers}), {@code --memory-mb=N} (256).
 */
public final class AttachmentsBenchmark {
  private static final int UPLOAD_BYTES = 20 << 20;
  private static final Duration EXTRACT_LIMIT = Duration.ofSeconds(60);
  private static final int TEXT_MAX_CHARS = 1_000_000;
  private static final long PACE_MS = 50;

  private AttachmentsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int articles = option(args, "articles", 100);
    int uploads = option(args, "uploads", 20);
    int workers = option(args, "workers", 1);
    int memoryMb = option(args, "memory-mb", 256);
    try (TestApp app = TestApp.start(Map.of("attachments-extract-workers", "0"))) {
      Fixtures fx = new Fixtures(app);
      Fixtures.Team team = fx.team();
      Run run = new Run(app, fx, team);
      List<Double> uploaded = run.uploads(uploads);
      int documents = run.corpusDocuments(articles);
      try (TextExtractor extractor =
          TextExtractor.start(
              app.app().parts().pool(), memoryMb, EXTRACT_LIMIT, TEXT_MAX_CHARS, workers)) {
        Extraction extraction = run.extraction();
        Latency idle = run.latency(null);
        Latency hostile = run.latency(run.hostileFiles());
        report(uploaded, documents, workers, extraction, idle, hostile);
      }
    }
  }

  /** How the corpus documents' extraction went: times in seconds since the extractor started. */
  record Extraction(double first, double last, int files, Map<String, Integer> outcomes) {
    /** From the first file done to the last: the child's start is not counted. */
    double filesPerSecond() {
      return (files - 1) / (last - first);
    }
  }

  /** Latencies (ms) of {@code /health} and of a page read, and how long they were measured. */
  record Latency(List<Double> health, List<Double> page, double seconds, String outcomes) {}

  /** The benchmark's steps against one server. */
  private static final class Run {
    private final TestApp app;
    private final Api api;
    private final Fixtures fx;
    private final Fixtures.Team team;
    private final String token;

    Run(TestApp app, Fixtures fx, Fixtures.Team team) {
      this.app = app;
      this.api = app.api();
      this.fx = fx;
      this.team = team;
      this.token = team.member().token();
      fx.save(team.community(), "файлы", token, "Файлы", "Страница замера загрузок.\n", 0);
    }

    List<Double> uploads(int count) {
      Random random = new Random(42);
      byte[] content = new byte[UPLOAD_BYTES];
      List<Double> times = new ArrayList<>();
      for (int i = 0; i < count + 2; i++) {
        random.nextBytes(content);
        long start = System.nanoTime();
        upload("файлы", "большой-" + i + ".bin", content);
        if (i >= 2) { // the first two warm the server up
          times.add((System.nanoTime() - start) / 1e6);
        }
      }
      Collections.sort(times);
      return times;
    }

    /** Uploads the documents made of {@code articles} corpus articles; their number. */
    int corpusDocuments(int articles) throws Exception {
      BenchCorpus corpus = BenchCorpus.load(Path.of("..", "shared", "corpus", "ru-articles.jsonl"));
      List<BenchCorpus.Source> sources = corpus.corpus();
      int files = 0;
      long start = System.nanoTime();
      for (int a = 0; a < articles; a++) {
        BenchCorpus.Source source = sources.get(a * sources.size() / articles);
        String slug = "статья-" + a;
        fx.save(team.community(), slug, token, source.title(), source.markdown(), 0);
        for (String format : CorpusDocuments.FORMATS) {
          byte[] document = CorpusDocuments.of(format, source.title(), source.markdown());
          upload(slug, "материал." + format, document);
          files++;
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%d documents of %d articles made and uploaded in %.1f s%n",
          files,
          articles,
          (System.nanoTime() - start) / 1e9);
      return files;
    }

    /**
     * Waits for every queued text to end (one per distinct content: a document whose bytes look
     * like another type, e.g. a .txt of code sniffed as a script, is not queued); the first and
     * last ends, and the outcomes by type.
     */
    Extraction extraction() throws SQLException {
      long start = System.nanoTime();
      double first = -1;
      while (true) {
        Map<String, Integer> statuses = statuses();
        int waiting = statuses.getOrDefault("pending", 0) + statuses.getOrDefault("running", 0);
        int ended = statuses.values().stream().mapToInt(Integer::intValue).sum() - waiting;
        double now = (System.nanoTime() - start) / 1e9;
        if (first < 0 && ended > 0) {
          first = now;
        }
        if (waiting == 0) {
          return new Extraction(first, now, ended, outcomes());
        }
        if (now > 3600) {
          throw new IllegalStateException("extraction did not end in an hour: " + statuses);
        }
        pause(20);
      }
    }

    /** Uploads the hostile documents (contents of their own); their names. */
    List<String> hostileFiles() {
      String word = Fixtures.unique("h");
      fx.save(team.community(), "опасное", token, "Опасное", "Проверка.\n", 0);
      Map<String, byte[]> files = new TreeMap<>();
      files.put("бомба.docx", Documents.zipBombDocx(300 + new Random().nextInt(50)));
      files.put("смех.docx", Documents.docxWithXml(Documents.entityBomb(word)));
      files.put("xxe.docx", Documents.docxWithXml(Documents.externalEntity(word)));
      files.put("огромный.pdf", Documents.pdf(10_000, "Page of a long document " + word, null));
      files.put("скрипт.pdf", Documents.pdf(1, "Words " + word, "app.alert('x');"));
      files.forEach((name, content) -> upload("опасное", name, content));
      return List.copyOf(files.keySet());
    }

    /**
     * Requests {@code /health} and a page, one after the other every {@value #PACE_MS} ms: for 10 s
     * when {@code hostile} is null, else until every hostile file's extraction has ended.
     */
    Latency latency(List<String> hostile) throws SQLException {
      String page = "/c/" + enc(team.community()) + "/" + enc("статья-0");
      List<Double> health = new ArrayList<>();
      List<Double> pages = new ArrayList<>();
      long start = System.nanoTime();
      String outcomes = "";
      while (true) {
        health.add(timed("/health", null));
        pages.add(timed(page, token));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (hostile == null ? seconds >= 10 : (outcomes = hostileOutcomes(hostile)) != null) {
          Collections.sort(health);
          Collections.sort(pages);
          return new Latency(health, pages, seconds, outcomes);
        }
        pause(PACE_MS);
      }
    }

    /** The hostile files' statuses once all have ended, else null. */
    private String hostileOutcomes(List<String> names) {
      var list = api.get(Uploads.list(team.community(), "опасное"), token);
      StringBuilder outcomes = new StringBuilder();
      for (Object item : list.items()) {
        JsonObject file = (JsonObject) item;
        String status = file.getString("text");
        if (names.contains(file.getString("name"))) {
          if ("pending".equals(status) || "running".equals(status)) {
            return null;
          }
          outcomes.append(outcomes.isEmpty() ? "" : ", ");
          outcomes.append(file.getString("name")).append(" ").append(status);
        }
      }
      return outcomes.toString();
    }

    private double timed(String path, String token) {
      long start = System.nanoTime();
      var answer = api.get(path, token);
      if (answer.status() != 200) {
        throw new IllegalStateException(path + " answered " + answer.status());
      }
      return (System.nanoTime() - start) / 1e6;
    }

    private void upload(String slug, String name, byte[] content) {
      var up = Uploads.upload(api, token, team.community(), slug, name, content);
      if (up.status() != 201) {
        throw new IllegalStateException("upload of " + name + ": " + up);
      }
    }

    private Map<String, Integer> statuses() throws SQLException {
      return counts("SELECT status, count(*) FROM attachment_texts GROUP BY status");
    }

    private Map<String, Integer> outcomes() throws SQLException {
      return counts(
          """
          SELECT b.media_type || ' ' || t.status, count(*) FROM attachment_texts t
            JOIN attachment_blobs b ON b.sha256 = t.sha256 GROUP BY 1
          """);
    }

    private Map<String, Integer> counts(String sql) throws SQLException {
      Map<String, Integer> counts = new TreeMap<>();
      try (Connection db = app.jdbc();
          Statement statement = db.createStatement();
          ResultSet rows = statement.executeQuery(sql)) {
        while (rows.next()) {
          counts.put(rows.getString(1), rows.getInt(2));
        }
      }
      return counts;
    }
  }

  private static void report(
      List<Double> uploads,
      int documents,
      int workers,
      Extraction extraction,
      Latency idle,
      Latency hostile) {
    System.out.println();
    System.out.println("Extraction outcomes by sniffed type:");
    extraction.outcomes().forEach((k, v) -> System.out.printf("  %s: %d%n", k, v));
    System.out.println("Hostile files: " + hostile.outcomes());
    System.out.println();
    System.out.println("| what | runs | median | p95 | slowest | target | |");
    System.out.println("|---|---:|---:|---:|---:|---|---|");
    double uploadP95 = p95(uploads);
    row(
        "upload of a 20 MB file, ms",
        uploads.size(),
        median(uploads),
        uploadP95,
        uploads.getLast(),
        "p95 ≤ 1,000 ms",
        uploadP95 <= 1000);
    double rate = extraction.filesPerSecond();
    System.out.printf(
        Locale.ROOT,
        "| text extraction, %d corpus documents (%s; %d distinct texts), %d worker(s), files/s |"
            + " %d | **%.1f** | | | ≥ 20 files/s | %s |%n",
        documents,
        String.join(", ", CorpusDocuments.FORMATS),
        extraction.files(),
        workers,
        extraction.files(),
        rate,
        rate >= 20 ? "met" : "**missed**");
    System.out.printf(
        Locale.ROOT,
        "| … from the extractor's start to its first file done (the child's start), s | 1 | %.1f"
            + " | | | | |%n",
        extraction.first());
    latencyRow("/health", idle.health(), hostile.health(), hostile.seconds());
    latencyRow("page read", idle.page(), hostile.page(), hostile.seconds());
  }

  private static void latencyRow(String what, List<Double> idle, List<Double> busy, double s) {
    double bound = Math.max(2 * p95(idle), p95(idle) + 50);
    System.out.printf(
        Locale.ROOT,
        "| %s while hostile files are extracted (%.0f s), ms (idle: median %.1f, p95 %.1f) | %d |"
            + " %.1f | %.1f | %.1f | p95 ≤ max(2 × idle p95, idle p95 + 50 ms) = %.0f ms | %s |%n",
        what,
        s,
        median(idle),
        p95(idle),
        busy.size(),
        median(busy),
        p95(busy),
        busy.getLast(),
        bound,
        p95(busy) <= bound ? "met" : "**missed**");
  }

  private static void row(
      String what,
      int runs,
      double median,
      double p95,
      double slowest,
      String target,
      boolean met) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %.1f | %.1f | %.1f | %s | %s |%n",
        what,
        runs,
        median,
        p95,
        slowest,
        target,
        met ? "met" : "**missed**");
  }

  static double median(List<Double> sorted) {
    return sorted.get(sorted.size() / 2);
  }

  static double p95(List<Double> sorted) {
    return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.95) - 1));
  }

  private static int option(String[] args, String name, int fallback) {
    for (String arg : args) {
      if (arg.startsWith("--" + name + "=")) {
        return Integer.parseInt(arg.substring(name.length() + 3));
      }
    }
    return fallback;
  }

  /** A benchmark's pacing, not a wait for background work. */
  private static void pause(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
