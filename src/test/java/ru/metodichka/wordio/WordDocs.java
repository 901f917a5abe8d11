package ru.metodichka.wordio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** Word documents made in tests with Apache POI, as a teacher's Word would save them. */
public final class WordDocs {
  private WordDocs() {}

  /**
   * A lesson plan: a title heading, a section heading, bold and italic, a numbered list with a
   * nested bulleted one, a table, a link and a footnote.
   */
  public static byte[] lessonPlan() {
    try (XWPFDocument doc = new XWPFDocument()) {
      heading(doc, "Heading1", "Урок дробей");
      XWPFParagraph intro = doc.createParagraph();
      intro.createRun().setText("Урок для ");
      XWPFRun bold = intro.createRun();
      bold.setBold(true);
      bold.setText("пятого");
      intro.createRun().setText(" класса, ");
      XWPFRun italic = intro.createRun();
      italic.setItalic(true);
      italic.setText("с игрой");
      intro.createRun().setText(".");
      intro.addFootnoteReference(footnote(doc, "По учебнику Никольского."));
      heading(doc, "Heading2", "Ход урока");
      BigInteger numbered = numbering(doc);
      listItem(doc, numbered, 0, "Разминка");
      listItem(doc, numbered, 1, "Устный счёт");
      listItem(doc, numbered, 0, "Новая тема");
      XWPFTable table = doc.createTable(2, 2);
      table.getRow(0).getCell(0).setText("Этап");
      table.getRow(0).getCell(1).setText("Минуты");
      table.getRow(1).getCell(0).setText("Разминка");
      table.getRow(1).getCell(1).setText("5");
      XWPFParagraph links = doc.createParagraph();
      links.createRun().setText("Материалы: ");
      XWPFHyperlinkRun link = links.createHyperlinkRun("https://example.org/drobi");
      link.setText("сайт");
      return bytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A document of {@code pages} pages or so: headings, paragraphs, lists and a table each. */
  public static byte[] long_(int pages) {
    try (XWPFDocument doc = new XWPFDocument()) {
      BigInteger numbered = numbering(doc);
      for (int i = 1; i <= pages; i++) {
        heading(doc, "Heading2", "Раздел " + i);
        for (int j = 0; j < 6; j++) {
          doc.createParagraph()
              .createRun()
              .setText(
                  "Дроби изучаются в пятом классе на примерах из жизни: деление пирога, отрезка,"
                      + " часов и денег. Учитель показывает, что доля — это часть целого. ");
        }
        listItem(doc, numbered, 0, "Пункт плана " + i);
        listItem(doc, numbered, 1, "Подпункт " + i);
      }
      return bytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void heading(XWPFDocument doc, String style, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle(style);
    p.createRun().setText(text);
  }

  private static XWPFFootnote footnote(XWPFDocument doc, String text) {
    XWPFFootnote note = doc.createFootnote();
    note.createParagraph().createRun().setText(text);
    return note;
  }

  private static BigInteger numbering(XWPFDocument doc) {
    CTAbstractNum abs = CTAbstractNum.Factory.newInstance();
    abs.setAbstractNumId(BigInteger.ONE);
    CTLvl first = abs.addNewLvl();
    first.setIlvl(BigInteger.ZERO);
    first.addNewNumFmt().setVal(STNumberFormat.DECIMAL);
    first.addNewLvlText().setVal("%1.");
    CTLvl second = abs.addNewLvl();
    second.setIlvl(BigInteger.ONE);
    second.addNewNumFmt().setVal(STNumberFormat.BULLET);
    second.addNewLvlText().setVal("•");
    XWPFNumbering numbering = doc.createNumbering();
    BigInteger id = numbering.addAbstractNum(new XWPFAbstractNum(abs));
    return numbering.addNum(id);
  }

  private static void listItem(XWPFDocument doc, BigInteger num, int level, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setNumID(num);
    p.setNumILvl(BigInteger.valueOf(level));
    p.createRun().setText(text);
  }

  /**
   * A lesson plan with a picture (a {@code width} × {@code height} PNG, its alternative text «Схема
   * долей») between its heading and its text.
   */
  public static byte[] lessonWithPicture(int width, int height) {
    try (XWPFDocument doc = new XWPFDocument()) {
      heading(doc, "Heading1", "Урок с рисунком");
      picture(doc.createParagraph().createRun(), png(width, height), "схема.png", "Схема долей");
      doc.createParagraph().createRun().setText("Разделите круг на четыре доли.");
      return bytes(doc);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PNG of the size: a white ground with a blue circle and a red stripe (not one colour). */
  public static byte[] png(int width, int height) {
    var image =
        new java.awt.image.BufferedImage(width, height, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(java.awt.Color.BLUE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.setColor(java.awt.Color.RED);
    g.fillRect(0, 0, Math.max(1, width / 10), height);
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      javax.imageio.ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Adds a PNG picture to a run, with Word's alternative text («Замещающий текст»). */
  public static void picture(XWPFRun run, byte[] png, String name, String description) {
    try {
      var picture =
          run.addPicture(
              new java.io.ByteArrayInputStream(png),
              org.apache.poi.xwpf.usermodel.Document.PICTURE_TYPE_PNG,
              name,
              org.apache.poi.util.Units.toEMU(100),
              org.apache.poi.util.Units.toEMU(100));
      if (!description.isEmpty()) {
        // Where Word keeps it: the drawing's properties.
        run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr().setDescr(description);
      }
      picture.getCTPicture();
    } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] bytes(XWPFDocument doc) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    doc.write(out);
    return out.toByteArray();
  }
}
