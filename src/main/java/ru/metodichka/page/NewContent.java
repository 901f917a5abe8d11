package ru.metodichka.page;

/**
 * The content a save or revert will append, and the text it replaces (for the ledger's count of
 * characters added and removed).
 */
record NewContent(
    String title,
    String kind,
    String markdown,
    boolean merged,
    Integer revertedFrom,
    Revision replaced) {

  /** True when appending this would repeat the current revision. */
  boolean sameAs(Revision current) {
    return current.number() > 0
        && markdown.equals(current.markdown())
        && title.equals(current.title())
        && kind.equals(current.kind());
  }
}
