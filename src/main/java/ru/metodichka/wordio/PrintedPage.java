package ru.metodichka.wordio;

/**
 * The printed page of every export, PDF and .docx alike: A4, 2 cm margins above and below, 1.8 cm
 * on either side, so a picture sized here fits the text in both.
 */
final class PrintedPage {
  static final double WIDTH_CM = 21.0;
  static final double HEIGHT_CM = 29.7;
  static final double MARGIN_TOP_CM = 2.0;
  static final double MARGIN_SIDE_CM = 1.8;

  /** The text's width: 17.4 cm, about 493 points. */
  static final double TEXT_WIDTH_PT = points(WIDTH_CM - 2 * MARGIN_SIDE_CM);

  /**
   * The tallest a picture is printed: three quarters of the text's height (about 19 cm), so that a
   * tall picture leaves room on its page for its caption and a line of text.
   */
  static final double MAX_PICTURE_HEIGHT_PT = 0.75 * points(HEIGHT_CM - 2 * MARGIN_TOP_CM);

  /** What a table cell's padding and borders take of its width, about: 0.2 cm on either side. */
  static final double CELL_PADDING_PT = 12;

  /** Points in a CSS pixel: a pixel is 1/96 inch, a point 1/72. */
  private static final double POINTS_PER_PIXEL = 0.75;

  private PrintedPage() {}

  static double points(double cm) {
    return cm / 2.54 * 72;
  }

  /** Twentieths of a point, Word's unit for page sizes and margins. */
  static int twips(double cm) {
    return (int) Math.round(points(cm) * 20);
  }

  /**
   * The size a picture of {@code width} × {@code height} pixels is printed at, in points: its size
   * on a screen (96 pixels an inch, as a browser shows it), made smaller, its proportions kept,
   * until it fits {@code maxWidth} (the text's width, {@link #TEXT_WIDTH_PT}, or a table cell's,
   * {@link #cellWidth}) and {@link #MAX_PICTURE_HEIGHT_PT}. Never made larger.
   */
  static double[] pictureSize(int width, int height, double maxWidth) {
    double w = width * POINTS_PER_PIXEL;
    double h = height * POINTS_PER_PIXEL;
    double scale = Math.min(1, Math.min(maxWidth / w, MAX_PICTURE_HEIGHT_PT / h));
    return new double[] {w * scale, h * scale};
  }

  /**
   * The width of a cell's content in a table of {@code columns} columns, which share the text's
   * width equally (as the exports lay tables out).
   */
  static double cellWidth(int columns) {
    return TEXT_WIDTH_PT / Math.max(1, columns) - CELL_PADDING_PT;
  }
}
