package ru.metodichka.page.history;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.diff.TextDiff;
import ru.metodichka.page.LifecycleService;
import ru.metodichka.page.PageReader;
import ru.metodichka.page.RenderedRevision;
import ru.metodichka.page.ReviewService;
import ru.metodichka.page.Visibility;
import ru.metodichka.page.VisiblePage;

/**
 * What the history screens and routes read: a page's revisions, one old revision, two revisions
 * compared, and what a revert would bring back. Visibility is {@link PageReader}'s: a draft's
 * history does not exist for those who may not see the draft.
 */
public final class HistoryReader {
  private static final int CONTEXT_LINES = 3;
  private final Pool pool;
  private final PageReader pages;
  private final ReviewService reviews;
  private final LifecycleService lifecycle;
  private final HistoryRepository revisions = new HistoryRepository();

  public HistoryReader(
      Pool pool, PageReader pages, ReviewService reviews, LifecycleService lifecycle) {
    this.pool = pool;
    this.pages = pages;
    this.reviews = reviews;
    this.lifecycle = lifecycle;
  }

  /**
   * The page and up to {@code limit} revisions numbered below {@code before}, newest first, with
   * the review workflow's and the lifecycle's marks; of a published page, only the revisions up to
   * the reviewed one for anyone but its community's insiders.
   */
  public Future<PageHistory> history(
      CurrentUser actor, String community, String slug, int before, int limit) {
    return pages
        .visible(actor, community, slug)
        .compose(
            v -> {
              int upTo = Visibility.shownRevision(v.access(), v.page());
              boolean moderator = v.access().moderator();
              var list =
                  revisions
                      .list(pool, v.page().id(), Math.min(before, upTo + 1), limit)
                      .map(
                          entries ->
                              entries.stream()
                                  .map(e -> e.hidden() && !moderator ? e.withoutSummary() : e)
                                  .toList());
              var events = reviews.events(v);
              var acts = lifecycle.events(v);
              return Future.all(list, events, acts)
                  .map(all -> new PageHistory(v, list.result(), events.result(), acts.result()));
            });
  }

  /** One revision with its HTML. */
  public Future<RevisionView> revision(
      CurrentUser actor, String community, String slug, int number) {
    return pages
        .visible(actor, community, slug)
        .compose(v -> pages.rendered(v, number).map(r -> new RevisionView(v, r)));
  }

  /** Line hunks between two revisions, as asked (not reordered), three lines of context. */
  public Future<Diff> diff(CurrentUser actor, String community, String slug, int from, int to) {
    return pages
        .visible(actor, community, slug)
        .compose(
            v ->
                pages
                    .revision(v, from)
                    .compose(
                        a ->
                            pages
                                .revision(v, to)
                                .map(
                                    b ->
                                        new Diff(
                                            a,
                                            b,
                                            TextDiff.diff(
                                                a.markdown(), b.markdown(), CONTEXT_LINES)))));
  }

  /**
   * Two revisions side by side; the older one is always {@code from}, whichever was asked first.
   */
  public Future<Comparison> compare(
      CurrentUser actor, String community, String slug, int from, int to) {
    int older = Math.min(from, to);
    int newer = Math.max(from, to);
    return pages
        .visible(actor, community, slug)
        .compose(
            v ->
                pages
                    .revision(v, older)
                    .compose(a -> pages.revision(v, newer).map(b -> Comparison.of(v, a, b))));
  }

  /**
   * The revision a revert would bring back, without its HTML, for the confirmation screen. Only
   * those who may revert get it: 401 for anonymous visitors, 403 for non-members.
   */
  public Future<RevisionView> revertable(
      CurrentUser actor, String community, String slug, int number) {
    return pages
        .visible(actor, community, slug)
        .map(HistoryReader::mayRevert)
        .compose(
            v ->
                pages
                    .revision(v, number)
                    .map(r -> new RevisionView(v, new RenderedRevision(r, ""))));
  }

  /** Reverting is editing: the same people may do it. */
  private static VisiblePage mayRevert(VisiblePage v) {
    v.access().requireEditor();
    return v;
  }
}
