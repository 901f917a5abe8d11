package ru.metodichka.attachment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Documents made in tests and benchmarks: ordinary ones, and hostile ones. */
public final class Documents {
  private Documents() {}

  /** A Word document with these paragraphs (POI). */
  public static byte[] docx(String... paragraphs) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String text : paragraphs) {
        doc.createParagraph().createRun().setText(text);
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A PDF of {@code pages} pages, each with the line {@code text} (PDFBox, Latin letters). */
  public static byte[] pdf(int pages, String text, String javaScript) {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int i = 0; i < pages; i++) {
        PDPage page = new PDPage();
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(font, 12);
          content.newLineAtOffset(72, 700);
          content.showText(text + " " + (i + 1));
          content.endText();
        }
      }
      if (javaScript != null) {
        doc.getDocumentCatalog().setOpenAction(new PDActionJavaScript(javaScript));
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A .docx whose word/document.xml is {@code documentXml} (written as is). */
  public static byte[] docxWithXml(String documentXml) {
    return docxWithXml(documentXml.getBytes(StandardCharsets.UTF_8), 1);
  }

  /**
   * A .docx whose document.xml is {@code head}, then {@code repeat} copies of a run of text that
   * compresses to nearly nothing, then the closing tags: a zip bomb when {@code repeat} is large.
   */
  static byte[] docxWithXml(byte[] documentXml, int unused) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(zip, "[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
      entry(zip, "_rels/.rels", RELS.getBytes(StandardCharsets.UTF_8));
      entry(zip, "word/document.xml", documentXml);
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A .docx whose document expands to {@code megabytes} MB of one letter. */
  public static byte[] zipBombDocx(int megabytes) {
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      entry(zip, "[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8));
      entry(zip, "_rels/.rels", RELS.getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("word/document.xml"));
      zip.write((DOC_HEAD + "<w:p><w:r><w:t>").getBytes(StandardCharsets.UTF_8));
      byte[] block = new byte[1 << 20];
      Arrays.fill(block, (byte) 'a');
      for (int i = 0; i < megabytes; i++) {
        zip.write(block);
      }
      zip.write(("</w:t></w:r></w:p>" + DOC_TAIL).getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.finish();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A billion laughs in a document.xml, its text starting with {@code word}. */
  public static String entityBomb(String word) {
    StringBuilder doctype = new StringBuilder("<!DOCTYPE w:document [<!ENTITY l0 \"lol\">");
    for (int i = 1; i <= 9; i++) {
      doctype.append("<!ENTITY l").append(i).append(" \"");
      doctype.append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
    }
    doctype.append("]>");
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + doctype
        + DOC_HEAD.substring(DOC_HEAD.indexOf("<w:document"))
        + "<w:p><w:r><w:t>"
        + word
        + " &l9;</w:t></w:r></w:p>"
        + DOC_TAIL;
  }

  /** A document.xml whose text names a local file as an external entity. */
  public static String externalEntity(String word) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
        + "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        + DOC_HEAD.substring(DOC_HEAD.indexOf("<w:document"))
        + "<w:p><w:r><w:t>"
        + word
        + " before &xxe; after</w:t></w:r></w:p>"
        + DOC_TAIL;
  }

  /** A PNG whose header claims {@code width} × {@code height} pixels (and holds no real data). */
  public static byte[] pngHeader(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII));
    ihdr.putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    CRC32 end = new CRC32();
    end.update("IEND".getBytes(StandardCharsets.US_ASCII));
    png.putInt(0).put("IEND".getBytes(StandardCharsets.US_ASCII)).putInt((int) end.getValue());
    return png.array();
  }

  /**
   * A real decompression bomb: a valid PNG of {@code side} × {@code side} one-bit pixels, all
   * black, whose image data deflates to almost nothing (20,000 → 400 megapixels in about 50 KB; as
   * a decoded image, more than a gigabyte). Written row by row: nothing large is held here.
   */
  public static byte[] pngBomb(int side) {
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    try (var deflate = new DeflaterOutputStream(idat, new Deflater(Deflater.BEST_COMPRESSION))) {
      byte[] row = new byte[1 + (side + 7) / 8]; // filter type 0, then the pixels
      for (int y = 0; y < side; y++) {
        deflate.write(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ByteBuffer header = ByteBuffer.allocate(13);
    header.putInt(side).putInt(side).put((byte) 1).put((byte) 0).put((byte) 0).put((byte) 0);
    header.put((byte) 0);
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(png, "IHDR", header.array());
    chunk(png, "IDAT", idat.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    png.writeBytes(name);
    png.writeBytes(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  static final String DOC_HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
          + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
          + "<w:body>";
  static final String DOC_TAIL = "</w:body></w:document>";

  private static final String CONTENT_TYPES =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          + "<Default Extension=\"rels\" ContentType="
          + "\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          + "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
          + "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
          + "</Types>";
  private static final String RELS =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
          + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
          + "2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
          + "</Relationships>";

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }
}
