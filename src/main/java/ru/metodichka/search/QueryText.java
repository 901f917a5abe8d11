package ru.metodichka.search;

import java.util.Optional;

/**
 * What a user typed, made safe to parse: control and format characters and broken surrogate pairs
 * become spaces, whitespace is collapsed, and the text is cut to {@link #MAX_CHARS} (at a word
 * boundary where there is one) and {@link #MAX_WORDS} words — a 10,000-character paste must not
 * become ten thousand clauses. Also the wrong-keyboard-layout check (`ghjtrn` ↔ «проект»).
 */
final class QueryText {
  private QueryText() {}

  /** Longest query kept, in characters. */
  static final int MAX_CHARS = 200;

  /** Most words kept. */
  static final int MAX_WORDS = 24;

  private static final String LATIN =
      "`qwertyuiop[]asdfghjkl;'zxcvbnm,.~QWERTYUIOP{}ASDFGHJKL:ZXCVBNM<>";
  private static final String CYRILLIC =
      "ёйцукенгшщзхъфывапролджэячсмитьбюЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЯЧСМИТЬБЮ";

  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARS + 1));
    int words = 0;
    boolean space = true;
    for (int i = 0; i < text.length() && out.length() <= MAX_CHARS; i++) {
      char c = text.charAt(i);
      boolean usable = !Character.isISOControl(c) && !Character.isWhitespace(c) && !isFormat(c);
      if (Character.isHighSurrogate(c)) {
        usable = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        if (usable) {
          out.append(c).append(text.charAt(++i));
          space = false;
          continue;
        }
      } else if (Character.isLowSurrogate(c)) {
        usable = false;
      }
      if (usable) {
        out.append(c);
        space = false;
      } else if (!space) {
        if (++words >= MAX_WORDS) {
          break;
        }
        out.append(' ');
        space = true;
      }
    }
    return cut(out).strip();
  }

  private static boolean isFormat(char c) {
    return Character.getType(c) == Character.FORMAT;
  }

  private static String cut(StringBuilder text) {
    if (text.length() <= MAX_CHARS) {
      return text.toString();
    }
    int space = text.lastIndexOf(" ", MAX_CHARS);
    int end = space > MAX_CHARS / 2 ? space : MAX_CHARS;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }

  /**
   * The text as it would have come out in the other keyboard layout (ЙЦУКЕН ↔ QWERTY), or empty
   * when the text mixes both alphabets or has neither, or nothing changes.
   */
  static Optional<String> otherLayout(String text) {
    boolean latin = false;
    boolean cyrillic = false;
    for (int i = 0; i < text.length(); i++) {
      Character.UnicodeScript script = Character.UnicodeScript.of(text.codePointAt(i));
      latin |= script == Character.UnicodeScript.LATIN;
      cyrillic |= script == Character.UnicodeScript.CYRILLIC;
    }
    if (latin == cyrillic) {
      return Optional.empty();
    }
    String from = latin ? LATIN : CYRILLIC;
    String to = latin ? CYRILLIC : LATIN;
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int at = from.indexOf(c);
      out.append(at >= 0 ? to.charAt(at) : c);
    }
    String swapped = out.toString();
    return swapped.equals(text) ? Optional.empty() : Optional.of(swapped);
  }
}
