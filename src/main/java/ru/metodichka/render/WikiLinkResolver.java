package ru.metodichka.render;

/** Decides where a wiki link points and whether its target exists; supplied per render. */
public interface WikiLinkResolver {
  Resolution resolve(WikiLink link);

  /** The link's address and whether a page is there. */
  record Resolution(String href, boolean exists) {}
}
