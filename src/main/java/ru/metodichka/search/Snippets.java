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
   * never inside an entity or a {@code <mark>} tag, and keeps the marks balanced. A cut falls
   * between words: the text starts after a space and ends before one («… проблема, на решение …»,
   * not «… облема, на решение …»).
   */
  static String trim(String html, int max) {
    if (html.length() <= max) {
      return html;
    }
    int first = Math.max(0, html.indexOf(OPEN));
    int start = wordStart(html, Math.max(0, first - max / 3), first);
    StringBuilder out = new StringBuilder(max + 32);
    boolean open = false;
    int visible = 0;
    int i = 0;
    int lastSpace = -1;
    boolean openAtLastSpace = false;
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
        if (unit.length() == 1 && SentenceBreaks.space(unit.charAt(0))) {
          lastSpace = out.length();
          openAtLastSpace = open;
        }
        out.append(unit);
        visible++;
      }
      i = end;
    }
    boolean cut = i < html.length();
    if (cut && !SentenceBreaks.space(html.charAt(i)) && lastSpace > out.length() / 2) {
      out.setLength(lastSpace);
      open = openAtLastSpace;
    }
    if (open) {
      out.append(CLOSE);
    }
    String body = out.toString().strip();
    return (start > 0 ? "… " : "") + body + (cut ? " …" : "");
  }

  /**
   * The first word start at or after {@code from} and not after {@code limit} (the first match);
   * {@code from} itself when it starts a word or no space lies between.
   */
  private static int wordStart(String html, int from, int limit) {
    if (from == 0 || SentenceBreaks.space(html.charAt(from - 1))) {
      return from;
    }
    for (int i = from; i < limit; i++) {
      if (SentenceBreaks.space(html.charAt(i))) {
        return i + 1;
      }
    }
    return from;
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
