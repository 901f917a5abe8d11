package ru.metodichka.changes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.auth.Person;
import ru.metodichka.page.PageStatus;

/**
 * One revision in the recent changes, with what happened at it.
 *
 * @param id the revision's id: the list's order and its cursor
 * @param delta characters added (positive) or removed (negative) against the previous revision
 * @param revertedFrom the revision whose text this one restored, or null
 * @param resolvedConflictWith the revision whose edit conflict this save settled (the conflict
 *     screen's «разрешён конфликт с версией N»), or null
 * @param reviews what the review workflow did at this revision ({@code reviewed}, {@code
 *     requested}, {@code returned}), in order
 * @param lifecycle what the page's lifecycle did at this revision ({@code renamed}, {@code moved},
 *     {@code retired}, {@code restored}), in order
 */
public record ChangeEntry(
    long id,
    String community,
    String communityName,
    String slug,
    PageStatus status,
    String title,
    String kind,
    int revision,
    String summary,
    OffsetDateTime createdAt,
    int size,
    int delta,
    boolean merged,
    Integer revertedFrom,
    Integer resolvedConflictWith,
    Person author,
    List<String> reviews,
    List<String> lifecycle) {

  public ChangeEntry {
    reviews = List.copyOf(reviews);
    lifecycle = List.copyOf(lifecycle);
  }

  /**
   * The marks the list shows, in order: {@code merged} (a save merged with a colleague's), {@code
   * revert}, {@code resolved} (a save that settled an edit conflict), then the review workflow's
   * and the lifecycle's acts.
   */
  public List<String> marks() {
    List<String> marks = new ArrayList<>();
    if (merged) {
      marks.add("merged");
    }
    if (revertedFrom != null) {
      marks.add("revert");
    }
    if (resolvedConflictWith != null) {
      marks.add("resolved");
    }
    marks.addAll(reviews);
    marks.addAll(lifecycle);
    return marks;
  }

  /** {@code /c/{community}/{slug}}: the page's address now. */
  public String path() {
    return "/c/" + community + "/" + slug;
  }
}
