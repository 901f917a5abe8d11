package ru.metodichka.wordio;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.attachment.DocumentImages;
import ru.metodichka.page.Author;
import ru.metodichka.page.Citation;

/**
 * Exports warmed up once the server has started: a PDF and a .docx of about five pages written in
 * the background — headings, lists, tables, a PNG and a JPEG picture, a citation block — on the
 * documents' workers, so that the first export a reader asks for does not pay for a cold JVM:
 * openhtmltopdf's, PDFBox's, POI's, jsoup's and ImageIO's classes loaded, DejaVu Sans read and its
 * metrics computed (both kept for every later export, {@link PdfWriter}), the code they run most
 * compiled. Measured with {@code bench/word.sh}: without it the first 30-page PDF after a start
 * took 4.9 s, the ones after it 0.8 s at the 95th percentile.
 *
 * <p>It never delays the start (it begins once the server listens, never on an event loop) and
 * never stops anything: a failure is logged, and the first export is merely slower.
 */
public final class ExportWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(ExportWarmUp.class);
  private static final String PNG = "/warm-up/diagram.png";
  private static final String JPEG = "/warm-up/photo.jpg";
  private static final String HTML =
      """
      <h2 id="ход">Ход урока</h2>
      <p>Урок для <strong>пятого</strong> класса, <em>с игрой</em>, <a href="https://example.org">сайт</a>.</p>
      <ol><li>Разминка<ul><li>Устный счёт</li></ul></li><li>Новая тема</li></ol>
      <table><thead><tr><th>Этап</th><th>Минуты</th></tr></thead>
      <tbody><tr><td>Разминка</td><td>5</td></tr></tbody></table>
      <blockquote><p>Доля — это часть целого.</p></blockquote>
      <pre><code>1/2 + 1/4 = 3/4</code></pre>
      <p><img src="/warm-up/diagram.png" alt="Схема"></p>
      <p><img src="/warm-up/photo.jpg" alt="Фотография"></p>
      """;

  private ExportWarmUp() {}

  /**
   * Starts the warm-up on {@code documents}: true once both documents were written, false (and
   * logged) if anything failed. Never fails.
   */
  public static Future<Boolean> start(WorkerExecutor documents) {
    return run(documents, ExportWarmUp::write);
  }

  /** Runs {@code work} on {@code documents} as the warm-up: its time or its failure logged. */
  static Future<Boolean> run(WorkerExecutor documents, Callable<?> work) {
    return documents
        .executeBlocking(
            () -> {
              long start = System.nanoTime();
              work.call();
              LOG.info(
                  "Exports warmed up: a PDF and a Word document written in {} ms",
                  (System.nanoTime() - start) / 1_000_000);
              return true;
            },
            false)
        .otherwise(
            failure -> {
              LOG.warn("Could not warm the exports up; the first export will be slower", failure);
              return false;
            });
  }

  /**
   * How many times the sample is repeated in the warmed-up document: about five printed pages, so
   * that the layout's busiest code runs often enough to be compiled. Measured with {@code
   * bench/word.sh} (the CPU time of the first 30-page PDF after a start against the median one's):
   * 4.4–5.0 times without a warm-up, 2.7 times after a one-page warm-up, 2.4 times after this one.
   */
  static final int REPEATS = 12;

  /** Writes the two documents (blocking). */
  static Void write() {
    String html = HTML.repeat(REPEATS);
    List<ExportedPart> parts = List.of(new ExportedPart(citation(), html, pictures()));
    LocalDate day = LocalDate.of(2026, 1, 1);
    PdfWriter.write(parts, ZoneOffset.UTC, day);
    DocxWriter.write(parts, ZoneOffset.UTC, day);
    return null;
  }

  private static Map<String, DocumentImages.DocumentImage> pictures() {
    return Map.of(
        PNG, DocumentImages.embeddable(picture("png")).orElseThrow(),
        JPEG, DocumentImages.embeddable(picture("jpeg")).orElseThrow());
  }

  /** A small picture made here, so the warm-up reads no file and stores nothing. */
  private static byte[] picture(String format) {
    BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, 120, 80);
      g.setColor(Color.BLUE);
      g.fillOval(30, 20, 60, 40);
    } finally {
      g.dispose();
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Citation citation() {
    return new Citation(
        "Урок дробей",
        List.of(new Author("warm-up", "Анна Петровна Иванова", "МБОУ «СОШ № 3»", 1)),
        "Сообщество",
        "Центр",
        "CC BY 4.0",
        "https://creativecommons.org/licenses/by/4.0/",
        1,
        OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC),
        "https://metodichka.example/c/c/урок",
        "https://metodichka.example/c/c/урок/revisions/1");
  }
}
