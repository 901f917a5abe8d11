package ru.metodichka.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xslf.usermodel.XSLFSlide;
import org.apache.poi.xslf.usermodel.XSLFTextBox;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.nodes.Entities;
import ru.metodichka.render.PlainText;

/**
 * A corpus article as the documents teachers attach: .docx, .pdf, .odt, .pptx, .xlsx, .txt and
 * .rtf, each holding the article's title and text (its Markdown made plain), so that text
 * extraction is measured on realistic Russian documents of realistic size. .docx, .pptx and .xlsx
 * are written with Apache POI, .pdf with PDFBox (DejaVu Sans, for the Cyrillic), .odt, .rtf and
 * .txt by hand: the smallest valid documents of their kind.
 */
final class CorpusDocuments {
  /** The formats made, as file extensions. */
  static final List<String> FORMATS = List.of("docx", "pdf", "odt", "pptx", "xlsx", "txt", "rtf");

  private CorpusDocuments() {}

  /** The article as a document of {@code format} (one of {@link #FORMATS}). */
  static byte[] of(String format, String title, String markdown) {
    List<String> paragraphs = paragraphs(title, markdown);
    try {
      return switch (format) {
        case "docx" -> docx(paragraphs);
        case "pdf" -> pdf(paragraphs);
        case "odt" -> odt(paragraphs);
        case "pptx" -> pptx(paragraphs);
        case "xlsx" -> xlsx(paragraphs);
        case "txt" -> String.join("\n\n", paragraphs).getBytes(StandardCharsets.UTF_8);
        case "rtf" -> rtf(paragraphs);
        default -> throw new IllegalArgumentException(format);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The title, then the article's plain text split into its paragraphs. */
  static List<String> paragraphs(String title, String markdown) {
    List<String> paragraphs = new ArrayList<>();
    paragraphs.add(title);
    for (String block : PlainText.of(markdown).split("\n+")) {
      if (!block.isBlank()) {
        paragraphs.add(block.strip());
      }
    }
    return paragraphs;
  }

  private static byte[] docx(List<String> paragraphs) throws IOException {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String text : paragraphs) {
        doc.createParagraph().createRun().setText(text);
      }
      doc.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] pptx(List<String> paragraphs) throws IOException {
    try (XMLSlideShow show = new XMLSlideShow();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      // A slide per few paragraphs, as a presentation of the article would have.
      for (int i = 0; i < paragraphs.size(); i += 4) {
        XSLFSlide slide = show.createSlide();
        XSLFTextBox box = slide.createTextBox();
        box.setAnchor(new java.awt.Rectangle(40, 40, 640, 460));
        box.clearText();
        for (String text : paragraphs.subList(i, Math.min(paragraphs.size(), i + 4))) {
          box.addNewTextParagraph().addNewTextRun().setText(text);
        }
      }
      show.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] xlsx(List<String> paragraphs) throws IOException {
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      XSSFSheet sheet = book.createSheet("Статья");
      for (int i = 0; i < paragraphs.size(); i++) {
        var row = sheet.createRow(i);
        row.createCell(0).setCellValue(i + 1);
        String text = paragraphs.get(i);
        row.createCell(1).setCellValue(text.length() > 32_000 ? text.substring(0, 32_000) : text);
      }
      book.write(out);
      return out.toByteArray();
    }
  }

  private static byte[] pdf(List<String> paragraphs) throws IOException {
    try (PDDocument doc = new PDDocument();
        InputStream fontBytes = CorpusDocuments.class.getResourceAsStream("/fonts/DejaVuSans.ttf");
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType0Font font = PDType0Font.load(doc, fontBytes);
      List<String> lines = new ArrayList<>();
      for (String paragraph : paragraphs) {
        lines.addAll(wrap(paragraph.replaceAll("[^\\p{L}\\p{N}\\p{P}\\p{Zs}+=<>$^`|~]", " "), 90));
        lines.add("");
      }
      int perPage = 50;
      for (int start = 0; start < lines.size(); start += perPage) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
          content.beginText();
          content.setFont(font, 10);
          content.setLeading(14);
          content.newLineAtOffset(50, 790);
          for (String line : lines.subList(start, Math.min(lines.size(), start + perPage))) {
            showText(content, line);
            content.newLine();
          }
          content.endText();
        }
      }
      doc.save(out);
      return out.toByteArray();
    }
  }

  /** Shows a line, leaving out the characters DejaVu Sans has no glyph for. */
  private static void showText(PDPageContentStream content, String line) throws IOException {
    try {
      content.showText(line);
    } catch (IllegalArgumentException | IllegalStateException noGlyph) {
      content.showText(
          line.replaceAll("[^\\p{IsCyrillic}\\p{IsLatin}\\p{N}\\p{Zs}.,;:!?()-]", " "));
    }
  }

  private static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split("\\s+")) {
      if (line.length() + word.length() + 1 > width && !line.isEmpty()) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.isEmpty() ? "" : " ").append(word);
    }
    lines.add(line.toString());
    return lines;
  }

  private static byte[] odt(List<String> paragraphs) throws IOException {
    StringBuilder content =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content"
                + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
                + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
                + " office:version=\"1.3\"><office:body><office:text>");
    content.append("<text:h text:outline-level=\"1\">");
    content.append(Entities.escape(paragraphs.getFirst())).append("</text:h>");
    for (String text : paragraphs.subList(1, paragraphs.size())) {
      content.append("<text:p>").append(Entities.escape(text)).append("</text:p>");
    }
    content.append("</office:text></office:body></office:document-content>");
    String manifest =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest"
            + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
            + " manifest:version=\"1.3\"><manifest:file-entry manifest:full-path=\"/\""
            + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
            + "<manifest:file-entry manifest:full-path=\"content.xml\""
            + " manifest:media-type=\"text/xml\"/></manifest:manifest>";
    try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(bytes)) {
      // The type comes first and uncompressed: that is how readers recognise an ODF package.
      byte[] type = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
      ZipEntry mimetype = new ZipEntry("mimetype");
      mimetype.setMethod(ZipEntry.STORED);
      mimetype.setSize(type.length);
      CRC32 crc = new CRC32();
      crc.update(type);
      mimetype.setCrc(crc.getValue());
      zip.putNextEntry(mimetype);
      zip.write(type);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
      zip.write(manifest.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(content.toString().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.finish();
      return bytes.toByteArray();
    }
  }

  private static byte[] rtf(List<String> paragraphs) {
    StringBuilder rtf =
        new StringBuilder("{\\rtf1\\ansi\\ansicpg1251\\deff0{\\fonttbl{\\f0 Arial;}}");
    for (String text : paragraphs) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\\' || c == '{' || c == '}') {
          rtf.append('\\').append(c);
        } else if (c < 128) {
          rtf.append(c);
        } else {
          // RTF writes other characters as signed 16-bit numbers, with a replacement for old
          // readers.
          rtf.append("\\u").append((int) (short) c).append('?');
        }
      }
      rtf.append("\\par\n");
    }
    return rtf.append('}').toString().getBytes(StandardCharsets.US_ASCII);
  }
}
