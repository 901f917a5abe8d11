package ru.metodichka.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import ru.metodichka.config.CacheSizes;

/**
 * The finished HTML of published pages as anonymous visitors get them, so the busiest screen costs
 * a map lookup instead of six SQL queries, a similar-pages search and a template (the benchmark
 * measured 36 requests/s against 22,800 for a bare server returning the same bytes). Logged-in
 * readers are always rendered fresh: they see buttons, drafts and forms of their own.
 *
 * <p>How long an entry stays true: a page's own save, revert, publishing or unpublishing on this
 * server removes it at once ({@link #pageChanged}, {@link #statusChanged}); made through another
 * server of the same database, within a second, when this server's search indexer reads the change
 * from the database ({@link #pagesChanged}). A page entering or leaving the public, or a public
 * page's new title, empties the whole cache (other pages list it). What a page shows about
 * <em>other</em> pages otherwise (backlinks, similar materials, whether a wiki link's target
 * exists, author and community names) is only caught by the entries' short lifetime, {@link
 * #LIFETIME}: about that stale, which is acceptable for a public reading copy and still serves
 * nearly every request under load.
 *
 * <p>An entry past its lifetime is not dropped: the first reader to find it renders the page again
 * while everyone else is still served the old copy, so a popular page never has all its readers
 * waiting on one slow render at once. If that render stores nothing within {@link
 * #REFRESH_PATIENCE} (it failed: the page is gone, or the database did not answer), the old copy
 * goes and the next reader renders. An entry nobody asked for in {@link #MAX_AGE} goes too.
 *
 * <p>A render that started before a change must not store what it read after the change removed the
 * entry: {@link #generation} is read before the render and {@link #put} refuses a stale one.
 */
public final class PageViewCache {
  static final Duration LIFETIME = Duration.ofSeconds(10);
  static final Duration MAX_AGE = Duration.ofMinutes(1);

  /**
   * How long the others are served the old copy while one reader renders it again: many times a
   * render's length under load (tens of milliseconds), short beside the lifetime.
   */
  static final Duration REFRESH_PATIENCE = Duration.ofSeconds(2);

  private static final long UNCLAIMED = Long.MIN_VALUE;

  /**
   * The page (its id counts its views; community and slug find its entries when it changes) and the
   * HTML sent to visitors.
   */
  record Entry(long pageId, String community, String slug, Buffer html) {
    boolean isOf(String community, String slug) {
      // Slugs are unique ignoring case, and a page may be asked for in any case.
      return this.community.equalsIgnoreCase(community) && this.slug.equalsIgnoreCase(slug);
    }
  }

  /**
   * An entry, when it was stored, and since when a reader is rendering its successor ({@link
   * #UNCLAIMED} while none is).
   */
  private record Stored(Entry entry, long storedAt, AtomicLong refreshingSince) {}

  private final Cache<Key, Stored> entries;
  private final AtomicLong generation = new AtomicLong();
  private final AtomicLong publicGeneration = new AtomicLong();
  private final long lifetimeNanos;
  private final long patienceNanos;
  private final LongSupplier clock;

  /**
   * What makes two anonymous requests get the same bytes: the site's public address (from the
   * request's Host when none is configured), the path as requested (the login link returns to it)
   * and the language.
   */
  record Key(String site, String uri, String lang) {}

  public PageViewCache() {
    this(LIFETIME, REFRESH_PATIENCE, System::nanoTime);
  }

  /**
   * @param clock {@link System#nanoTime}, or a test's
   */
  PageViewCache(Duration lifetime, Duration refreshPatience, LongSupplier clock) {
    this.lifetimeNanos = lifetime.toNanos();
    this.patienceNanos = refreshPatience.toNanos();
    this.clock = clock;
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(CacheSizes.PUBLIC_PAGES)
            .weigher((Key k, Stored s) -> s.entry().html().length())
            .expireAfterWrite(MAX_AGE)
            .build();
  }

  /**
   * The page to serve, or null when the caller must render it: there is none, or it is past its
   * lifetime and this caller is the one to render it again (the others still get the old copy), or
   * the reader who was rendering it again has not stored anything in time (the old copy goes).
   */
  Entry get(Key key) {
    Stored stored = entries.getIfPresent(key);
    if (stored == null) {
      return null;
    }
    long now = clock.getAsLong();
    if (now - stored.storedAt() < lifetimeNanos) {
      return stored.entry();
    }
    long since = stored.refreshingSince().get();
    if (since == UNCLAIMED) {
      return stored.refreshingSince().compareAndSet(UNCLAIMED, now) ? null : stored.entry();
    }
    if (now - since < patienceNanos) {
      return stored.entry();
    }
    entries.asMap().remove(key, stored);
    return null;
  }

  /**
   * The page behind this key is gone for visitors (its render answered 404: unpublished, or removed
   * meanwhile): the old copy goes at once instead of being served until its patience ends.
   */
  void gone(Key key) {
    entries.invalidate(key);
  }

  /** To be read before reading what a render shows; {@link #put} needs it. */
  long generation() {
    return generation.get();
  }

  /** Keeps a rendered page unless something changed since {@code generationBefore}. */
  void put(Key key, Entry entry, long generationBefore) {
    entries.put(key, new Stored(entry, clock.getAsLong(), new AtomicLong(UNCLAIMED)));
    // Checked after storing: a change that came in between either bumped the generation before
    // this check (so the entry goes) or removes the entry itself after it was stored.
    if (generation.get() != generationBefore) {
      entries.invalidate(key);
    }
  }

  /**
   * A page got a new revision (call after the commit): its own entries go, under whatever path they
   * were asked for.
   */
  void pageChanged(String community, String slug) {
    generation.incrementAndGet();
    entries.asMap().values().removeIf(s -> s.entry().isOf(community, slug));
  }

  /**
   * A page was published or unpublished: everything goes, since other pages list it among their
   * similar materials and backlinks, and a withdrawn title must not stay on public pages. Rare.
   * Call after the commit.
   */
  void statusChanged() {
    generation.incrementAndGet();
    publicGeneration.incrementAndGet();
    entries.invalidateAll();
  }

  /**
   * Counts the changes of what the public may see of which pages exist ({@link #statusChanged}):
   * where a wiki link leads for a visitor changes only with it ({@link PageRendering}).
   */
  long publicGeneration() {
    return publicGeneration.get();
  }

  /**
   * A community's structure changed on this server (call after the commit): every page shows its
   * place in it (breadcrumbs, its section, previous and next), so everything goes, as for {@link
   * #statusChanged}. Other servers learn it from their indexers ({@link #pagesChanged}). Rare.
   */
  public void placementChanged() {
    statusChanged();
  }

  /**
   * Pages changed, through this server or another, as the search indexer read them from the
   * database: their entries go, or every entry when {@code listingsChanged} (a page entered or left
   * the public, or a public page's title or address changed; see {@link #statusChanged}). Safe from
   * any thread.
   */
  public void pagesChanged(Set<Long> pageIds, boolean listingsChanged) {
    if (listingsChanged) {
      statusChanged();
    } else if (!pageIds.isEmpty()) {
      generation.incrementAndGet();
      entries.asMap().values().removeIf(s -> pageIds.contains(s.entry().pageId()));
    }
  }
}
