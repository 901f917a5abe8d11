package ru.metodichka.attachment;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Images made fit to go into a document (.docx, PDF), both of which take JPEG and PNG safely: a
 * JPEG or PNG as it is, a JPEG whose EXIF turns it turned as browsers turn it, a GIF (its first
 * frame) or WebP as a PNG. Each is decoded once whatever its type, so a damaged image is known here
 * and never reaches a document's writer. Pure and blocking: call on a worker.
 */
public final class DocumentImages {
  /**
   * The most pixels decoded: 1200 × 10,000, 48 MB as the decoder holds them. A preview is at most
   * {@value ImagePreviews#WIDTH} pixels wide but an image that narrow is its own preview, of any
   * height up to {@link Images#MAX_PIXELS}; printed on an A4 page, one taller than about eight
   * times its width would be a sliver anyway.
   */
  static final long MAX_PIXELS = 12_000_000L;

  private static final Logger LOG = LoggerFactory.getLogger(DocumentImages.class);

  private DocumentImages() {}

  /** An image as a document embeds it: PNG or JPEG bytes and its size in pixels. */
  public record DocumentImage(byte[] bytes, boolean png, int width, int height) {}

  /**
   * {@code image} as a document embeds it; empty for anything ImageIO cannot decode (a damaged
   * file, a type it does not read) or that is larger than {@value #MAX_PIXELS} pixels.
   */
  public static Optional<DocumentImage> embeddable(byte[] image) {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        return Optional.empty();
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        String format = reader.getFormatName().toLowerCase(Locale.ROOT);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (width <= 0 || height <= 0 || (long) width * height > MAX_PIXELS) {
          return Optional.empty();
        }
        BufferedImage decoded = reader.read(0);
        return Optional.of(embeddable(image, format, decoded));
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("An image is left out of a document: {}", e.toString());
      return Optional.empty();
    }
  }

  private static DocumentImage embeddable(byte[] image, String format, BufferedImage decoded)
      throws IOException {
    int width = decoded.getWidth();
    int height = decoded.getHeight();
    return switch (format) {
      case "png" -> new DocumentImage(image, true, width, height);
      case "jpeg", "jpg" -> upright(image, decoded);
      default -> new DocumentImage(png(decoded), true, width, height);
    };
  }

  /** A JPEG as it is, or turned as its EXIF orientation says (a document would not turn it). */
  private static DocumentImage upright(byte[] jpeg, BufferedImage decoded) throws IOException {
    int orientation = ImagePreviews.orientation(jpeg);
    if (orientation <= 1) {
      return new DocumentImage(jpeg, false, decoded.getWidth(), decoded.getHeight());
    }
    ImagePreviews.Made turned = ImagePreviews.encode(ImagePreviews.orient(decoded, orientation));
    return new DocumentImage(
        turned.bytes(), turned.mediaType().equals("image/png"), turned.width(), turned.height());
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (!ImageIO.write(image, "png", out)) {
      throw new IOException("no PNG writer for the image");
    }
    return out.toByteArray();
  }
}
