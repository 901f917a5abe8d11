package ru.metodichka.render;

import com.vladsch.flexmark.ext.wikilink.WikiNode;
import java.util.regex.Pattern;

/**
 * Reads our wiki link syntax out of flexmark's wiki nodes, so that rendering and link extraction
 * agree on what a link means.
 */
final class WikiLinkSyntax {
  // The same characters community slugs are made of (see community.Slugs): letters of any script,
  // digits, and - _ . inside. "[[Урок: введение]]" is still a title with a colon: the target must
  // follow the colon without a space.
  private static final Pattern COMMUNITY =
      Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}\\p{M}_.-]*");

  private WikiLinkSyntax() {}

  /** The link a node stands for; its target is empty when the node is not a usable link. */
  static WikiLink link(WikiNode node) {
    String link = node.getLink().toString();
    // In a table cell GFM users escape the pipe, "[[Target\|text]]"; flexmark then leaves the
    // backslash on the target. No title ends with a backslash, so it is dropped.
    if (link.endsWith("\\")) {
      link = link.substring(0, link.length() - 1);
    }
    return parse(link);
  }

  /** The text a node shows: what follows the pipe, or else the target. */
  static String text(WikiNode node, WikiLink link) {
    String text = node.getText().toString().strip();
    boolean piped = !node.getTextSeparatorMarker().isEmpty();
    return piped && !text.isEmpty() ? text : link.target();
  }

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
