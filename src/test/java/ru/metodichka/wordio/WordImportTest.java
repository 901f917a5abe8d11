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
  void picturesAreListedWithAWarningEach() throws Exception {
    byte[] docx;
    try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument()) {
      var image = new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
      var png = new ByteArrayOutputStream();
      javax.imageio.ImageIO.write(image, "png", png);
      var run = doc.createParagraph().createRun();
      run.setText("Схема:");
      run.addPicture(
          new ByteArrayInputStream(png.toByteArray()),
          org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
          "схема.png",
          40_000,
          40_000);
      docx = WordDocs.bytes(doc);
    }
    WordImport.Imported imported = WordImport.convert(docx, "Схема урока.docx");
    assertThat(imported.title()).isEqualTo("Схема урока");
    assertThat(imported.images()).hasSize(1);
    assertThat(imported.images().getFirst().contentType()).isEqualTo("image/png");
    assertThat(imported.warnings()).singleElement().asString().contains("не вставлен");
    assertThat(imported.markdown()).isEqualTo("Схема:\n");
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
