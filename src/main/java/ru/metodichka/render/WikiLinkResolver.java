package ru.metodichka.render;

/**
 * Decides where a wiki link points and whether its target exists; supplied by the caller per
 * render. The renderer never builds wiki URLs itself: whatever {@code href} says is used, after the
 * sanitizer has checked it like any other link.
 */
@FunctionalInterface
public interface WikiLinkResolver {
  /**
   * Resolves one link; called once per occurrence, on the rendering thread; must not return null.
   */
  Resolution resolve(WikiLink link);

  /**
   * What a wiki link becomes.
   *
   * @param kind a link to a page, a red link to create a missing one, or plain text
   * @param href the address for a link (usually relative, such as {@code /c/math/дроби}); null for
   *     text
   */
  record Resolution(Kind kind, String href) {
    /** A link to a page the reader may see. */
    public static Resolution existing(String href) {
      return new Resolution(Kind.EXISTING, href);
    }

    /** A red link: the page is missing and the reader may create it at {@code href}. */
    public static Resolution missing(String href) {
      return new Resolution(Kind.MISSING, href);
    }

    /**
     * No link at all, for a reader who may neither see the target nor create it: the text is shown
     * marked as a missing page, without revealing whether a hidden page exists.
     */
    public static Resolution text() {
      return new Resolution(Kind.TEXT, null);
    }
  }

  /** The three things a wiki link can become. */
  enum Kind {
    EXISTING,
    MISSING,
    TEXT
  }
}
