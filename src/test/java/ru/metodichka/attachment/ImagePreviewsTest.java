package ru.metodichka.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Previews: a page's width at most, upright, transparent where the image is, never a bomb. */
class ImagePreviewsTest {
  @Test
  void aWideImageBecomesAJpegAPageWideWithItsProportions() throws IOException {
    ImagePreviews.Made made = ImagePreviews.make(Pictures.png(5000, 2500, false));
    assertThat(made.mediaType()).isEqualTo("image/jpeg");
    assertThat(made.width()).isEqualTo(ImagePreviews.WIDTH);
    assertThat(made.height()).isEqualTo(600);
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(made.bytes()));
    assertThat(read.getWidth()).isEqualTo(1200);
    assertThat(read.getHeight()).isEqualTo(600);
    // The red stripe on the left is still red, the blue circle in the middle still blue.
    assertThat(red(read.getRGB(20, 300))).isTrue();
    assertThat(new Color(read.getRGB(600, 300)).getBlue()).isGreaterThan(200);
    assertThat(new Color(read.getRGB(600, 300)).getRed()).isLessThan(60);
  }

  @Test
  void aTransparentImageStaysTransparent() throws IOException {
    ImagePreviews.Made made = ImagePreviews.make(Pictures.png(2400, 1000, true));
    assertThat(made.mediaType()).isEqualTo("image/png");
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(made.bytes()));
    assertThat(read.getWidth()).isEqualTo(1200);
    assertThat(read.getColorModel().hasAlpha()).isTrue();
    assertThat(new Color(read.getRGB(1190, 10), true).getAlpha()).isZero();
  }

  @Test
  void aPhotoTurnedByItsCameraIsShownUpright() throws IOException {
    // Stored 3000 wide and 2000 high, to be shown turned a quarter clockwise (EXIF 6).
    byte[] photo = Pictures.jpegWithOrientation(3000, 2000, 6);
    assertThat(ImagePreviews.orientation(photo)).isEqualTo(6);
    ImagePreviews.Made made = ImagePreviews.make(photo);
    assertThat(made.width()).isEqualTo(1200);
    assertThat(made.height()).isEqualTo(1800);
    BufferedImage read = ImageIO.read(new ByteArrayInputStream(made.bytes()));
    // The stored image's red left edge is the top once turned clockwise; its right edge (white)
    // the bottom.
    assertThat(red(read.getRGB(600, 20))).isTrue();
    assertThat(red(read.getRGB(600, 1780))).isFalse();
    assertThat(red(read.getRGB(20, 900))).isFalse();
  }

  @Test
  void aWebpIsReadAndItsPreviewMade() throws IOException {
    byte[] webp = Pictures.webp();
    Integer[] size = Images.dimensions("image/webp", webp);
    assertThat(size).containsExactly(Pictures.WEBP_WIDTH, Pictures.WEBP_HEIGHT);
    ImagePreviews.Made made = ImagePreviews.make(webp);
    assertThat(made.width()).isEqualTo(1200);
    assertThat(made.height()).isEqualTo(600);
    assertThat(made.mediaType()).isEqualTo("image/jpeg");
  }

  @Test
  void anImageClaimingTooManyPixelsIsNeverDecoded() {
    byte[] bomb = Documents.pngHeader(100_000, 100_000);
    assertThatThrownBy(() -> ImagePreviews.make(bomb))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("not decoded");
  }

  @Test
  void somethingThatIsNoImageFails() {
    assertThatThrownBy(() -> ImagePreviews.make("не картинка".getBytes()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void theSizeShownIsThePreviewsOrTheImagesOwn() {
    assertThat(ImagePreviews.shownSize(800, 600)).containsExactly(800, 600);
    assertThat(ImagePreviews.shownSize(2400, 1000)).containsExactly(1200, 500);
    assertThat(ImagePreviews.needed(1200)).isFalse();
    assertThat(ImagePreviews.needed(1201)).isTrue();
  }

  private static boolean red(int rgb) {
    Color c = new Color(rgb);
    return c.getRed() > 200 && c.getGreen() < 60 && c.getBlue() < 60;
  }
}
