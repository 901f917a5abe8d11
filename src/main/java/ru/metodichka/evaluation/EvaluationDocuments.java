package ru.metodichka.evaluation;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/**
 * The evaluation's print-ready PDF reports in Russian: one community's (figures, the five charts,
 * the assessment, the results and the plan) and the overview of every community. Laid out from
 * XHTML by openhtmltopdf, its SVG charts drawn by Batik, with DejaVu Sans embedded (shipped in the
 * jar, {@code fonts/}, so a machine without fonts writes the same file). Blocks: call on a worker.
 */
public final class EvaluationDocuments {
  static final String FAMILY = "DejaVu Sans";
  private final ZoneId zone;
  private final Clock clock;
  private final String centre;
  private volatile Fonts fonts;

  /**
   * @param centre the centre's name, at the head of each report ({@code centre.name})
   */
  public EvaluationDocuments(ZoneId zone, Clock clock, String centre) {
    this.zone = zone;
    this.clock = clock;
    this.centre = centre;
  }

  /** One community's report. */
  byte[] pdf(Report report) {
    ReportText text = ReportText.russian(zone);
    return render(ReportHtml.community(report, text, centre, clock.instant()));
  }

  /** The overview of every community for a period. */
  byte[] overviewPdf(Period period, List<Evaluation> rows) {
    ReportText text = ReportText.russian(zone);
    return render(ReportHtml.overview(period, rows, text, centre, clock.instant()));
  }

  private byte[] render(String xhtml) {
    Fonts f = fonts();
    // Batik draws the charts' text with the fonts the document's @font-face rules name.
    String faces =
        "@font-face { font-family: '%1$s'; src: url('%2$s'); font-weight: 400; }\n"
                .formatted(FAMILY, f.regular().toUri())
            + "@font-face { font-family: '%1$s'; src: url('%2$s'); font-weight: 700; }\n"
                .formatted(FAMILY, f.bold().toUri());
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useFont(f.regular().toFile(), FAMILY, 400, FontStyle.NORMAL, true);
      builder.useFont(f.bold().toFile(), FAMILY, 700, FontStyle.NORMAL, true);
      builder.useSVGDrawer(new BatikSVGDrawer());
      builder.withHtmlContent(xhtml.replace("<style>", "<style>" + faces), null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The renderer and Batik read fonts from files: the jar's copies, written once per process. */
  private Fonts fonts() {
    Fonts f = fonts;
    if (f == null) {
      synchronized (this) {
        if (fonts == null) {
          fonts = new Fonts(extract("DejaVuSans.ttf"), extract("DejaVuSans-Bold.ttf"));
        }
        f = fonts;
      }
    }
    return f;
  }

  private static Path extract(String name) {
    try (InputStream in = EvaluationDocuments.class.getResourceAsStream("/fonts/" + name)) {
      if (in == null) {
        throw new IllegalStateException("fonts/" + name + " is missing from the jar");
      }
      Path file = Files.createTempFile("metodichka-", "-" + name);
      file.toFile().deleteOnExit();
      Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private record Fonts(Path regular, Path bold) {}
}
