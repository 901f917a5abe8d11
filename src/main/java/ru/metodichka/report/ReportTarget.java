package ru.metodichka.report;

/**
 * What a report is about: a page, one of its revisions or one of its comments.
 *
 * @param kind {@code page}, {@code revision} or {@code comment}
 * @param revision the revision's number for {@code revision}, null otherwise
 * @param comment the comment's id for {@code comment}, null otherwise
 */
public record ReportTarget(
    String kind, String community, String slug, Integer revision, Long comment) {}
