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
   * Where a wiki link leads.
   *
   * @param href the link's address, not null (usually relative, such as {@code /c/math/дроби})
   * @param exists false when the page is not written yet: the link is then marked as missing
   */
  record Resolution(String href, boolean exists) {}
}
