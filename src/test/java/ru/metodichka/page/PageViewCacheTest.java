package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rules of the anonymous page cache, without a server. */
class PageViewCacheTest {
  private static final Duration LIFETIME = Duration.ofSeconds(10);
  private static final Duration PATIENCE = Duration.ofSeconds(2);
  private static final PageViewCache.Key KEY = new PageViewCache.Key("http://x", "/c/a/b", "ru");
  private static final PageViewCache.Entry ENTRY =
      new PageViewCache.Entry(1, "a", "b", Buffer.buffer("<p>"));

  @Test
  void aRenderingThatStartedBeforeAChangeIsNotKept() {
    PageViewCache cache = new PageViewCache();
    long before = cache.generation();

    cache.pageChanged("a", "other");
    cache.put(KEY, ENTRY, before);

    assertThat(cache.get(KEY)).isNull();
  }

  @Test
  void aRenderingWithNoChangeSinceItStartedIsKept() {
    PageViewCache cache = new PageViewCache();

    cache.put(KEY, ENTRY, cache.generation());

    assertThat(cache.get(KEY)).isEqualTo(ENTRY);
  }

  @Test
  void aChangedPageLosesItsEntriesUnderEveryPathAndCaseButOthersStay() {
    PageViewCache cache = new PageViewCache();
    var upper = new PageViewCache.Key("http://x", "/c/a/B", "en");
    var other = new PageViewCache.Key("http://x", "/c/a/c", "ru");
    cache.put(KEY, ENTRY, cache.generation());
    cache.put(
        upper, new PageViewCache.Entry(1, "a", "B", Buffer.buffer("<p>")), cache.generation());
    cache.put(
        other, new PageViewCache.Entry(2, "a", "c", Buffer.buffer("<p>")), cache.generation());

    cache.pageChanged("A", "b");

    assertThat(cache.get(KEY)).isNull();
    assertThat(cache.get(upper)).isNull();
    assertThat(cache.get(other)).isNotNull();
  }

  @Test
  void aStaleEntryIsRenderedAgainByOneReaderWhileTheOthersStillGetIt() {
    AtomicLong now = new AtomicLong();
    PageViewCache cache = new PageViewCache(LIFETIME, PATIENCE, now::get);
    cache.put(KEY, ENTRY, cache.generation());
    now.addAndGet(LIFETIME.toNanos());

    assertThat(cache.get(KEY)).as("the first reader renders").isNull();
    assertThat(cache.get(KEY)).as("the others meanwhile").isEqualTo(ENTRY);
    now.addAndGet(PATIENCE.toNanos() - 1);
    assertThat(cache.get(KEY)).isEqualTo(ENTRY);

    var newer = new PageViewCache.Entry(1, "a", "b", Buffer.buffer("<p>новое"));
    cache.put(KEY, newer, cache.generation());
    assertThat(cache.get(KEY)).as("the new rendering").isEqualTo(newer);
    now.addAndGet(LIFETIME.toNanos());
    assertThat(cache.get(KEY)).as("stale again: one reader renders").isNull();
    assertThat(cache.get(KEY)).isEqualTo(newer);
  }

  @Test
  void aRefreshThatStoresNothingInTimeTakesTheOldCopyWithIt() {
    // The reader who renders the page again gets a 404 (unpublished meanwhile) or an error, and
    // stores nothing: the old copy must not go on being served to everyone else.
    AtomicLong now = new AtomicLong();
    PageViewCache cache = new PageViewCache(LIFETIME, PATIENCE, now::get);
    cache.put(KEY, ENTRY, cache.generation());
    now.addAndGet(LIFETIME.toNanos());
    assertThat(cache.get(KEY)).as("the reader who renders").isNull();

    now.addAndGet(PATIENCE.toNanos());

    assertThat(cache.get(KEY)).as("the next reader renders too").isNull();
    assertThat(cache.get(KEY)).as("and so does everyone until one stores").isNull();
  }

  @Test
  void pagesChangedThroughAnyServerLoseTheirEntriesAndOthersStay() {
    PageViewCache cache = new PageViewCache();
    var other = new PageViewCache.Key("http://x", "/c/a/c", "ru");
    cache.put(KEY, ENTRY, cache.generation());
    cache.put(
        other, new PageViewCache.Entry(2, "a", "c", Buffer.buffer("<p>")), cache.generation());
    long before = cache.generation();

    cache.pagesChanged(Set.of(1L, 7L), false);

    assertThat(cache.get(KEY)).isNull();
    assertThat(cache.get(other)).isNotNull();
    cache.put(KEY, ENTRY, before);
    assertThat(cache.get(KEY)).as("a rendering from before the change").isNull();
  }

  @Test
  void aPageThatEnteredOrLeftThePublicEmptiesTheCache() {
    PageViewCache cache = new PageViewCache();
    cache.put(KEY, ENTRY, cache.generation());

    cache.pagesChanged(Set.of(2L), true);

    assertThat(cache.get(KEY)).as("page 1 may list page 2 among similar materials").isNull();
  }

  @Test
  void aStatusChangeEmptiesTheCache() {
    PageViewCache cache = new PageViewCache();
    cache.put(KEY, ENTRY, cache.generation());

    cache.statusChanged();

    assertThat(cache.get(KEY)).isNull();
  }
}
