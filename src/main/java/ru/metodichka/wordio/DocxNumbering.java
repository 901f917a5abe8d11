package ru.metodichka.wordio;

import java.math.BigInteger;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTInd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTNumLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/**
 * Word's own list numbering for an exported document, so that Word numbers and bullets the lists
 * (and renumbers them when they are edited) and an import reads them back as lists. Two definitions
 * ({@code w:abstractNum}): numbered — every level «1.», «2.», … — and bulleted — «•», «◦», «▪» by
 * level — each level indented by its depth. Every list of the page (an {@code <ol>} or {@code
 * <ul>}, nested ones included) is an instance ({@code w:num}) of one of them that starts afresh at
 * its level, so two numbered lists do not continue each other's numbers.
 */
final class DocxNumbering {
  /** Word's deepest list level is 8 (nine levels). */
  static final int MAX_LEVEL = 8;

  private static final String[] BULLETS = {"•", "◦", "▪"};
  private static final int INDENT_TWIPS = 720;
  private static final int HANGING_TWIPS = 360;
  private final XWPFNumbering numbering;
  private BigInteger numbered;
  private BigInteger bulleted;

  DocxNumbering(XWPFDocument doc) {
    this.numbering = doc.createNumbering();
  }

  /**
   * A new list at {@code level} (0 for a list of its own, 1 for one inside it, …), numbered from
   * {@code start} or bulleted: the id its paragraphs carry ({@code w:numId}).
   */
  BigInteger list(boolean ordered, int level, int start) {
    BigInteger definition = ordered ? numbered() : bulleted();
    BigInteger id = numbering.addNum(definition);
    CTNumLvl override = numbering.getNum(id).getCTNum().addNewLvlOverride();
    override.setIlvl(BigInteger.valueOf(Math.min(level, MAX_LEVEL)));
    override.addNewStartOverride().setVal(BigInteger.valueOf(start));
    return id;
  }

  private BigInteger numbered() {
    if (numbered == null) {
      numbered = numbering.addAbstractNum(new XWPFAbstractNum(definition(0, true)));
    }
    return numbered;
  }

  private BigInteger bulleted() {
    if (bulleted == null) {
      bulleted = numbering.addAbstractNum(new XWPFAbstractNum(definition(1, false)));
    }
    return bulleted;
  }

  private static CTAbstractNum definition(int id, boolean ordered) {
    CTAbstractNum definition = CTAbstractNum.Factory.newInstance();
    definition.setAbstractNumId(BigInteger.valueOf(id));
    for (int level = 0; level <= MAX_LEVEL; level++) {
      CTLvl lvl = definition.addNewLvl();
      lvl.setIlvl(BigInteger.valueOf(level));
      lvl.addNewStart().setVal(BigInteger.ONE);
      lvl.addNewNumFmt().setVal(ordered ? STNumberFormat.DECIMAL : STNumberFormat.BULLET);
      // A nested numbered list counts on its own («1.», not «1.1.»), as the page shows it.
      lvl.addNewLvlText().setVal(ordered ? "%" + (level + 1) + "." : BULLETS[level % 3]);
      CTInd indent = lvl.addNewPPr().addNewInd();
      indent.setLeft(BigInteger.valueOf((long) INDENT_TWIPS * (level + 1)));
      indent.setHanging(BigInteger.valueOf(HANGING_TWIPS));
    }
    return definition;
  }
}
