package ru.metodichka.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import ru.metodichka.attachment.DocumentImages.DocumentImage;

/**
 * Images made fit for documents: JPEG and PNG kept byte for byte, GIF and WebP made PNGs, a turned
 * photo turned upright, anything damaged or too large left out.
 */
class DocumentImagesTest {
  @Test
  void aPngAndAJpegAreKeptAsTheyAre() throws IOException {
    byte[] png = Pictures.png(300, 200, true);
    DocumentImage fromPng = DocumentImages.embeddable(png).orElseThrow();
    assertThat(fromPng.bytes()).isEqualTo(png);
    assertThat(fromPng.png()).isTrue();
    assertThat(fromPng.width()).isEqualTo(300);
    assertThat(fromPng.height()).isEqualTo(200);

    byte[] jpeg = Pictures.jpegWithOrientation(320, 240, 1);
    DocumentImage fromJpeg = DocumentImages.embeddable(jpeg).orElseThrow();
    assertThat(fromJpeg.bytes()).isEqualTo(jpeg);
    assertThat(fromJpeg.png()).isFalse();
    assertThat(fromJpeg.width()).isEqualTo(320);
  }

  @Test
  void aGifBecomesAPngOfItsFirstFrame() throws IOException {
    BufferedImage image = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
    var g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(0, 0, 60, 40);
    g.dispose();
    ByteArrayOutputStream gif = new ByteArrayOutputStream();
    ImageIO.write(image, "gif", gif);
    DocumentImage made = DocumentImages.embeddable(gif.toByteArray()).orElseThrow();
    assertThat(made.png()).isTrue();
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(made.bytes()));
    assertThat(
            ImageIO.getImageReadersByFormatName("png")
                .next()
                .getOriginatingProvider()
                .canDecodeInput(
                    ImageIO.createImageInputStream(new ByteArrayInputStream(made.bytes()))))
        .isTrue();
    assertThat(read.getWidth()).isEqualTo(60);
    assertThat(new Color(read.getRGB(30, 20)).getRed()).isGreaterThan(200);
  }

  @Test
  void aWebpBecomesAPng() throws IOException {
    DocumentImage made = DocumentImages.embeddable(Pictures.webp()).orElseThrow();
    assertThat(made.png()).isTrue();
    assertThat(made.width()).isEqualTo(Pictures.WEBP_WIDTH);
    assertThat(made.height()).isEqualTo(Pictures.WEBP_HEIGHT);
    assertThat(ImageIO.read(new ByteArrayInputStream(made.bytes())).getWidth())
        .isEqualTo(Pictures.WEBP_WIDTH);
  }

  @Test
  void aTurnedPhotoIsTurnedUprightAsABrowserShowsIt() {
    // Orientation 6: the camera was held on its side; shown turned a quarter clockwise.
    DocumentImage made =
        DocumentImages.embeddable(Pictures.jpegWithOrientation(400, 300, 6)).orElseThrow();
    assertThat(made.width()).isEqualTo(300);
    assertThat(made.height()).isEqualTo(400);
  }

  @Test
  void aDamagedOrHugeImageIsLeftOut() {
    byte[] png = Pictures.png(300, 200, false);
    assertThat(DocumentImages.embeddable(Arrays.copyOf(png, png.length / 2))).isEmpty();
    assertThat(DocumentImages.embeddable("not an image".getBytes())).isEmpty();
    assertThat(DocumentImages.embeddable(new byte[0])).isEmpty();
    // 1000 × 13,000 pixels: over the 12 megapixels a document's picture may have.
    assertThat(DocumentImages.embeddable(Pictures.png(1000, 13_000, false))).isEmpty();
  }
}
