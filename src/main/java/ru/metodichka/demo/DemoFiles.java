package ru.metodichka.demo;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import ru.metodichka.attachment.AttachmentService;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.page.PageReader;

/**
 * The demo's files: a Word memo on a reading-literacy page and a PDF sample on the project passport
 * page, made at seed time (POI, PDFBox), uploaded by each page's first author. Their words
 * («антиципация», «гербарий») find the pages in search once their text is extracted. Two pictures
 * (Java2D) that pages show in their text ({@code ![…](attachment:…)}): a growth chart on the garden
 * project (a draft in review: its picture is the insiders' only) and the self-assessment ladder on
 * a published article, wide enough to be shown by their previews. A page that has files already
 * gets none (running the demo again adds nothing twice).
 */
public final class DemoFiles {
  /** One file to attach. */
  public record DemoFile(String community, String slug, String name, Buffer bytes) {}

  private static final String FIRST_AUTHOR =
      """
      SELECT u.id, u.login, u.display_name, u.is_admin
        FROM pages p JOIN communities c ON c.id = p.community_id
        JOIN revisions r ON r.page_id = p.id
        JOIN users u ON u.id = r.author_id
       WHERE c.slug = $1 AND p.slug = $2
       ORDER BY r.number LIMIT 1
      """;

  private DemoFiles() {}

  /** The files, made now (blocking: POI and PDFBox write them). */
  public static List<DemoFile> make() {
    return List.of(
        new DemoFile(
            "funkcionalnaya-gramotnost",
            "читательская-грамотность",
            "Памятка «Смысловое чтение».docx",
            Buffer.buffer(memo())),
        new DemoFile(
            "proekty-nachalnaya-shkola",
            "паспорт-проекта",
            "Образец паспорта проекта.pdf",
            Buffer.buffer(passport())),
        new DemoFile(
            "proekty-nachalnaya-shkola",
            "огород-на-подоконнике",
            "рост-растений.png",
            Buffer.buffer(growthChart())),
        new DemoFile(
            "proekty-nachalnaya-shkola",
            "оценивание-проектов",
            "лесенка-самооценки.png",
            Buffer.buffer(ladder())));
  }

  /** Three bars (onion, dill, peas) of a three-week growth, on a ruled ground. */
  private static byte[] growthChart() {
    BufferedImage image = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(image);
    g.setColor(new Color(0xDDE3EA));
    for (int y = 100; y <= 800; y += 100) {
      g.fillRect(100, y, 1400, 3);
    }
    int[] heights = {380, 270, 620};
    Color[] colours = {new Color(0x7CB342), new Color(0x43A047), new Color(0x1E88E5)};
    for (int i = 0; i < 3; i++) {
      g.setColor(colours[i]);
      g.fillRoundRect(250 + i * 420, 800 - heights[i], 260, heights[i], 24, 24);
    }
    return png(image, g);
  }

  /** Three steps rising to the right, a star on the top one. */
  private static byte[] ladder() {
    BufferedImage image = new BufferedImage(1800, 700, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(image);
    Color[] colours = {new Color(0xFFB74D), new Color(0xFF8A65), new Color(0xE57373)};
    for (int i = 0; i < 3; i++) {
      g.setColor(colours[i]);
      g.fillRect(200 + i * 480, 560 - i * 180, 480, 80 + i * 180);
    }
    g.setColor(new Color(0xFDD835));
    int[] xs = {1400, 1425, 1480, 1435, 1450, 1400, 1350, 1365, 1320, 1375};
    int[] ys = {80, 135, 140, 175, 230, 200, 230, 175, 140, 135};
    g.fillPolygon(xs, ys, xs.length);
    return png(image, g);
  }

  private static Graphics2D canvas(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    return g;
  }

  private static byte[] png(BufferedImage image, Graphics2D g) {
    g.dispose();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Attaches each file unless its page has files already; on a Vert.x context. Under an advisory
   * lock, so that nodes started together with the demo attach each file once.
   */
  public static Future<Void> attach(
      Pool pool, PageReader pages, AttachmentService files, List<DemoFile> list) {
    return pool.getConnection()
        .compose(
            lock ->
                lock.query(LOCK)
                    .execute()
                    .compose(
                        locked -> {
                          Future<Void> chain = Future.succeededFuture();
                          for (DemoFile file : list) {
                            chain = chain.compose(v -> attach(pool, pages, files, file));
                          }
                          return chain;
                        })
                    .eventually(() -> lock.query(UNLOCK).execute().eventually(lock::close)));
  }

  private static final String LOCK =
      "SELECT pg_advisory_lock(hashtext('metodichka'), hashtext('demo-files'))";
  private static final String UNLOCK =
      "SELECT pg_advisory_unlock(hashtext('metodichka'), hashtext('demo-files'))";

  private static Future<Void> attach(
      Pool pool, PageReader pages, AttachmentService files, DemoFile file) {
    return pool.preparedQuery(FIRST_AUTHOR)
        .execute(Tuple.of(file.community(), file.slug()))
        .compose(
            rows -> {
              if (rows.size() == 0) {
                return Future.succeededFuture();
              }
              Row r = rows.iterator().next();
              CurrentUser author =
                  new CurrentUser(
                      r.getLong("id"),
                      r.getString("login"),
                      r.getString("display_name"),
                      r.getBoolean("is_admin"));
              return files
                  .editable(author, file.community(), file.slug())
                  .compose(
                      page ->
                          files
                              .list(page)
                              .compose(
                                  existing ->
                                      existing.isEmpty()
                                          ? files.store(page, file.name(), file.bytes()).mapEmpty()
                                          : Future.succeededFuture()));
            })
        .recover(e -> Future.succeededFuture())
        .mapEmpty();
  }

  private static byte[] memo() {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XWPFRun title = doc.createParagraph().createRun();
      title.setBold(true);
      title.setFontSize(16);
      title.setText("Памятка для ученика: смысловое чтение");
      for (String line :
          List.of(
              "1. Антиципация: прочитай заголовок и подумай, о чём будет текст.",
              "2. Читай с карандашом: отмечай знакомое, новое и непонятное.",
              "3. Задай к тексту три вопроса: что? почему? что из этого следует?",
              "4. Составь план текста и перескажи его своими словами.",
              "5. Сравни свою догадку до чтения с тем, что узнал из текста.")) {
        doc.createParagraph().createRun().setText(line);
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] passport() {
    try (PDDocument doc = new PDDocument();
        InputStream font = DemoFiles.class.getResourceAsStream("/fonts/DejaVuSans.ttf");
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType0Font dejaVu = PDType0Font.load(doc, font);
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(dejaVu, 14);
        content.setLeading(20);
        content.newLineAtOffset(60, 720);
        for (String line :
            List.of(
                "Паспорт учебного проекта (образец)",
                "Название: «Гербарий нашего двора»",
                "Класс: 3. Руководитель: учитель начальных классов.",
                "Цель: собрать гербарий из растений школьного двора",
                "и составить к нему описания.",
                "Продукт: гербарий и выставка в классе.",
                "Сроки: сентябрь — октябрь.")) {
          content.showText(line);
          content.newLine();
        }
        content.endText();
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
