package ru.metodichka.wordio;

import java.util.Map;
import ru.metodichka.attachment.DocumentImages.DocumentImage;
import ru.metodichka.page.Citation;

/**
 * One page of an export: its revision's sanitised HTML (wiki links as its reader sees them), how to
 * cite it, and the pictures its {@code <img>} show, by their {@code src} ({@link ExportImages}); an
 * {@code <img>} without one is printed as its caption. A section's export is several, in reading
 * order.
 */
record ExportedPart(Citation citation, String html, Map<String, DocumentImage> images) {
  ExportedPart {
    images = Map.copyOf(images);
  }

  /** A part without pictures: its images are printed as their captions. */
  ExportedPart(Citation citation, String html) {
    this(citation, html, Map.of());
  }
}
