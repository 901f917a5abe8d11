package ru.metodichka.changes;

import java.time.OffsetDateTime;

/**
 * Which recent changes to list: all filters optional (null).
 *
 * @param community a community's slug: its changes only
 * @param author a login: that user's revisions only
 * @param kind a result kind's code: revisions of pages of that kind only
 * @param since revisions saved at or after this moment only
 * @param mine the reader's own communities only (those they are an insider of)
 * @param before the cursor: revisions listed after this one (older), from the previous slice
 * @param limit how many at most
 */
public record ChangeFilter(
    String community,
    String author,
    String kind,
    OffsetDateTime since,
    boolean mine,
    Long before,
    int limit) {

  /** The first slice of everything the reader may see. */
  public static ChangeFilter all(int limit) {
    return new ChangeFilter(null, null, null, null, false, null, limit);
  }
}
