package ru.metodichka.evaluation;

import java.util.List;

/**
 * A chart as server-rendered SVG, the same drawing on the screen, in print and in the PDF (no
 * script draws it, so it needs none), with its figures as a table for screen readers.
 *
 * @param title what the chart shows, also its accessible name
 * @param bars the figures, in the order drawn
 * @param columns vertical bars (a series over time) rather than horizontal ones (categories)
 */
public record Chart(String title, List<Bar> bars, boolean columns) {
  private static final int WIDTH = 640;
  private static final int BAR = 22;
  private static final int GAP = 8;
  private static final int LABEL = 230;
  private static final String[] COLOURS = {"#2b6cb0", "#2f855a", "#b7791f", "#9b2c2c", "#6b46c1"};

  /** A figure: its label, its value, and its colour's number (0 the main one). */
  public record Bar(String label, long value, int colour) {
    public Bar(String label, long value) {
      this(label, value, 0);
    }
  }

  public boolean empty() {
    return bars.stream().allMatch(b -> b.value() == 0);
  }

  /** The SVG element: bars with their values written beside them, labels in the drawing. */
  public String svg() {
    return columns ? columnsSvg() : barsSvg();
  }

  private long max() {
    return Math.max(1, bars.stream().mapToLong(Bar::value).max().orElse(1));
  }

  private String barsSvg() {
    int height = Math.max(1, bars.size()) * (BAR + GAP) + GAP;
    StringBuilder svg = open(WIDTH, height);
    int plot = WIDTH - LABEL - 60;
    long max = max();
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = GAP + i * (BAR + GAP);
      int w = (int) Math.round((double) plot * b.value() / max);
      // About 7 px a character at 12 px: the label area holds 32.
      text(svg, LABEL - 6, y + BAR * 0.7, "end", shorten(b.label(), 31));
      svg.append("<rect x=\"")
          .append(LABEL)
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(Math.max(w, b.value() > 0 ? 2 : 0))
          .append("\" height=\"")
          .append(BAR)
          .append("\" fill=\"")
          .append(colour(b))
          .append("\"/>");
      text(svg, LABEL + w + 6, y + BAR * 0.7, "start", String.valueOf(b.value()));
    }
    return svg.append("</svg>").toString();
  }

  private String columnsSvg() {
    int height = 220;
    int base = height - 40;
    StringBuilder svg = open(WIDTH, height);
    int n = Math.max(1, bars.size());
    double step = (WIDTH - 20.0) / n;
    double width = Math.min(48, step * 0.7);
    long max = max();
    svg.append("<line x1=\"10\" y1=\"")
        .append(base)
        .append("\" x2=\"")
        .append(WIDTH - 10)
        .append("\" y2=\"")
        .append(base)
        .append("\" stroke=\"#718096\"/>");
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      double x = 10 + i * step + (step - width) / 2;
      int h = (int) Math.round((base - 30.0) * b.value() / max);
      svg.append("<rect x=\"")
          .append(fmt(x))
          .append("\" y=\"")
          .append(base - h)
          .append("\" width=\"")
          .append(fmt(width))
          .append("\" height=\"")
          .append(h)
          .append("\" fill=\"")
          .append(colour(b))
          .append("\"/>");
      text(svg, x + width / 2, base - h - 6, "middle", String.valueOf(b.value()));
      text(svg, x + width / 2, base + 18, "middle", shorten(b.label(), 12), 10);
    }
    return svg.append("</svg>").toString();
  }

  private StringBuilder open(int width, int height) {
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"")
        .append(width)
        .append("\" height=\"")
        .append(height)
        .append("\" viewBox=\"0 0 ")
        .append(width)
        .append(' ')
        .append(height)
        .append("\" aria-label=\"")
        .append(escape(title))
        .append("\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\"><title>")
        .append(escape(title))
        .append("</title>");
    return svg;
  }

  private static void text(StringBuilder svg, double x, double y, String anchor, String text) {
    text(svg, x, y, anchor, text, 12);
  }

  private static void text(
      StringBuilder svg, double x, double y, String anchor, String text, int size) {
    svg.append("<text x=\"")
        .append(fmt(x))
        .append("\" y=\"")
        .append(fmt(y))
        .append("\" text-anchor=\"")
        .append(anchor)
        .append("\" font-size=\"")
        .append(size)
        .append("\" fill=\"#1a202c\">")
        .append(escape(text))
        .append("</text>");
  }

  private static String colour(Bar b) {
    return COLOURS[Math.floorMod(b.colour(), COLOURS.length)];
  }

  private static String fmt(double v) {
    return String.format(java.util.Locale.ROOT, "%.1f", v);
  }

  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** Escapes text for XML content and attribute values. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\t') {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
