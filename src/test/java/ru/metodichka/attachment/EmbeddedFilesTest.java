package ru.metodichka.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The address of a page's file's preview read back: only exactly the one a page carries. */
class EmbeddedFilesTest {
  private static final String OWN =
      "/api/communities/fg/pages/%D0%B4%D1%80%D0%BE%D0%B1%D0%B8/attachments/"
          + "%D1%81%D1%85%D0%B5%D0%BC%D0%B0%20%D1%83%D1%80%D0%BE%D0%BA%D0%B0.png/preview";

  @Test
  void aPagesOwnPreviewNamesItsFile() {
    assertThat(EmbeddedFiles.previewed("fg", "дроби", OWN)).isEqualTo("схема урока.png");
  }

  @Test
  void anyOtherAddressNamesNothing() {
    assertThat(EmbeddedFiles.previewed("fg", "другая", OWN)).isNull();
    assertThat(EmbeddedFiles.previewed("other", "дроби", OWN)).isNull();
    assertThat(EmbeddedFiles.previewed("fg", "дроби", OWN.replace("/preview", ""))).isNull();
    assertThat(EmbeddedFiles.previewed("fg", "дроби", "https://example.org" + OWN)).isNull();
    assertThat(EmbeddedFiles.previewed("fg", "дроби", OWN.replace("%20", "+"))).isNull();
    assertThat(
            EmbeddedFiles.previewed(
                "fg", "дроби", "/api/communities/fg/pages/дроби/attachments/a.png/preview"))
        .isNull();
    assertThat(
            EmbeddedFiles.previewed(
                "fg",
                "дроби",
                "/api/communities/fg/pages/%D0%B4%D1%80%D0%BE%D0%B1%D0%B8/attachments//preview"))
        .isNull();
    assertThat(
            EmbeddedFiles.previewed(
                "fg", "дроби", "/api/communities/fg/pending-files/x/a.png/preview"))
        .isNull();
    assertThat(EmbeddedFiles.previewed("fg", "дроби", null)).isNull();
  }
}
