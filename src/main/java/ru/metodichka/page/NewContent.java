package ru.metodichka.page;

/**
 * The content a save or revert will append, and the text it replaces (for the ledger's count of
 * characters added and removed).
 *
 * @param resolvedConflictWith the revision whose conflict with the author this save settles, or
 *     null
 */
record NewContent(
    String title,
    String kind,
    String markdown,
    Metadata metadata,
    boolean merged,
    Integer revertedFrom,
    Revision replaced,
    Integer resolvedConflictWith) {

  NewContent(
      String title,
      String kind,
      String markdown,
      Metadata metadata,
      boolean merged,
      Integer revertedFrom,
      Revision replaced) {
    this(title, kind, markdown, metadata, merged, revertedFrom, replaced, null);
  }

  /** The same content, marked as settling the conflict with revision {@code revision}. */
  NewContent resolving(int revision) {
    return new NewContent(
        title, kind, markdown, metadata, merged, revertedFrom, replaced, revision);
  }

  /**
   * The request's content as sent; a request without a kind or metadata keeps the replaced one's.
   */
  static NewContent as(SaveRequest request, Revision replaced) {
    String kind = request.kind() != null ? request.kind() : replaced.kind();
    Metadata metadata = request.metadata() != null ? request.metadata() : replaced.metadata();
    return new NewContent(
        request.title(), kind, request.markdown(), metadata, false, null, replaced);
  }

  /** The content of an earlier revision, brought back. */
  static NewContent revertTo(Revision target, Revision current) {
    return new NewContent(
        target.title(),
        target.kind(),
        target.markdown(),
        target.metadata(),
        false,
        target.number(),
        current);
  }

  /** The current revision's content under a new title (a rename). */
  static NewContent retitled(Revision current, String title) {
    return new NewContent(
        title, current.kind(), current.markdown(), current.metadata(), false, null, current);
  }

  /** True when appending this would repeat the current revision. */
  boolean sameAs(Revision current) {
    return current.number() > 0
        && markdown.equals(current.markdown())
        && title.equals(current.title())
        && kind.equals(current.kind())
        && metadata.equals(current.metadata());
  }
}
