package ru.metodichka.web;

import io.vertx.core.buffer.Buffer;

/**
 * Screens kept in memory as every anonymous reader gets them (the public copy of a published page),
 * answered by {@link FromMemory} before the router sees the request.
 */
public interface MemoryCopies {
  /**
   * The HTML kept for this address as an anonymous reader in this language gets it, counted as
   * read; null when the screen's own route must answer (nothing kept, or this reader is the one to
   * render a stale copy again). Only an address the screen's own route answered and kept can be
   * answered here, so which route owns an address is still the router's decision.
   *
   * @param site the site's public address ({@link PublicUrl#base})
   * @param uri the request's path and query as sent
   * @param lang the response's language ({@link Locales})
   */
  Buffer copy(String site, String uri, String lang);
}
