package ru.metodichka.wordio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDrawing;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import ru.metodichka.attachment.DocumentImages.DocumentImage;

/**
 * The printed page of a Word export ({@link PrintedPage}: A4 with the PDF's margins, which Word
 * would otherwise take from its own defaults) and the pictures on it, sized to its text.
 */
final class DocxPage {
  private DocxPage() {}

  /** Makes the document's page A4 with the PDF's margins. */
  static void a4(XWPFDocument doc) {
    CTSectPr section = doc.getDocument().getBody().addNewSectPr();
    CTPageSz size = section.addNewPgSz();
    size.setW(BigInteger.valueOf(PrintedPage.twips(PrintedPage.WIDTH_CM)));
    size.setH(BigInteger.valueOf(PrintedPage.twips(PrintedPage.HEIGHT_CM)));
    CTPageMar margins = section.addNewPgMar();
    BigInteger top = BigInteger.valueOf(PrintedPage.twips(PrintedPage.MARGIN_TOP_CM));
    BigInteger side = BigInteger.valueOf(PrintedPage.twips(PrintedPage.MARGIN_SIDE_CM));
    margins.setTop(top);
    margins.setBottom(top);
    margins.setLeft(side);
    margins.setRight(side);
  }

  /**
   * The picture in {@code run} at its printed size ({@link PrintedPage#pictureSize}, in EMU), no
   * wider than {@code maxWidth} points, the caption as its description (what Word shows as its
   * alternative text); false when POI refuses it.
   */
  static boolean picture(XWPFRun run, DocumentImage image, String caption, double maxWidth) {
    double[] size = PrintedPage.pictureSize(image.width(), image.height(), maxWidth);
    int type = image.png() ? Document.PICTURE_TYPE_PNG : Document.PICTURE_TYPE_JPEG;
    String name = "picture." + (image.png() ? "png" : "jpg");
    try (ByteArrayInputStream in = new ByteArrayInputStream(image.bytes())) {
      XWPFPicture picture =
          run.addPicture(in, type, name, Units.toEMU(size[0]), Units.toEMU(size[1]));
      picture.getCTPicture().getNvPicPr().getCNvPr().setDescr(caption);
      CTDrawing drawing = run.getCTR().getDrawingArray(run.getCTR().sizeOfDrawingArray() - 1);
      drawing.getInlineArray(0).getDocPr().setDescr(caption);
      return true;
    } catch (InvalidFormatException | IOException e) {
      return false;
    }
  }
}
