package ru.metodichka.wordio;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFStreamEngine;
import org.apache.pdfbox.contentstream.operator.DrawObject;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.contentstream.operator.state.Concatenate;
import org.apache.pdfbox.contentstream.operator.state.Restore;
import org.apache.pdfbox.contentstream.operator.state.Save;
import org.apache.pdfbox.contentstream.operator.state.SetGraphicsStateParameters;
import org.apache.pdfbox.contentstream.operator.state.SetMatrix;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.util.Matrix;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** The pictures a written document holds, read back: a PDF's with PDFBox, a .docx's with POI. */
final class DocumentPictures {
  private DocumentPictures() {}

  /**
   * A picture as a document holds it: its size in pixels, the size it is printed at (points), and
   * its description (the .docx's; null in a PDF).
   */
  record Picture(int width, int height, double printedWidth, double printedHeight, String text) {}

  /** Every image a PDF draws on its pages, in order. */
  static List<Picture> inPdf(byte[] pdf) throws IOException {
    List<Picture> found = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      Drawn drawn = new Drawn(found);
      for (PDPage page : doc.getPages()) {
        drawn.processPage(page);
      }
    }
    return found;
  }

  /** Every picture in a .docx's paragraphs, those in tables' cells included, in order. */
  static List<Picture> inDocx(byte[] docx) throws IOException {
    List<Picture> found = new ArrayList<>();
    try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
      List<XWPFParagraph> paragraphs = new ArrayList<>();
      for (IBodyElement element : doc.getBodyElements()) {
        if (element instanceof XWPFParagraph p) {
          paragraphs.add(p);
        } else if (element instanceof XWPFTable table) {
          table
              .getRows()
              .forEach(
                  row ->
                      row.getTableCells().forEach(cell -> paragraphs.addAll(cell.getParagraphs())));
        }
      }
      for (XWPFParagraph p : paragraphs) {
        for (XWPFRun run : p.getRuns()) {
          for (XWPFPicture picture : run.getEmbeddedPictures()) {
            var image = ImageIO.read(new ByteArrayInputStream(picture.getPictureData().getData()));
            found.add(
                new Picture(
                    image.getWidth(),
                    image.getHeight(),
                    picture.getWidth(),
                    picture.getDepth(),
                    picture.getDescription()));
          }
        }
      }
    }
    return found;
  }

  /** Follows a page's content: where each image is drawn (its matrix's scale, in points). */
  private static final class Drawn extends PDFStreamEngine {
    private final List<Picture> found;

    Drawn(List<Picture> found) {
      this.found = found;
      addOperator(new Concatenate(this));
      addOperator(new DrawObject(this));
      addOperator(new SetGraphicsStateParameters(this));
      addOperator(new Save(this));
      addOperator(new Restore(this));
      addOperator(new SetMatrix(this));
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
      if ("Do".equals(operator.getName()) && operands.getFirst() instanceof COSName name) {
        PDXObject object = getResources().getXObject(name);
        if (object instanceof PDImageXObject image) {
          Matrix m = getGraphicsState().getCurrentTransformationMatrix();
          found.add(
              new Picture(
                  image.getWidth(),
                  image.getHeight(),
                  m.getScalingFactorX(),
                  m.getScalingFactorY(),
                  null));
          return;
        }
      }
      super.processOperator(operator, operands);
    }
  }
}
