package ru.metodichka.community;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Slugs of communities and pages: letters of any script (Cyrillic welcome), digits, and {@code - _
 * .} inside; at most 100 characters; unique ignoring case.
 */
public final class Slugs {
  public static final int MAX_LENGTH = 100;
  private static final Pattern VALID =
      Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}\\p{M}_.-]*[\\p{L}\\p{N}\\p{M}])?");
  // Words the web interface uses as path segments next to page slugs (/c/{community}/new).
  private static final Set<String> RESERVED =
      Set.of(
          "new",
          "edit",
          "history",
          "diff",
          "members",
          "settings",
          "search",
          "feed",
          "api",
          "plan",
          "changes",
          "structure",
          "evaluation",
          "meetings",
          "import");
  private static final Pattern NOT_SLUG_CHARS = Pattern.compile("[^\\p{L}\\p{N}\\p{M}_.-]+");
  private static final Pattern DASHES = Pattern.compile("-{2,}");

  private Slugs() {}

  /** True when the text can be used as a slug as it is. */
  public static boolean isValid(String slug) {
    if (slug == null || slug.isEmpty() || slug.length() > MAX_LENGTH) {
      return false;
    }
    String normal = Normalizer.normalize(slug, Normalizer.Form.NFC);
    return VALID.matcher(normal).matches() && !RESERVED.contains(key(normal));
  }

  /** The case-insensitive key a slug is unique under. */
  public static String key(String slug) {
    return Normalizer.normalize(slug, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  /** The key a title is found under by wiki links: case and spacing ignored. */
  public static String titleKey(String title) {
    return key(title.strip().replaceAll("\\s+", " "));
  }

  /**
   * A slug made from a title, as wiki links and the web editor make them: "Проектная деятельность"
   * becomes "проектная-деятельность".
   */
  public static String fromTitle(String title) {
    String slug = NOT_SLUG_CHARS.matcher(key(title.strip())).replaceAll("-");
    slug = DASHES.matcher(slug).replaceAll("-").replaceAll("^[-_.]+|[-_.]+$", "");
    return slug.length() > MAX_LENGTH ? slug.substring(0, MAX_LENGTH) : slug;
  }
}
