package ru.metodichka.bench;

import com.sun.management.OperatingSystemMXBean;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import ru.metodichka.search.SearchEngine;
import ru.metodichka.search.SearchQuery;
import ru.metodichka.search.SearchScope;
import ru.metodichka.search.index.IndexWrites;
import ru.metodichka.search.index.SearchDocument;
import ru.metodichka.search.index.SearchIndex;

/**
 * Indexing and search speed of the search package, on the shared corpus and optionally on a larger
 * generated set. Run by {@code bench/search.sh}; prints a Markdown table and writes {@code
 * target/bench/search.json}. A program, not a test: timings depend on the machine.
 *
 * <p>Arguments: {@code --pages=N} also measures a set of N pages (the corpus plus generated ones),
 * {@code --rounds=R} measured rounds over the query set (default 100), {@code --warmup=W} (default
 * 30), {@code --corpus=DIR} (default: property {@code metodichka.corpus}, else {@code
 * ../shared/corpus}), {@code --out=FILE}.
 */
public final class SearchBenchmark {
  private static final int BATCH = 1000;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final OperatingSystemMXBean OS =
      (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private record BenchQuery(String label, SearchQuery query, SearchScope access) {}

  /** Figures of one page set. */
  private record Figures(
      String set,
      int pages,
      double pagesPerSecond,
      double pagesPerSecondWithoutText,
      double pagesPerCpuSecond,
      long indexBytes,
      Latencies search,
      Latencies searchCpu,
      Latencies suggest,
      Latencies similar,
      Map<String, Latencies> perQuery) {}

  private final BenchCorpus corpus;
  private final int rounds;
  private final int warmup;

  private SearchBenchmark(BenchCorpus corpus, int rounds, int warmup) {
    this.corpus = corpus;
    this.rounds = rounds;
    this.warmup = warmup;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    Path corpusDir =
        Path.of(
            options.getOrDefault(
                "corpus", System.getProperty("metodichka.corpus", "../shared/corpus")));
    Path jsonl = corpusDir.resolve("ru-articles.jsonl");
    if (!Files.isRegularFile(jsonl)) {
      System.err.println("No corpus at " + jsonl.toAbsolutePath() + "; pass --corpus=DIR");
      System.exit(2);
    }
    BenchCorpus corpus = BenchCorpus.load(jsonl);
    SearchBenchmark bench =
        new SearchBenchmark(
            corpus,
            Integer.parseInt(options.getOrDefault("rounds", "100")),
            Integer.parseInt(options.getOrDefault("warmup", "30")));
    List<Figures> results = new ArrayList<>();
    // The first pass warms the JIT up (5,000 pages keep it busy for a few seconds); its figures
    // are thrown away.
    bench.measure("warm-up", 5_000, 5);
    results.add(bench.measure("corpus", corpus.corpus().size(), bench.rounds));
    int pages = Integer.parseInt(options.getOrDefault("pages", "0"));
    if (pages > corpus.corpus().size()) {
      results.add(bench.measure(pages / 1000 + "k", pages, bench.rounds));
    }
    System.out.println(table(results));
    Path out = Path.of(options.getOrDefault("out", "target/bench/search.json"));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, json(results).encodePrettily());
    System.out.println("Figures written to " + out);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("Expected --name=value, got " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    return options;
  }

  private Figures measure(String set, int pages, int measuredRounds) throws IOException {
    Path dir = Files.createTempDirectory("search-bench-");
    try {
      // A rebuild as the indexer does it: Markdown → text → index, in batches.
      double withText;
      long indexCpu;
      try (SearchIndex index = SearchIndex.open(dir.resolve("with-text"))) {
        long cpuStart = OS.getProcessCpuTime();
        withText = pages / (indexWithText(index, pages) / 1e9);
        indexCpu = OS.getProcessCpuTime() - cpuStart;
      }
      delete(dir.resolve("with-text"));
      try (SearchIndex index = SearchIndex.open(dir.resolve("index"))) {
        double withoutText = pages / (indexTexts(index, pages) / 1e9);
        long bytes = size(dir);
        System.gc();
        System.err.printf(
            "%s: %d pages indexed, %.0f pages/s (%.0f without Markdown→text), %.1f MB; searching%n",
            set, pages, withText, withoutText, bytes / 1e6);
        SearchEngine service = new SearchEngine(index);
        Map<String, List<Long>> perQuery = new LinkedHashMap<>();
        List<Long> cpu = new ArrayList<>();
        List<Long> suggest = new ArrayList<>();
        List<Long> similar = new ArrayList<>();
        run(
            service,
            Math.min(warmup, measuredRounds),
            new LinkedHashMap<>(),
            cpu,
            suggest,
            similar);
        cpu.clear();
        suggest.clear();
        similar.clear();
        run(service, measuredRounds, perQuery, cpu, suggest, similar);
        Map<String, Latencies> byQuery = new LinkedHashMap<>();
        perQuery.forEach((label, samples) -> byQuery.put(label, Latencies.of(samples)));
        return new Figures(
            set,
            pages,
            withText,
            withoutText,
            pages / (indexCpu / 1e9),
            bytes,
            Latencies.of(perQuery.values().stream().flatMap(List::stream).toList()),
            Latencies.of(cpu),
            Latencies.of(suggest),
            Latencies.of(similar),
            byQuery);
      }
    } finally {
      delete(dir);
    }
  }

  /** Nanoseconds to convert and index every page and commit; generating pages is not timed. */
  private long indexWithText(SearchIndex index, int pages) throws IOException {
    long nanos = 0;
    for (int from = 0; from < pages; from += BATCH) {
      int first = from;
      List<BenchCorpus.Source> sources = sources(from, Math.min(pages, from + BATCH));
      List<Integer> numbers = new ArrayList<>(sources.size());
      for (int i = 0; i < sources.size(); i++) {
        numbers.add(first + i);
      }
      long start = System.nanoTime();
      IndexWrites.upsertAll(index, numbers, n -> BenchCorpus.document(n, sources.get(n - first)));
      nanos += System.nanoTime() - start;
    }
    long start = System.nanoTime();
    index.commit("bench");
    return nanos + System.nanoTime() - start;
  }

  /** Nanoseconds to index pages whose text is ready, and commit. */
  private long indexTexts(SearchIndex index, int pages) throws IOException {
    long nanos = 0;
    for (int from = 0; from < pages; from += BATCH) {
      List<BenchCorpus.Source> sources = sources(from, Math.min(pages, from + BATCH));
      List<SearchDocument> documents = new ArrayList<>(sources.size());
      for (int i = 0; i < sources.size(); i++) {
        documents.add(BenchCorpus.document(from + i, sources.get(i)));
      }
      long start = System.nanoTime();
      IndexWrites.upsertAll(index, documents);
      nanos += System.nanoTime() - start;
    }
    long start = System.nanoTime();
    index.commit("bench");
    return nanos + System.nanoTime() - start;
  }

  private List<BenchCorpus.Source> sources(int from, int to) {
    List<BenchCorpus.Source> sources = new ArrayList<>(to - from);
    for (int n = from; n < to; n++) {
      sources.add(corpus.source(n));
    }
    return sources;
  }

  private void run(
      SearchEngine service,
      int rounds,
      Map<String, List<Long>> perQuery,
      List<Long> cpu,
      List<Long> suggest,
      List<Long> similar)
      throws IOException {
    List<BenchQuery> queries = queries();
    List<String> prefixes =
        List.of(
            "перем", "функ", "обработ", "масс", "про", "строг", "цикл", "объект", "дата и", "asy");
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < corpus.corpus().size(); i += corpus.corpus().size() / 10) {
      keys.add(corpus.corpus().get(i).id());
    }
    for (int round = 0; round < rounds; round++) {
      for (BenchQuery q : queries) {
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        service.search(q.query(), q.access());
        perQuery.computeIfAbsent(q.label(), k -> new ArrayList<>()).add(System.nanoTime() - start);
        cpu.add(THREADS.getCurrentThreadCpuTime() - cpuStart);
      }
      String prefix = prefixes.get(round % prefixes.size());
      long start = System.nanoTime();
      service.suggestTitles(prefix, SearchScope.anonymous(), 10);
      suggest.add(System.nanoTime() - start);
      String key = keys.get(round % keys.size());
      start = System.nanoTime();
      service.similar(key, SearchScope.anonymous(), 5);
      similar.add(System.nanoTime() - start);
    }
  }

