package ru.metodichka.attachment;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * The name a file is kept and served under, made from whatever the client sent: the last segment of
 * any path ({@code ../../etc/passwd} is {@code passwd}), without control or formatting characters
 * (which could hide an extension or break a header), without the characters file systems refuse,
 * without leading dots (no hidden files) or trailing dots and spaces, at most {@value #MAX}
 * characters with the extension kept. Never empty.
 */
public final class FileNames {
  static final int MAX = 200;
  private static final String FALLBACK = "файл";
  private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Co}\\p{Cn}]");
  private static final Pattern RESERVED = Pattern.compile("[<>:\"|?*\\\\/]");
  private static final Pattern SPACES = Pattern.compile("\\s+");

  private FileNames() {}

  /** The safe form of {@code raw} (null or blank gives a fallback name). */
  public static String sanitize(String raw) {
    if (raw == null) {
      return FALLBACK;
    }
    String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    name = INVISIBLE.matcher(name).replaceAll("");
    name = RESERVED.matcher(name).replaceAll("_");
    name = SPACES.matcher(name).replaceAll(" ").strip();
    name = name.replaceFirst("^[.\\s]+", "").replaceFirst("[.\\s]+$", "");
    if (name.codePointCount(0, name.length()) > MAX) {
      name = shorten(name);
    }
    return name.isEmpty() ? FALLBACK : name;
  }

  /** The extension after the last dot, lower case, or "" without one. */
  public static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
  }

  private static String shorten(String name) {
    String ext = extension(name);
    String suffix = ext.isEmpty() || ext.length() > 10 ? "" : "." + ext;
    String base = suffix.isEmpty() ? name : name.substring(0, name.length() - suffix.length());
    int keep = MAX - suffix.length();
    int end = base.offsetByCodePoints(0, Math.min(keep, base.codePointCount(0, base.length())));
    return base.substring(0, end).strip() + suffix;
  }
}
