package ru.metodichka.demo;

import io.vertx.core.Future;
import java.util.Map;
import java.util.stream.IntStream;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.page.LifecycleService;
import ru.metodichka.page.PageService;
import ru.metodichka.page.ReviewService;
import ru.metodichka.page.SaveRequest;

/**
 * The demo pages, saved revision by revision by their authors and published by the community's
 * moderator, as members and moderators do it through the API; then, for some, what happens to a
 * page later: edits waiting for review, a request for a review, a rename, a retirement.
 */
final class DemoPages {
  private final PageService pages;
  private final ReviewService reviews;
  private final LifecycleService lifecycle;
  private final DemoContent content;
  private final Map<String, CurrentUser> people;

  DemoPages(
      PageService pages,
      ReviewService reviews,
      LifecycleService lifecycle,
      DemoContent content,
      Map<String, CurrentUser> people) {
    this.reviews = reviews;
    this.lifecycle = lifecycle;
    this.pages = pages;
    this.content = content;
    this.people = people;
  }

  /** Saves every page in the order of the seed file (so ids and history read naturally). */
  Future<Void> create() {
    return DemoSeed.inOrder(content.pages(), this::page);
  }

  private Future<Void> page(DemoPage page) {
    var numbers = IntStream.range(0, page.revisions().size()).boxed().toList();
    int first = page.revisions().size();
    var later = IntStream.range(0, page.afterPublish().size()).boxed().toList();
    return DemoSeed.inOrder(numbers, base -> save(page, page.revisions().get(base), base))
        .compose(v -> page.publish() ? publish(page) : Future.succeededFuture())
        .compose(
            v -> DemoSeed.inOrder(later, i -> save(page, page.afterPublish().get(i), first + i)))
        .compose(v -> requestReview(page))
        .compose(v -> rename(page))
        .compose(v -> retire(page));
  }

  // Each revision is based on the one before, as when an author opens the current page and saves.
  private Future<Void> save(DemoPage page, DemoPage.DemoRevision revision, int base) {
    // The first revision brings the bank's metadata; later ones keep it.
    SaveRequest request =
        new SaveRequest(
            page.title(),
            revision.markdown(),
            base,
            revision.summary(),
            page.kind(),
            base == 0 ? page.metadata() : null,
            revision.resolvesConflictWith() == null
                ? null
                : new SaveRequest.Resolution(revision.resolvesConflictWith(), null));
    return pages
        .save(people.get(revision.author()), page.community(), page.slug(), request, null)
        .mapEmpty();
  }

  private Future<Void> requestReview(DemoPage page) {
    DemoPage.ReviewRequest request = page.request();
    return request == null
        ? Future.succeededFuture()
        : reviews
            .requestReview(
                people.get(request.author()), page.community(), page.slug(), request.note())
            .mapEmpty();
  }

  private Future<Void> rename(DemoPage page) {
    DemoPage.Rename rename = page.rename();
    return rename == null
        ? Future.succeededFuture()
        : lifecycle
            .rename(
                people.get(rename.by()),
                page.community(),
                page.slug(),
                rename.title(),
                rename.slug())
            .mapEmpty();
  }

  private Future<Void> retire(DemoPage page) {
    return page.retiredBy() == null
        ? Future.succeededFuture()
        : lifecycle.retire(people.get(page.retiredBy()), page.community(), page.slug()).mapEmpty();
  }

  private Future<Void> publish(DemoPage page) {
    CurrentUser moderator = people.get(content.community(page.community()).moderator());
    return reviews.publish(moderator, page.community(), page.slug()).mapEmpty();
  }
}
