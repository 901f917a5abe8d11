package ru.metodichka.search;

/** HTML escaping and cutting of highlighted passages. */
final class Snippets {
  private Snippets() {}

  private static final String OPEN = "<mark>";
  private static final String CLOSE = "</mark>";

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#x27;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Cuts escaped, highlighted HTML to about {@code max} visible characters around its first match,
   * never inside an entity or a {@code <mark>} tag, and keeps the marks balanced.
   */
  static String trim(String html, int max) {
    if (html.length() <= max) {
      return html;
    }
    int first = Math.max(0, html.indexOf(OPEN));
    int start = Math.max(0, first - max / 3);
    StringBuilder out = new StringBuilder(max + 32);
    boolean open = false;
    int visible = 0;
    int i = 0;
    while (i < html.length() && visible < max) {
      int end = unitEnd(html, i);
      String unit = html.substring(i, end);
      if (unit.equals(OPEN) || unit.equals(CLOSE)) {
        open = unit.equals(OPEN);
        if (i >= start) {
          out.append(unit);
        }
      } else if (i >= start) {
        if (out.isEmpty() && open) {
          out.append(OPEN);
        }
        out.append(unit);
        visible++;
      }
      i = end;
    }
    if (open) {
      out.append(CLOSE);
    }
    String body = out.toString().strip();
    return (start > 0 ? "… " : "") + body + (i < html.length() ? " …" : "");
  }

  /** End of the unit at {@code i}: a whole mark tag, a whole entity, or one character. */
  private static int unitEnd(String html, int i) {
    if (html.startsWith(OPEN, i)) {
      return i + OPEN.length();
    }
    if (html.startsWith(CLOSE, i)) {
      return i + CLOSE.length();
    }
    if (html.charAt(i) == '&') {
      int semicolon = html.indexOf(';', i);
      if (semicolon > i && semicolon - i <= 10) {
        return semicolon + 1;
      }
    }
    return i + 1;
  }
}
