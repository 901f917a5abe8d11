package ru.metodichka.attachment;

import java.time.OffsetDateTime;

/** One upload under an attachment's name: its content (a stored blob) and who sent it when. */
public record AttachmentVersion(
    int number,
    long blobId,
    String sha256,
    long size,
    String mediaType,
    Integer width,
    Integer height,
    String uploadedBy,
    OffsetDateTime uploadedAt) {
  /** The stored content of this version. */
  StoredBlob blob() {
    return new StoredBlob(blobId, sha256, size, mediaType, width, height);
  }
}
