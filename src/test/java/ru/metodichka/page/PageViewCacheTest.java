package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

/** The rules of the anonymous page cache, without a server. */
class PageViewCacheTest {
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
    PageViewCache cache = new PageViewCache(java.time.Duration.ZERO);
    cache.put(KEY, ENTRY, cache.generation());

    assertThat(cache.get(KEY)).as("the first reader renders").isNull();
    assertThat(cache.get(KEY)).as("the others meanwhile").isEqualTo(ENTRY);
    assertThat(cache.get(KEY)).isEqualTo(ENTRY);

    var newer = new PageViewCache.Entry(1, "a", "b", Buffer.buffer("<p>новое"));
    cache.put(KEY, newer, cache.generation());
    assertThat(cache.get(KEY)).as("stale again at once: one reader renders").isNull();
    assertThat(cache.get(KEY)).isEqualTo(newer);
  }

  @Test
  void aStatusChangeEmptiesTheCache() {
    PageViewCache cache = new PageViewCache();
    cache.put(KEY, ENTRY, cache.generation());

    cache.statusChanged();

    assertThat(cache.get(KEY)).isNull();
  }
}
