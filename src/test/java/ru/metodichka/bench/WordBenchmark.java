package ru.metodichka.bench;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.pdfbox.Loader;
import ru.metodichka.Api;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.wordio.WordDocs;

/**
 * The Word benchmark (bench/word.sh), on a server of its own on a fresh database, over HTTP as a
 * member of a community: a Word document of about 30 printed pages (headings, paragraphs, numbered
 * and nested lists; {@link WordDocs#long_}) imported ({@code POST …/import}), saved as a page, and
 * that page exported to PDF and to .docx. The first of each after the server's start is shown apart
 * (a cold JVM loads the converters' classes), then {@code --rounds=N} more (default 10): median,
 * 95th percentile, slowest, as a Markdown table with the targets. {@code --sections=N} (default 62)
 * sets the document's length, {@code --http-port=N} the server's port (default: any free one).
 *
 * <p>Wall times depend on how busy the machine is; the CPU time the documents' workers spent on
 * each export (the server runs in this JVM) depends much less on it, so it is shown beside them.
 * The server warms the exports up once it listens ({@code ExportWarmUp}); whether that had finished
 * when the first export was asked for is shown under the table.
 */
public final class WordBenchmark {
  private static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private WordBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = option(args, "rounds", 10);
    int sections = option(args, "sections", 62);
    int port = option(args, "http-port", 0);
    try (TestApp app = TestApp.start(Map.of("http-port", Integer.toString(port)))) {
      Fixtures fx = new Fixtures(app);
      Fixtures.Team team = fx.team();
      String token = team.member().token();
      Api api = app.api();
      byte[] docx = WordDocs.long_(sections);
      String importPath = "/api" + Api.path("communities", team.community(), "import");
      Supplier<Api.Response> importing =
          () ->
              api.send(
                  HttpMethod.POST,
                  importPath + "?name=long.docx",
                  token,
                  Buffer.buffer(docx),
                  DOCX,
                  Map.of());
      Times imports = measure("import", importing, rounds);
      String markdown = importing.get().json().getString("markdown");
      fx.save(team.community(), "длинная", token, "Длинная разработка", markdown, 0);
      String page = Api.page(team.community(), "длинная");
      Supplier<Api.Response> pdf = () -> api.get(page + "/export.pdf", token);
      Supplier<Api.Response> word = () -> api.get(page + "/export.docx", token);
      boolean warmedUp = app.app().exportsWarmedUp().isComplete();
      Times pdfs = measure("PDF export", pdf, rounds);
      Times words = measure(".docx export", word, rounds);
      int printed;
      try (var document = Loader.loadPDF(pdf.get().body().getBytes())) {
        printed = document.getNumberOfPages();
      }
      System.out.printf(
          Locale.ROOT,
          "%nThe document: %d sections, %d KB as .docx, %d KB of Markdown, %d printed pages as PDF.%n%n",
          sections,
          docx.length / 1024,
          markdown.length() / 1024,
          printed);
      System.out.println(
          "| what | first after start, ms | runs | median, ms | p95, ms | slowest, ms | target | |"
              + " documents' workers' CPU: first, median, ms | the JVM's CPU: first, median, ms |");
      System.out.println("|---|---:|---:|---:|---:|---:|---|---|---:|---:|");
      row("import of the .docx (" + printed + " pages)", imports, 2000);
      row("export of the page to PDF", pdfs, 2000);
      row("export of the page to .docx", words, 0);
      System.out.printf(
          Locale.ROOT,
          "%nThe exports' warm-up had %sfinished when the first export was asked for.%n",
          warmedUp ? "" : "not ");
    }
  }

  /**
   * The first answer's time and the sorted times of the rounds after it, ms; the CPU time of the
   * documents' workers during the first and the median of the rounds', ms.
   */
  private record Times(
      double first,
      List<Double> rounds,
      double firstCpu,
      double medianCpu,
      double firstProcessCpu,
      double medianProcessCpu) {}

  private static Times measure(String what, Supplier<Api.Response> request, int rounds) {
    double firstCpu = -documentsCpuMs();
    double firstProcessCpu = -processCpuMs();
    double first = timed(what, request);
    firstCpu += documentsCpuMs();
    firstProcessCpu += processCpuMs();
    List<Double> times = new ArrayList<>();
    List<Double> cpu = new ArrayList<>();
    List<Double> processCpu = new ArrayList<>();
    for (int i = 0; i < rounds; i++) {
      double before = documentsCpuMs();
      double processBefore = processCpuMs();
      times.add(timed(what, request));
      cpu.add(documentsCpuMs() - before);
      processCpu.add(processCpuMs() - processBefore);
    }
    Collections.sort(times);
    Collections.sort(cpu);
    Collections.sort(processCpu);
    return new Times(
        first,
        times,
        firstCpu,
        cpu.get(cpu.size() / 2),
        firstProcessCpu,
        processCpu.get(processCpu.size() / 2));
  }

  private static double timed(String what, Supplier<Api.Response> request) {
    long start = System.nanoTime();
    Api.Response answer = request.get();
    double ms = (System.nanoTime() - start) / 1e6;
    if (answer.status() != 200) {
      throw new IllegalStateException(what + " answered " + answer);
    }
    return ms;
  }

  /** The CPU time the documents' workers (exports) and the Word workers (imports) used so far. */
  private static double documentsCpuMs() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      String name = thread.getName();
      if (name.startsWith("metodichka-documents") || name.startsWith("metodichka-word")) {
        nanos += Math.max(0, threads.getThreadCpuTime(thread.threadId()));
      }
    }
    return nanos / 1e6;
  }

  /** The CPU time of the whole JVM so far (server, client, compiler and collector threads). */
  private static double processCpuMs() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e6;
  }

  /** A row; the target (ms, 0 for none) is judged on the rounds' 95th percentile. */
  private static void row(String what, Times times, double target) {
    List<Double> sorted = times.rounds();
    double p95 = sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * 0.95) - 1));
    System.out.printf(
        Locale.ROOT,
        "| %s | %.0f | %d | %.0f | %.0f | %.0f | %s | %s | %.0f, %.0f | %.0f, %.0f |%n",
        what,
        times.first(),
        sorted.size(),
        sorted.get(sorted.size() / 2),
        p95,
        sorted.getLast(),
        target > 0 ? String.format(Locale.ROOT, "p95 ≤ %,.0f ms", target) : "—",
        target <= 0 ? "" : p95 <= target ? "met" : "**missed**",
        times.firstCpu(),
        times.medianCpu(),
        times.firstProcessCpu(),
        times.medianProcessCpu());
  }

  private static int option(String[] args, String name, int fallback) {
    for (String arg : args) {
      if (arg.startsWith("--" + name + "=")) {
        return Integer.parseInt(arg.substring(name.length() + 3));
      }
    }
    return fallback;
  }
}