  /**
   * Twenty searches as people type them: word forms, ё, typos, layouts, phrases, filters, sorts.
   */
  private static List<BenchQuery> queries() {
    SearchScope anonymous = SearchScope.anonymous();
    SearchScope member = SearchScope.member(Set.of(1L, 2L));
    return List.of(
        q("функции", null, null, SearchQuery.Sort.RELEVANCE, anonymous),
        q("переменных", null, null, SearchQuery.Sort.RELEVANCE, anonymous),
        q("замыканием", null, null, SearchQuery.Sort.RELEVANCE, member),
        q("ещё раз", null, null, SearchQuery.Sort.RELEVANCE, anonymous),
        q("счётчик", null, null, SearchQuery.Sort.RELEVANCE, anonymous),
        q("пременные", null, null, SearchQuery.Sort.RELEVANCE, anonymous),
        q("фукнция", null, null, SearchQuery.Sort.RELEVANCE, anonymous),
        q("ghjnjnbg", null, null, SearchQuery.Sort.RELEVANCE, anonymous),
        q("gthtvtyyst", null, null, SearchQuery.Sort.RELEVANCE, member),
        q("\"строгий режим\"", null, null, SearchQuery.Sort.RELEVANCE, anonymous),
        q("\"стрелочные функции\"", null, null, SearchQuery.Sort.RELEVANCE, member),
        q("обработчик событий", null, null, SearchQuery.Sort.RELEVANCE, anonymous),
        q("promise async await", null, null, SearchQuery.Sort.RELEVANCE, anonymous),
        q("массив методы", "article", null, SearchQuery.Sort.RELEVANCE, anonymous),
        q("цикл", null, "информатика", SearchQuery.Sort.RELEVANCE, anonymous),
        q("функции", null, null, SearchQuery.Sort.NEWEST, anonymous),
        q("объект", null, null, SearchQuery.Sort.VIEWS, member),
        q("прототипное наследование", null, null, SearchQuery.Sort.RELEVANCE, member),
        q("", "practice", null, SearchQuery.Sort.NEWEST, anonymous),
        q("регулярные выражения", null, null, SearchQuery.Sort.RELEVANCE, anonymous));
  }

