package ru.metodichka.comment;

import java.time.OffsetDateTime;

/** One text a comment had (its first, or one of its author's edits). */
public record CommentVersion(int version, String markdown, OffsetDateTime createdAt) {}
