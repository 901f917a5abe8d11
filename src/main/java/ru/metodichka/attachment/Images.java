package ru.metodichka.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Images read with care: their dimensions come from the header (ImageIO's reader, nothing decoded),
 * and an image of more than {@value #MAX_PIXELS} pixels — a decompression bomb, a few kilobytes
 * that would decode to gigabytes — is refused before anything decodes it.
 */
final class Images {
  static final long MAX_PIXELS = 40_000_000L;

  private Images() {}

  /** {width, height} read from the header of a PNG, JPEG, GIF or WebP; {null, null} otherwise. */
  static Integer[] dimensions(String type, byte[] head) {
    if (!ContentTypes.DECODABLE.contains(type)) {
      return new Integer[] {null, null};
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(head))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        return new Integer[] {null, null};
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        return new Integer[] {reader.getWidth(0), reader.getHeight(0)};
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      return new Integer[] {null, null};
    }
  }

  /** Whether a stored image is too large to decode: it is refused. */
  static boolean tooLarge(StoredBlob blob) {
    return blob.width() != null
        && blob.height() != null
        && (long) blob.width() * blob.height() > MAX_PIXELS;
  }

  /**
   * Whether a file is an image a page may show: a raster type whose size was read from its header
   * and is small enough to decode. Anything else a page links to instead.
   */
  static boolean shown(String type, Integer width, Integer height) {
    return ContentTypes.DECODABLE.contains(type) && decodable(width, height);
  }

  /** Whether an image of these dimensions may be decoded (for a preview, or at all). */
  static boolean decodable(Integer width, Integer height) {
    return width != null
        && height != null
        && width > 0
        && height > 0
        && (long) width * height <= MAX_PIXELS;
  }
}
