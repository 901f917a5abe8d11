package ru.metodichka.attachment;

import com.drew.imaging.ImageMetadataReader;
import com.drew.imaging.ImageProcessingException;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Resized copies of images for pages: at most {@value #WIDTH} pixels wide (a page's text column is
 * narrower; a reader who wants more follows the link to the whole file). Pure and blocking: call on
 * a worker.
 *
 * <p>Memory stays bounded whatever the image: its size is read from the header first and an image
 * over {@link Images#MAX_PIXELS} is never decoded; a large one is decoded subsampled (every n-th
 * pixel), so no more than about twice the preview's width is ever held, then halved step by step
 * and scaled bilinearly (each step at most halves, which keeps thin lines and text legible). A
 * photo's EXIF orientation is applied, as browsers apply it to the original. The copy is a PNG when
 * the image has transparency, a JPEG otherwise. An animated GIF keeps its first frame.
 */
final class ImagePreviews {
  /** The widest preview, in pixels. */
  static final int WIDTH = 1200;

  private static final float JPEG_QUALITY = 0.85f;

  private ImagePreviews() {}

  /** A preview made: its bytes, type and size. */
  record Made(byte[] bytes, String mediaType, int width, int height) {}

  /** Whether an image this wide needs a preview at all (a narrower one is shown as it is). */
  static boolean needed(int width) {
    return width > WIDTH;
  }

  /** The size an image is shown at on a page: its own, or scaled to {@value #WIDTH} wide. */
  static int[] shownSize(int width, int height) {
    if (!needed(width)) {
      return new int[] {width, height};
    }
    return new int[] {WIDTH, Math.max(1, (int) Math.round((double) height * WIDTH / width))};
  }

  /**
   * A preview of {@code image}: throws IOException for anything ImageIO cannot read, and for an
   * image of more than {@link Images#MAX_PIXELS} pixels (never decoded).
   */
  static Made make(byte[] image) throws IOException {
    int orientation = orientation(image);
    BufferedImage decoded = decode(image, orientation >= 5);
    BufferedImage upright = orient(decoded, orientation);
    BufferedImage small = scale(upright, WIDTH);
    return encode(small);
  }

  /** Decodes, subsampled; {@code turned}: the image's height is the width it is shown at. */
  private static BufferedImage decode(byte[] image, boolean turned) throws IOException {
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IOException("not an image ImageIO reads");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        if (!Images.decodable(width, height)) {
          throw new IOException("image of " + width + "×" + height + " pixels is not decoded");
        }
        ImageReadParam param = reader.getDefaultReadParam();
        // Every n-th pixel of every n-th row: between two and four times the preview's width.
        int step = Math.max(1, (turned ? height : width) / (2 * WIDTH));
        param.setSourceSubsampling(step, step, 0, 0);
        return reader.read(0, param);
      } finally {
        reader.dispose();
      }
    }
  }

  /** The EXIF orientation (1 to 8; 1 is upright), 1 when there is none or it cannot be read. */
  static int orientation(byte[] image) {
    try {
      var metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(image));
      ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
      if (exif == null || !exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
        return 1;
      }
      int value = exif.getInt(ExifIFD0Directory.TAG_ORIENTATION);
      return value >= 1 && value <= 8 ? value : 1;
    } catch (ImageProcessingException | MetadataException | IOException | RuntimeException e) {
      return 1;
    }
  }

  /** The image turned and mirrored as its EXIF orientation says (TIFF 6.0's eight values). */
  static BufferedImage orient(BufferedImage image, int orientation) {
    if (orientation <= 1) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = orientation >= 5;
    AffineTransform t = new AffineTransform();
    switch (orientation) {
      case 2 -> t.scale(-1, 1);
      case 3 -> t.rotate(Math.PI);
      case 4 -> t.scale(1, -1);
      case 5 -> {
        t.rotate(Math.PI / 2);
        t.scale(1, -1);
      }
      case 6 -> t.rotate(Math.PI / 2);
      case 7 -> {
        t.rotate(-Math.PI / 2);
        t.scale(1, -1);
      }
      case 8 -> t.rotate(-Math.PI / 2);
      default -> {}
    }
    // Where the turned image's corners land, moved back to the origin.
    var bounds = t.createTransformedShape(new java.awt.Rectangle(0, 0, w, h)).getBounds2D();
    AffineTransform shifted = AffineTransform.getTranslateInstance(-bounds.getX(), -bounds.getY());
    shifted.concatenate(t);
    BufferedImage out = blank(swap ? h : w, swap ? w : h, image.getColorModel().hasAlpha());
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(image, shifted, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** Halves while more than twice too wide, then one bilinear step to the width. */
  static BufferedImage scale(BufferedImage image, int maxWidth) {
    BufferedImage current = image;
    while (current.getWidth() > maxWidth) {
      int width = Math.max(maxWidth, current.getWidth() / 2);
      int height =
          Math.max(1, (int) Math.round((double) current.getHeight() * width / current.getWidth()));
      current = resized(current, width, height);
    }
    return current;
  }

  private static BufferedImage resized(BufferedImage image, int width, int height) {
    BufferedImage out = blank(width, height, image.getColorModel().hasAlpha());
    Graphics2D g = out.createGraphics();
    try {
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
      g.drawImage(image, 0, 0, width, height, null);
    } finally {
      g.dispose();
    }
    return out;
  }

  private static BufferedImage blank(int width, int height, boolean alpha) {
    return new BufferedImage(
        width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
  }

  /** The image as a JPEG, or as a PNG when it has transparency. */
  static Made encode(BufferedImage image) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    if (image.getColorModel().hasAlpha()) {
      ImageIO.write(image, "png", bytes);
      return new Made(bytes.toByteArray(), "image/png", image.getWidth(), image.getHeight());
    }
    BufferedImage rgb = image;
    if (image.getType() != BufferedImage.TYPE_INT_RGB) {
      // Grey, indexed or CMYK-converted images: JPEG's writer wants plain RGB.
      rgb = resized(image, image.getWidth(), image.getHeight());
    }
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      ImageWriteParam param = writer.getDefaultWriteParam();
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(JPEG_QUALITY);
      writer.write(null, new IIOImage(rgb, null, null), param);
    } finally {
      writer.dispose();
    }
    return new Made(bytes.toByteArray(), "image/jpeg", rgb.getWidth(), rgb.getHeight());
  }
}
