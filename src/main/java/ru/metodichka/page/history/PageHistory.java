package ru.metodichka.page.history;

import java.util.List;
import ru.metodichka.page.LifecycleEvent;
import ru.metodichka.page.ReviewEvent;
import ru.metodichka.page.Visibility;
import ru.metodichka.page.VisiblePage;

/**
 * A page and a part of its history, newest first, with the review workflow's events (reviews,
 * requests for one, returns) and the lifecycle's (renames, moves, retirements, restorations) done
 * at the revisions its reader may read.
 */
public record PageHistory(
    VisiblePage visible,
    List<RevisionEntry> revisions,
    List<ReviewEvent> reviews,
    List<LifecycleEvent> lifecycle) {
  public PageHistory {
    revisions = List.copyOf(revisions);
    reviews = List.copyOf(reviews);
    lifecycle = List.copyOf(lifecycle);
  }

  /** The lifecycle acts done at revision {@code number}, newest first. */
  public List<LifecycleEvent> lifecycleOf(int number) {
    return lifecycle.stream().filter(e -> e.revision() == number).toList();
  }

  /** The review events about revision {@code number}, newest first. */
  public List<ReviewEvent> reviewsOf(int number) {
    return reviews.stream().filter(r -> r.revision() == number).toList();
  }

  /** The newest revision the reader reads: the latest for insiders, the reviewed one otherwise. */
  public int shown() {
    return Visibility.shownRevision(visible.access(), visible.page());
  }

  /** Whether {@code number} is the revision the public reads now. */
  public boolean publicRevision(int number) {
    return visible.page().publicRevision() == number;
  }
}
