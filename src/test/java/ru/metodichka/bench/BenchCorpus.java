package ru.metodichka.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import ru.metodichka.render.PlainText;
import ru.metodichka.search.index.SearchDocument;

/**
 * The benchmark's pages: the shared Russian corpus as it is, then as many generated pages as asked
 * for, each made of a corpus title and a random run of corpus blocks (paragraphs, lists, whole code
 * fences), so that the text, its words and its Markdown are realistic. Deterministic (fixed seed).
 */
final class BenchCorpus {
  /** One Markdown page before it becomes a {@link SearchDocument}. */
  record Source(String id, String kind, String title, String markdown) {}

  private static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");

  private final List<Source> corpus;
  private final List<String> blocks = new ArrayList<>();
  private final List<String> titles = new ArrayList<>();

  private BenchCorpus(List<Source> corpus) {
    this.corpus = corpus;
    for (Source source : corpus) {
      if (source.title() != null && !source.title().isBlank()) {
        titles.add(source.title());
      }
      blocks.addAll(blocks(source.markdown()));
    }
  }

  static BenchCorpus load(Path jsonl) throws IOException {
    List<Source> sources = new ArrayList<>();
    for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
      JsonObject json = new JsonObject(line);
      sources.add(
          new Source(
              json.getString("id"),
              json.getString("kind"),
              json.getString("title"),
              json.getString("markdown")));
    }
    return new BenchCorpus(sources);
  }

  List<Source> corpus() {
    return corpus;
  }

  /** Page {@code n} (0-based) of the benchmark: a corpus page, or a generated one beyond them. */
  Source source(int n) {
    if (n < corpus.size()) {
      return corpus.get(n);
    }
    Random random = new Random(n);
    String title = titles.get(random.nextInt(titles.size()));
    if (random.nextBoolean()) {
      title = title + ": " + titles.get(random.nextInt(titles.size())).toLowerCase();
    }
    StringBuilder markdown = new StringBuilder("# ").append(title).append("\n\n");
    // About the corpus's mean page: ~5 kB of Markdown in 4..40 blocks.
    int count = 4 + random.nextInt(37);
    int start = random.nextInt(blocks.size());
    for (int i = 0; i < count; i++) {
      // Runs of neighbouring blocks keep code next to the paragraph that explains it.
      int at = random.nextInt(4) == 0 ? random.nextInt(blocks.size()) : start + i;
      markdown.append(blocks.get(at % blocks.size())).append("\n\n");
    }
    String[] kinds = {"article", "task", "solution"};
    return new Source("gen/" + n, kinds[random.nextInt(3)], title, markdown.toString());
  }

  /**
   * The page as the indexer would give it: three communities for the corpus (twenty for generated
   * pages), every tenth page a draft, subjects, levels, licences and years spread over the pages.
   */
  static SearchDocument document(int n, Source source, String body) {
    String kind =
        switch (source.kind()) {
          case "article" -> "article";
          case "task" -> "practice";
          default -> "other";
        };
    long community = n < 1029 ? n % 3 + 1 : n % 20 + 1;
    boolean published = n % 10 != 7;
    return new SearchDocument(
        n,
        published ? SearchDocument.Audience.PUBLIC : SearchDocument.Audience.INSIDERS,
        community,
        "c" + community,
        "Сообщество " + community,
        source.id(),
        source.title(),
        kind,
        published ? "published" : "draft",
        body,
        List.of(n % 4 == 0 ? "веб-разработка" : "информатика"),
        kind.equals("article")
            ? List.of("secondary-general")
            : List.of("basic-general", "secondary-general"),
        n % 2 == 0 ? "CC BY 4.0" : "CC BY-NC 4.0",
        2020 + n % 5,
        EPOCH.plusSeconds(n * 600L),
        EPOCH.plusSeconds(n * 600L),
        (n * 7919L) % 1000,
        List.of("Автор " + community),
        false);
  }

  static SearchDocument document(int n, Source source) {
    return document(n, source, PlainText.of(source.markdown()));
  }

  /** Blank-line separated blocks; a fenced code block stays whole. */
  private static List<String> blocks(String markdown) {
    List<String> out = new ArrayList<>();
    StringBuilder block = new StringBuilder();
    boolean fence = false;
    for (String line : markdown.split("\n", -1)) {
      if (line.startsWith("# ")) {
        continue;
      }
      if (line.strip().startsWith("```")) {
        fence = !fence;
      }
      if (!fence && line.isBlank()) {
        if (!block.isEmpty()) {
          out.add(block.toString());
          block.setLength(0);
        }
      } else {
        block.append(line).append('\n');
      }
    }
    if (!block.isEmpty() && !fence) {
      out.add(block.toString());
    }
    return out;
  }
}
