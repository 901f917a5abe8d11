package ru.metodichka.wordio;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.FSStream;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import ru.metodichka.attachment.DocumentImages.DocumentImage;
import ru.metodichka.render.Outline;

/**
 * Pages as a print-ready PDF: their sanitised HTML laid out by openhtmltopdf with DejaVu Sans
 * embedded (Cyrillic on any machine), each page followed by its citation block. The HTML becomes a
 * W3C document through jsoup, so whatever the renderer wrote is well-formed for the layout. The
 * pictures a page shows of its own files ({@link ExportedPart#images}) are printed at the text's
 * width at most ({@link PrintedPage#pictureSize}), their captions under them; every other image is
 * replaced by its caption. The layout engine reads nothing by address but those pictures, from
 * memory: it would otherwise fetch any address a page names, from the server. Blocks: call on a
 * worker.
 */
final class PdfWriter {
  private static final String FAMILY = "DejaVu Sans";

  /**
   * The scheme of the addresses the document's own pictures get ({@code picture:0}, …): the only
   * addresses the layout engine is let read, each from memory.
   */
  private static final String PICTURE = "picture";

  private static final String STYLE =
      """
      @page { size: A4; margin: MARGINS; @bottom-center { content: counter(page);
        font-family: 'DejaVu Sans'; font-size: 8pt; color: #666; } }
      body { font-family: 'DejaVu Sans'; font-size: 10.5pt; line-height: 1.45; color: #111; }
      h1 { font-size: 17pt; margin: 0 0 0.6em; } h2 { font-size: 14pt; } h3 { font-size: 12pt; }
      table { border-collapse: collapse; margin: 0.6em 0; }
      th, td { border: 1px solid #999; padding: 3px 6px; vertical-align: top; }
      th { background: #eee; }
      pre, code { font-family: 'DejaVu Sans'; font-size: 9pt; background: #f4f4f4; }
      pre { padding: 0.5em; white-space: pre-wrap; }
      blockquote { border-left: 3px solid #bbb; margin-left: 0; padding-left: 0.8em; color: #333; }
      a { color: #1a4f8b; }
      .part + .part { page-break-before: always; }
      .citation { margin-top: 1.5em; border-top: 1px solid #999; padding-top: 0.4em;
        font-size: 8.5pt; page-break-inside: avoid; }
      .citation h2 { font-size: 10pt; margin: 0 0 0.3em; }
      .citation table { border: none; margin: 0; width: 100%; }
      .citation th, .citation td { border: none; background: none; padding: 1px 4px 1px 0;
        text-align: left; }
      .citation th { width: 9em; }
      .citation a { word-wrap: break-word; }
      .citation .reference { background: #f4f4f4; padding: 0.4em; }
      .picture { display: block; margin: 0.5em 0; page-break-inside: avoid; }
      .picture img { display: block; }
      .picture .caption { display: block; margin-top: 0.25em; font-size: 8.5pt; color: #444; }
      """
          .replace(
              "MARGINS", PrintedPage.MARGIN_TOP_CM + "cm " + PrintedPage.MARGIN_SIDE_CM + "cm");

  static {
    // openhtmltopdf logs each export's steps at INFO on stderr (java.util.logging), eight lines a
    // document; its warnings are worth a line, the rest is noise in a server's output.
    XRLog.listRegisteredLoggers().forEach(name -> XRLog.setLevel(name, Level.WARNING));
  }

  private PdfWriter() {}

