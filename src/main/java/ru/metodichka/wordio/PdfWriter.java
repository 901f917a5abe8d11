package ru.metodichka.wordio;

import com.openhtmltopdf.extend.FSCacheEx;
import com.openhtmltopdf.extend.FSCacheValue;
import com.openhtmltopdf.extend.impl.FSDefaultCacheStore;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import ru.metodichka.render.Outline;

/**
 * Pages as a print-ready PDF: their sanitised HTML laid out by openhtmltopdf with DejaVu Sans
 * embedded (Cyrillic on any machine), each page followed by its citation block. The HTML becomes a
 * W3C document through jsoup, so whatever the renderer wrote is well-formed for the layout. Images
 * are replaced by their descriptions: the layout engine would otherwise fetch any address a page
 * names, from the server. Blocks: call on a worker.
 */
final class PdfWriter {
  private static final String FAMILY = "DejaVu Sans";
  private static final String STYLE =
      """
      @page { size: A4; margin: 2cm 1.8cm; @bottom-center { content: counter(page);
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
      """;

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
    for (Element img : doc.select("img")) {
      img.replaceWith(new TextNode(img.attr("alt").isBlank() ? "[рисунок]" : img.attr("alt")));
    }
    return render(new W3CDom().fromJsoup(doc));
  }

  private static byte[] render(org.w3c.dom.Document doc) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useCacheStore(PdfRendererBuilder.CacheStore.PDF_FONT_METRICS, Fonts.METRICS);
      builder.useFont(
          () -> new ByteArrayInputStream(Fonts.REGULAR), FAMILY, 400, FontStyle.NORMAL, true);
      builder.useFont(
          () -> new ByteArrayInputStream(Fonts.BOLD), FAMILY, 700, FontStyle.NORMAL, true);
      // Nothing outside the document is ever read: no stylesheets, images or fonts by address.
      builder.useUriResolver((base, uri) -> null);
      builder.withW3cDocument(doc, null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
