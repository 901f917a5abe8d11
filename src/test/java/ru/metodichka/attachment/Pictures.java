package ru.metodichka.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import javax.imageio.ImageIO;

/** Images made in tests: a white ground, a red stripe on the left, a blue circle in the middle. */
public final class Pictures {
  /** The size of {@link #webp}, drawn by Chromium's canvas (the JDK writes no WebP). */
  static final int WEBP_WIDTH = 1600;

  static final int WEBP_HEIGHT = 800;

  private Pictures() {}

  /** A PNG; with {@code alpha}, its right half is transparent. */
  public static byte[] png(int width, int height, boolean alpha) {
    BufferedImage image =
        new BufferedImage(
            width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    draw(image);
    if (alpha) {
      for (int x = width / 2; x < width; x++) {
        for (int y = 0; y < height; y++) {
          image.setRGB(x, y, 0);
        }
      }
    }
    return write(image, "png");
  }

  /** A JPEG whose EXIF says how to turn it ({@code orientation}, 1 to 8), as cameras write. */
  static byte[] jpegWithOrientation(int width, int height, int orientation) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    draw(image);
    byte[] jpeg = write(image, "jpeg");
    // An APP1 segment right after the start marker: "Exif", a big-endian TIFF header, one IFD
    // with one entry, Orientation (0x0112), a SHORT.
    ByteBuffer exif = ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4);
    exif.putShort((short) 0xFFE1).putShort((short) (2 + 6 + 8 + 2 + 12 + 4));
    exif.put(new byte[] {'E', 'x', 'i', 'f', 0, 0});
    exif.put(new byte[] {'M', 'M', 0, 42, 0, 0, 0, 8});
    exif.putShort((short) 1);
    exif.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation);
    exif.putShort((short) 0).putInt(0);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(jpeg, 0, 2);
    out.writeBytes(exif.array());
    out.write(jpeg, 2, jpeg.length - 2);
    return out.toByteArray();
  }

  /** A lossy WebP of {@value #WEBP_WIDTH} × {@value #WEBP_HEIGHT} pixels. */
  public static byte[] webp() {
    try (InputStream in = Pictures.class.getResourceAsStream("doli.webp")) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void draw(BufferedImage image) {
    int width = image.getWidth();
    int height = image.getHeight();
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    g.setColor(Color.BLUE);
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.setColor(Color.RED);
    g.fillRect(0, 0, Math.max(1, width / 10), height);
    g.dispose();
  }

  private static byte[] write(BufferedImage image, String format) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(image, format, out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
