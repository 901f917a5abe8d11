package ru.metodichka.demo;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
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
 * («антиципация», «гербарий») find the pages in search once their text is extracted. A page that
 * has files already gets none (running the demo again adds nothing twice).
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
            Buffer.buffer(passport())));
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
