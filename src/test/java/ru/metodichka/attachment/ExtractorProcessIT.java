package ru.metodichka.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import ru.metodichka.Eventually;
import ru.metodichka.attachment.ExtractorProcess.Outcome;

/**
 * The long-lived text extractor: one child JVM reads file after file; a file over the time limit, a
 * child killed mid-file or out of memory end that child with the outcome recorded, and a fresh
 * child reads the next file. Real child JVMs, no database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtractorProcessIT {
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  @TempDir Path dir;

  @AfterAll
  void stopTimer() {
    timer.shutdownNow();
  }

  @Test
  void oneChildReadsFileAfterFileOfEveryKind() throws IOException {
    try (ExtractorProcess child = ExtractorProcess.start(128, timer)) {
      long pid = child.pid();
      Outcome docx =
          child.extract(file("a.docx", Documents.docx("Первый файл: дроби.")), 1000, LIMIT);
      Outcome pdf =
          child.extract(file("b.pdf", Documents.pdf(3, "Second file", null)), 1000, LIMIT);
      Outcome txt = child.extract(file("c.txt", Uploads.utf8("Третий файл.\n")), 1000, LIMIT);
      Outcome broken = child.extract(file("d.pdf", Uploads.utf8("%PDF-1.7 broken")), 1000, LIMIT);
      Outcome again = child.extract(file("e.docx", Documents.docx("Пятый.")), 1000, LIMIT);
      assertThat(docx).isEqualTo(new Outcome("done", "Первый файл: дроби.", null));
      assertThat(pdf.text()).contains("Second file 1", "Second file 3");
      assertThat(txt.text()).isEqualTo("Третий файл.");
      assertThat(broken.status()).isEqualTo("failed");
      assertThat(broken.error()).isNotBlank();
      assertThat(again.text()).isEqualTo("Пятый.");
      assertThat(child.pid()).isEqualTo(pid);
      assertThat(child.spent()).isFalse();
      assertThat(child.extracted()).isEqualTo(5);
    }
  }

  @Test
  void theTextIsCutAtItsCap() throws IOException {
    try (ExtractorProcess child = ExtractorProcess.start(128, timer)) {
      Outcome cut =
          child.extract(file("long.txt", Uploads.utf8("слово ".repeat(10_000))), 100, LIMIT);
      assertThat(cut.status()).isEqualTo("done");
      assertThat(cut.text()).hasSizeLessThanOrEqualTo(100).startsWith("слово слово");
    }
  }

  @Test
  void aFileOverTheTimeLimitKillsItsChildAndTheNextFileGetsAFreshOne() throws IOException {
    Path huge = file("huge.pdf", Documents.pdf(10_000, "Page of a very long document", null));
    ExtractorProcess child = ExtractorProcess.start(256, timer);
    long started = System.nanoTime();
    Outcome slow = child.extract(huge, 1_000_000, Duration.ofSeconds(1));
    assertThat(slow.status()).isEqualTo("timeout");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
    assertThat(child.spent()).isTrue();
    assertThat(ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    try (ExtractorProcess fresh = ExtractorProcess.start(128, timer)) {
      assertThat(fresh.pid()).isNotEqualTo(child.pid());
      assertThat(fresh.extract(file("ok.txt", Uploads.utf8("дальше")), 100, LIMIT).text())
          .isEqualTo("дальше");
    }
  }

  @Test
  void aChildKilledMidFileIsRecordedAsFailed() throws Exception {
    Path huge = file("huge2.pdf", Documents.pdf(10_000, "Another very long document", null));
    try (ExtractorProcess child = ExtractorProcess.start(256, timer)) {
      // Its CPU time once ready (loading Tika took some): busy with the file is beyond that.
      long ready = cpuMillis(child);
      CompletableFuture<Outcome> outcome =
          CompletableFuture.supplyAsync(() -> child.extract(huge, 1_000_000, LIMIT));
      Eventually.until(
          "the child to be busy with the file",
          Duration.ofSeconds(30),
          () -> cpuMillis(child),
          cpu -> cpu > ready + 300);
      ProcessHandle.of(child.pid()).orElseThrow().destroyForcibly();
      Outcome killed = outcome.get();
      assertThat(killed.status()).isEqualTo("failed");
      assertThat(killed.error()).startsWith("the extractor ended");
      assertThat(child.spent()).isTrue();
    }
  }

  @Test
  void aChildOutOfMemoryEndsTooLarge() throws IOException {
    Path big = dir.resolve("big.txt");
    byte[] line = new byte[1 << 20];
    Arrays.fill(line, (byte) 'a');
    try (OutputStream out = Files.newOutputStream(big)) {
      for (int i = 0; i < 64; i++) {
        out.write(line);
      }
    }
    try (ExtractorProcess child = ExtractorProcess.start(32, timer)) {
      // Keeping 64 million characters needs more than a 32 MB heap.
      Outcome outcome = child.extract(big, Integer.MAX_VALUE, LIMIT);
      assertThat(outcome.status()).isEqualTo("too-large");
      assertThat(outcome.error()).startsWith("out of memory (32 MB)");
      assertThat(child.spent()).isTrue();
    }
  }

  private Path file(String name, byte[] content) throws IOException {
    return Files.write(dir.resolve(name), content);
  }

  private static long cpuMillis(ExtractorProcess child) {
    return ProcessHandle.of(child.pid())
        .orElseThrow()
        .info()
        .totalCpuDuration()
        .map(Duration::toMillis)
        .orElse(0L);
  }
}
