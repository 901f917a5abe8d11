package ru.metodichka.render;

import java.util.regex.Pattern;

/**
 * A wiki link as written: {@code [[Target]]}, {@code [[Target|text]]}, {@code [[community:Target]]}
 * or {@code [[community:Target|text]]}.
 *
 * @param community the target community's slug, or null for the page's own community
 * @param target the page title or slug, trimmed
 */
public record WikiLink(String community, String target) {
  // "[[Урок: введение]]" is a title with a colon, not a community: a community prefix is a slug
  // and the target follows the colon without a space.
  private static final Pattern COMMUNITY = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_.-]*");

  /** Splits the link part of {@code [[...]]} into community and target. */
  static WikiLink parse(String link) {
    int colon = link.indexOf(':');
    if (colon > 0 && colon < link.length() - 1) {
      String prefix = link.substring(0, colon).strip();
      String rest = link.substring(colon + 1);
      if (COMMUNITY.matcher(prefix).matches() && !Character.isWhitespace(rest.charAt(0))) {
        return new WikiLink(prefix, rest.strip());
      }
    }
    return new WikiLink(null, link.strip());
  }
}
