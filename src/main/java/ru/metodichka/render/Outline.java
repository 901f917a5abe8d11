package ru.metodichka.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table of contents of a rendered page: its headings with their ids, read back from the
 * sanitizer's output (which writes every heading as {@code <hN id="...">...</hN>}), so the links
 * always match the ids on the page and the cached HTML is the only input.
 */
public final class Outline {
  private static final Pattern HEADING =
      Pattern.compile("<h([1-4]) id=\"([^\"]+)\">(.*?)</h\\1>", Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]+|#x[0-9a-fA-F]+|amp|lt|gt|quot);");

  /** One heading: its level (1–4), its id (unescaped) and its text without markup. */
  public record Heading(int level, String id, String text) {}

  private Outline() {}

  public static List<Heading> of(String html) {
    List<Heading> headings = new ArrayList<>();
    Matcher m = HEADING.matcher(html);
    while (m.find()) {
      String text = unescape(TAG.matcher(m.group(3)).replaceAll("")).strip();
      if (!text.isEmpty()) {
        headings.add(new Heading(Integer.parseInt(m.group(1)), unescape(m.group(2)), text));
      }
    }
    return headings;
  }

  /**
   * The HTML without its first heading when that is a level-1 heading repeating the page's title
   * (many pages begin so), since the screen already shows the title above it.
   */
  public static String withoutTitleHeading(String html, String title) {
    Matcher m = HEADING.matcher(html);
    if (m.lookingAt()
        && m.group(1).equals("1")
        && unescape(TAG.matcher(m.group(3)).replaceAll("")).strip().equals(title.strip())) {
      return html.substring(m.end()).stripLeading();
    }
    return html;
  }

  private static String codePoint(String entity) {
    try {
      int code =
          entity.startsWith("#x")
              ? Integer.parseInt(entity.substring(2), 16)
              : Integer.parseInt(entity.substring(1));
      return Character.isValidCodePoint(code) ? Character.toString(code) : "";
    } catch (NumberFormatException e) {
      return "";
    }
  }

  private static String unescape(String escaped) {
    Matcher m = ENTITY.matcher(escaped);
    StringBuilder out = new StringBuilder(escaped.length());
    while (m.find()) {
      String entity = m.group(1);
      String replacement =
          switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            default -> codePoint(entity);
          };
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
