package ru.metodichka.attachment;

/**
 * A content stored whole: its id, hash, size, sniffed media type and, for an image whose header was
 * read, its dimensions.
 */
public record StoredBlob(
    long id, String sha256, long size, String mediaType, Integer width, Integer height) {}
