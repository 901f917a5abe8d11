package ru.metodichka.page;

/**
 * What a save did: the revision the page now has, and whether the save was merged with changes made
 * meanwhile, created the page, or changed nothing (the same text as the current revision).
 */
public record SaveResult(int revision, boolean merged, boolean created, boolean unchanged) {

  static SaveResult saved(int revision, boolean merged, boolean created) {
    return new SaveResult(revision, merged, created, false);
  }

  static SaveResult unchanged(int revision) {
    return new SaveResult(revision, false, false, true);
  }

  /** 201 when the save created the page, 200 otherwise. */
  public int status() {
    return created ? 201 : 200;
  }
}
