package ru.metodichka.moderation;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.diff.Hunk;
import ru.metodichka.diff.TextDiff;
import ru.metodichka.page.Checklist;
import ru.metodichka.page.PublishChecklist;
import ru.metodichka.page.history.SideBySide;

/**
 * The moderators' review queue (§4.8: moderators prepare materials for the bank): the pages of the
 * communities they moderate (an administrator: all) that wait for a review — sent «на проверку»
 * with the member's note, or published with edits the public does not read yet — oldest first, each
 * with the difference from the reviewed revision and the authors since; a page not yet in the bank
 * comes with its publish checklist instead. Reviewing and returning are {@link
 * ru.metodichka.page.ReviewService}'s acts, which the queue's forms call.
 */
public final class ReviewQueue {
  /** The queue shows the oldest pages first, this many at most. */
  static final int LIMIT = 100;

  private static final int CONTEXT_LINES = 3;
  private final Pool pool;
  private final PublishChecklist checklists;
  private final ReviewQueueRepository queue = new ReviewQueueRepository();

  public ReviewQueue(Pool pool, PublishChecklist checklists) {
    this.pool = pool;
    this.checklists = checklists;
  }

  /** One page of the queue, with what the moderator needs to decide. */
  public record Item(
      QueueEntry entry, List<Hunk> hunks, List<SideBySide.Row> rows, Checklist checklist) {
    public Item {
      hunks = List.copyOf(hunks);
      rows = List.copyOf(rows);
    }

    /** Whether the title changed since the reviewed revision. */
    public boolean retitled() {
      return entry.reviewedTitle() != null && !entry.reviewedTitle().equals(entry.title());
    }
  }

  /** The queue of a logged-in user (empty for one who moderates nothing); 401 for visitors. */
  public Future<List<Item>> of(CurrentUser actor) {
    actor.requireLoggedIn();
    return queue.list(pool, actor, LIMIT).compose(entries -> items(actor, entries));
  }

  /** How many pages wait for this user's review (0 for visitors and non-moderators). */
  public Future<Long> count(CurrentUser actor) {
    return actor.anonymous() ? Future.succeededFuture(0L) : queue.count(pool, actor);
  }

  private Future<List<Item>> items(CurrentUser actor, List<QueueEntry> entries) {
    List<Future<Item>> items = new ArrayList<>();
    for (QueueEntry e : entries) {
      items.add(item(actor, e));
    }
    return Future.all(items).map(all -> all.<Item>list());
  }

  /**
   * A published page: the diff from its reviewed revision. One not yet in the bank: the whole text
   * is new, so its checklist says more than a diff from nothing.
   */
  private Future<Item> item(CurrentUser actor, QueueEntry e) {
    if (e.reviewedRevision() != null) {
      return Future.succeededFuture(
          new Item(
              e,
              TextDiff.diff(e.reviewedMarkdown(), e.markdown(), CONTEXT_LINES),
              SideBySide.of(e.reviewedMarkdown(), e.markdown()),
              null));
    }
    return checklists
        .of(actor, e.community(), e.slug())
        .map(list -> new Item(e, List.of(), List.of(), list));
  }
}
