package ru.metodichka.wordio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import ru.metodichka.error.AppError;

class WordImportTest {

  @Test
  void lessonPlanBecomesMarkdownWithHeadingsListsTableLinkAndFootnote() {
    WordImport.Imported imported = WordImport.convert(WordDocs.lessonPlan(), "урок.docx");

    assertThat(imported.title()).isEqualTo("Урок дробей");
    assertThat(imported.markdown())
        .isEqualTo(
            """
            # Урок дробей

            Урок для **пятого** класса, *с игрой*.[^1]

            ## Ход урока

            1. Разминка
               - Устный счёт
            2. Новая тема

            |   Этап   | Минуты |
            |----------|--------|
            | Разминка | 5      |

            Материалы: [сайт](https://example.org/drobi)

            [^1]: По учебнику Никольского.
            """);
    assertThat(imported.warnings()).isEmpty();
  }

  @Test
  void picturesBecomeImagesOfFilesNamedAfterTheDocumentWhereTheyStand() throws Exception {
    byte[] png = WordDocs.png(4, 4);
    byte[] docx;
    try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
      var run = doc.createParagraph().createRun();
      run.setText("Схема:");
      WordDocs.picture(run, png, "схема.png", "Круг, разделённый на четыре доли");
      doc.createParagraph().createRun().setText("Та же схема ещё раз:");
      WordDocs.picture(doc.createParagraph().createRun(), png, "схема.png", "");
      docx = WordDocs.bytes(doc);
    }
    WordImport.Imported imported = WordImport.convert(docx, "Схема урока (5 класс).docx");
    assertThat(imported.title()).isEqualTo("Схема урока (5 класс)");
    assertThat(imported.images())
        .singleElement()
        .satisfies(
            image -> {
              assertThat(image.name()).isEqualTo("Схема-урока-5-класс-1.png");
              assertThat(image.contentType()).isEqualTo("image/png");
              assertThat(image.data()).isEqualTo(png);
            });
    assertThat(imported.warnings()).isEmpty();
    assertThat(imported.markdown())
        .isEqualTo(
            """
            Схема:![Круг, разделённый на четыре доли](attachment:Схема-урока-5-класс-1.png)

            Та же схема ещё раз:

            ![](attachment:Схема-урока-5-класс-1.png)
            """);
  }

  @Test
  void aPictureBrowsersCannotShowIsKeptAsAFileWithAWarning() throws Exception {
    byte[] docx;
    try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
      doc.createParagraph()
          .createRun()
          .addPicture(
              new ByteArrayInputStream(new byte[] {1, 0, 0, 0, 0x20, 0, 0, 0}),
              org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_EMF,
              "чертёж.emf",
              40_000,
              40_000);
      docx = WordDocs.bytes(doc);
    }
    WordImport.Imported imported = WordImport.convert(docx, "план.docx");
    assertThat(imported.images())
        .singleElement()
        .extracting(WordImage::name)
        .isEqualTo("план-1.emf");
    assertThat(imported.markdown()).contains("(attachment:план-1.emf)");
    assertThat(imported.warnings()).singleElement().asString().contains("план-1.emf", "ссылка");
  }

  @Test
  void notAWordDocumentIsRefusedNamingTheFile() {
    assertThatThrownBy(() -> WordImport.convert("not a zip".getBytes(), "x.docx"))
        .isInstanceOfSatisfying(AppError.class, e -> assertThat(e.status()).isEqualTo(422));
  }

  @Test
  void zipBombIsRefused() throws IOException {
    byte[] bomb = replaceEntry(WordDocs.lessonPlan(), "word/document.xml", bombXml());
    assertThatThrownBy(() -> WordImport.convert(bomb, "bomb.docx"))
        .isInstanceOfSatisfying(AppError.class, e -> assertThat(e.status()).isEqualTo(422));
  }

  @Test
  void externalEntityIsNeverRead() throws IOException {
    String xxe =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
        <w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
        """;
    byte[] docx =
        replaceEntry(
            WordDocs.lessonPlan(), "word/document.xml", xxe.getBytes(StandardCharsets.UTF_8));
    try {
      WordImport.Imported imported = WordImport.convert(docx, "xxe.docx");
      assertThat(imported.markdown()).doesNotContain("root:");
    } catch (AppError e) {
      assertThat(e.status()).isEqualTo(422);
    }
  }

  /** 200 MB of one repeated character: it deflates a thousand times. */
  private static byte[] bombXml() {
    byte[] xml = new byte[200 * 1024 * 1024];
    java.util.Arrays.fill(xml, (byte) 'a');
    return xml;
  }

  static byte[] replaceEntry(byte[] zip, String name, byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(e.getName().equals(name) ? content : in.readAllBytes());
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