  private static BenchQuery q(
      String text, String kind, String subject, SearchQuery.Sort sort, SearchScope access) {
    String label =
        (text.isEmpty() ? "(all)" : text)
            + (kind != null ? " kind=" + kind : "")
            + (subject != null ? " subject=" + subject : "")
            + (sort != SearchQuery.Sort.RELEVANCE ? " sort=" + sort.name().toLowerCase() : "")
            + (access instanceof SearchScope.Member ? " (member)" : "");
    return new BenchQuery(
        label, new SearchQuery(text, kind, null, subject, null, sort, 1, 10), access);
  }

  private static String table(List<Figures> results) {
    StringBuilder out = new StringBuilder();
    out.append(
        "\n| set | pages | index pages/s | index pages/s without Markdown→text | index size"
            + " | search p50 | p95 | p99 | max | suggestTitles p50 | p95 | similar p50 | p95 |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Figures f : results) {
      out.append(
          String.format(
              "| %s | %d | %.0f | %.0f | %.1f MB | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms"
                  + " | %.2f ms | %.2f ms | %.2f ms |%n",
              f.set(),
              f.pages(),
              f.pagesPerSecond(),
              f.pagesPerSecondWithoutText(),
              f.indexBytes() / 1e6,
              f.search().p50(),
              f.search().p95(),
              f.search().p99(),
              f.search().max(),
              f.suggest().p50(),
              f.suggest().p95(),
              f.similar().p50(),
              f.similar().p95()));
    }
    out.append(
        "\nCPU time, which other load on the machine hardly changes (load average "
            + String.format("%.1f", OS.getSystemLoadAverage())
            + " on "
            + Runtime.getRuntime().availableProcessors()
            + " CPUs now):\n\n");
    out.append(
        "| set | index pages per CPU-second (all threads, with Markdown→text) | search CPU p50 | p95 | p99 |\n");
    out.append("|---|---:|---:|---:|---:|\n");
    for (Figures f : results) {
      out.append(
          String.format(
              "| %s | %.0f | %.2f ms | %.2f ms | %.2f ms |%n",
              f.set(),
              f.pagesPerCpuSecond(),
              f.searchCpu().p50(),
              f.searchCpu().p95(),
              f.searchCpu().p99()));
    }
    for (Figures f : results) {
      out.append("\nSearch by query, ").append(f.set()).append(" (ms):\n\n");
      out.append("| query | p50 | p95 | max |\n|---|---:|---:|---:|\n");
      f.perQuery().entrySet().stream()
          .sorted(Comparator.comparingDouble(e -> -e.getValue().p95()))
          .forEach(
              e ->
                  out.append(
                      String.format(
                          "| %s | %.2f | %.2f | %.2f |%n",
                          e.getKey(), e.getValue().p50(), e.getValue().p95(), e.getValue().max())));
    }
    return out.toString();
  }

