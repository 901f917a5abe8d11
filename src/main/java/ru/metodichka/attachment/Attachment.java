package ru.metodichka.attachment;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A named file of a page with its versions, oldest first (the latest is served under the name).
 *
 * @param text the state of its latest version's text extraction ({@code pending}, {@code done}, …),
 *     or null for a type whose text is not extracted
 */
public record Attachment(
    long id,
    long pageId,
    String name,
    boolean hidden,
    OffsetDateTime createdAt,
    List<AttachmentVersion> versions,
    String text,
    long downloads) {
  public Attachment {
    versions = List.copyOf(versions);
  }

  public AttachmentVersion latest() {
    return versions.getLast();
  }
}
