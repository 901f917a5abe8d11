package ru.metodichka.config;

/**
 * How much of the heap each in-memory cache of derived data may fill: one rule for all of them, a
 * share of the JVM's heap limit. A server with the measured 176 MB heap keeps them to about 28 MB
 * together (serving itself keeps about 50 MB live, a rebuild of the index up to 116 MB, in an old
 * generation of 132 MB); a server given a larger heap caches more. Fixed sizes (32 MB of pages, 32
 * million characters of rendered texts, 20,000 lists of similar pages) let a crawler that read
 * 6,000 pages of the 100k fill 135 MB of a 172 MB heap: 85 full collections in a minute, 86 pages a
 * second.
 */
public final class CacheSizes {
  /** Rendered page texts ({@code PageRendering}): a sixteenth of the heap, 11 MB of 176. */
  public static final long RENDERED_TEXTS = share(16);

  /** Pages as sent to visitors ({@code PageViewCache}): a sixteenth, 11 MB of 176. */
  public static final long PUBLIC_PAGES = share(16);

  /** Similar materials beside pages ({@code SearchService}): a thirty-second, 5.5 MB of 176. */
  public static final long SIMILAR_PAGES = share(32);

  private CacheSizes() {}

  private static long share(int parts) {
    return Runtime.getRuntime().maxMemory() / parts;
  }

  /**
   * What a string takes in the heap, at most: the object and two bytes a character (a string with
   * any character beyond Latin-1, every Russian text, is stored so).
   */
  public static int bytes(String s) {
    return s == null ? 0 : 40 + 2 * s.length();
  }
}