  private static JsonObject json(List<Figures> results) {
    JsonArray sets = new JsonArray();
    for (Figures f : results) {
      JsonObject perQuery = new JsonObject();
      f.perQuery().forEach((label, l) -> perQuery.put(label, l.toJson()));
      sets.add(
          new JsonObject()
              .put("set", f.set())
              .put("pages", f.pages())
              .put("indexPagesPerSecond", Math.round(f.pagesPerSecond()))
              .put("indexPagesPerSecondWithoutMarkdown", Math.round(f.pagesPerSecondWithoutText()))
              .put("indexPagesPerCpuSecond", Math.round(f.pagesPerCpuSecond()))
              .put("indexBytes", f.indexBytes())
              .put("searchMs", f.search().toJson())
              .put("searchCpuMs", f.searchCpu().toJson())
              .put("suggestTitlesMs", f.suggest().toJson())
              .put("similarMs", f.similar().toJson())
              .put("searchByQueryMs", perQuery));
    }
    return new JsonObject()
        .put("java", System.getProperty("java.version"))
        .put("cpus", Runtime.getRuntime().availableProcessors())
        .put("loadAverage", OS.getSystemLoadAverage())
        .put("sets", sets);
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  /** Percentiles of one kind of call, in milliseconds. */
  record Latencies(int count, double p50, double p95, double p99, double max) {
    static Latencies of(List<Long> nanos) {
      long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
      if (sorted.length == 0) {
        return new Latencies(0, 0, 0, 0, 0);
      }
      return new Latencies(
          sorted.length,
          at(sorted, 0.50),
          at(sorted, 0.95),
          at(sorted, 0.99),
          sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double quantile) {
      int rank = (int) Math.ceil(quantile * sorted.length) - 1;
      return sorted[Math.clamp(rank, 0, sorted.length - 1)] / 1e6;
    }

    JsonObject toJson() {
      return new JsonObject()
          .put("count", count)
          .put("p50", round(p50))
          .put("p95", round(p95))
          .put("p99", round(p99))
          .put("max", round(max));
    }

    private static double round(double ms) {
      return Math.round(ms * 1000) / 1000.0;
    }
  }
}