  static byte[] write(List<ExportedPart> parts, ZoneId zone, LocalDate accessed) {
    StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"ru\"><head>");
    html.append("<meta charset=\"utf-8\"><title>");
    html.append(Entities.escape(parts.getFirst().citation().title())).append("</title>");
    html.append("<style>").append(STYLE).append("</style></head><body>");
    for (ExportedPart part : parts) {
      String title = part.citation().title();
      html.append("<div class=\"part\"><h1>").append(Entities.escape(title)).append("</h1>");
      html.append(Outline.withoutTitleHeading(part.html(), title));
      html.append(CitationHtml.html(part.citation(), zone, accessed)).append("</div>");
    }
    html.append("</body></html>");
    Document doc = Jsoup.parse(html.toString());
    Map<String, byte[]> pictures = pictures(doc, parts);
    return render(new W3CDom().fromJsoup(doc), pictures);
  }

  /**
   * Each {@code <img>} with a picture becomes that picture, under an address of its own, at its
   * printed size with its caption under it; any other becomes its caption. The pictures by their
   * addresses.
   */
  private static Map<String, byte[]> pictures(Document doc, List<ExportedPart> parts) {
    Map<String, DocumentImage> images = new HashMap<>();
    parts.forEach(part -> images.putAll(part.images()));
    Map<String, String> addresses = new HashMap<>();
    Map<String, byte[]> pictures = new HashMap<>();
    for (Element img : doc.select("img")) {
      String caption = img.attr("alt").strip();
      DocumentImage image = images.get(img.attr("src"));
      if (image == null) {
        img.replaceWith(new TextNode(caption.isEmpty() ? "[рисунок]" : caption));
        continue;
      }
      String address =
          addresses.computeIfAbsent(img.attr("src"), src -> PICTURE + ":" + addresses.size());
      pictures.put(address, image.bytes());
      Element cell = img.closest("td, th");
      double[] size =
          PrintedPage.pictureSize(
              image.width(),
              image.height(),
              cell == null
                  ? PrintedPage.TEXT_WIDTH_PT
                  : PrintedPage.cellWidth(cell.parent().select("> td, > th").size()));
      Element figure = new Element("span").addClass("picture");
      figure
          .appendElement("img")
          .attr("src", address)
          .attr("alt", caption)
          .attr(
              "style",
              String.format(Locale.ROOT, "width: %.1fpt; height: %.1fpt", size[0], size[1]));
      if (!caption.isEmpty()) {
        figure.appendElement("span").addClass("caption").text(caption);
      }
      // The page's link around its picture leads to the file on the server: nothing a PDF opens.
      Element link = img.parent();
      boolean own = link != null && link.tagName().equals("a") && link.hasClass("attachment-image");
      (own ? link : img).replaceWith(figure);
    }
    return pictures;
  }

  private static byte[] render(org.w3c.dom.Document doc, Map<String, byte[]> pictures) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, Fonts.METRICS);
      builder.useFont(
          () -> new ByteArrayInputStream(Fonts.REGULAR), FAMILY, 400, FontStyle.NORMAL, true);
      builder.useFont(
          () -> new ByteArrayInputStream(Fonts.BOLD), FAMILY, 700, FontStyle.NORMAL, true);
      // Nothing outside the document is ever read: no stylesheets, images or fonts by address;
      // only the document's own pictures, from memory (every other address resolves to nothing,
      // and a resource whose address resolves to nothing is not read).
      builder.useUriResolver((base, uri) -> pictures.containsKey(uri) ? uri : null);
      builder.useProtocolsStreamImplementation(address -> picture(pictures, address), PICTURE);
      builder.withW3cDocument(doc, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static FSStream picture(Map<String, byte[]> pictures, String address) {
    byte[] bytes = pictures.get(address);
    return new FSStream() {
      @Override
      public InputStream getStream() {
        return bytes == null ? null : new ByteArrayInputStream(bytes);
      }

      @Override
      public Reader getReader() {
        return null;
      }
    };
  }

  /**
   * DejaVu Sans, regular and bold, read from the jar once per process (at the first export) and
   * kept as bytes, and the metrics the renderer computes from them, kept across exports. (Profiled:
   * a warm export of 30 printed pages takes about 0.1 s of CPU, most of it layout and PDFBox
   * writing the text; the seconds an export took were a cold JVM on a busy machine.)
   */
  private static final class Fonts {
    static final byte[] REGULAR = read("DejaVuSans.ttf");
    static final byte[] BOLD = read("DejaVuSans-Bold.ttf");
    static final FSCacheEx<String, FSCacheValue> METRICS = new FSDefaultCacheStore();

    private static byte[] read(String name) {
      try (InputStream in = PdfWriter.class.getResourceAsStream("/fonts/" + name)) {
        if (in == null) {
          throw new IllegalStateException("fonts/" + name + " is missing from the jar");
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
