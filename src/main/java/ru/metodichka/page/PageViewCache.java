package ru.metodichka.page;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.buffer.Buffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The finished HTML of published pages as anonymous visitors get them, so the busiest screen costs
 * a map lookup instead of six SQL queries, a similar-pages search and a template (the benchmark
 * measured 36 requests/s against 22,800 for a bare server returning the same bytes). Logged-in
 * readers are always rendered fresh: they see buttons, drafts and forms of their own.
 *
 * <p>How long an entry stays true: a page's own save, revert, publishing or unpublishing on this
 * server removes it at once ({@link #pageChanged}, {@link #statusChanged}). What a page shows about
 * <em>other</em> pages (backlinks, similar materials, whether a wiki link's target exists, author
 * and community names) and changes made through another server of the same database are only caught
 * by the entries' short lifetime, {@link #LIFETIME}: about that stale, which is acceptable for a
 * public reading copy and still serves nearly every request under load.
 *
 * <p>An entry past its lifetime is not dropped: the first reader to find it renders the page again
 * while everyone else is still served the old copy, so a popular page never has all its readers
 * waiting on one slow render at once. Only an entry nobody asked for in {@link #MAX_AGE} goes.
 *
 * <p>A render that started before a change must not store what it read after the change removed the
 * entry: {@link #generation} is read before the render and {@link #put} refuses a stale one.
 */
public final class PageViewCache {
  static final Duration LIFETIME = Duration.ofSeconds(10);
  static final Duration MAX_AGE = Duration.ofMinutes(1);
  private static final long MAX_BYTES = 32L * 1024 * 1024;

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

  /** An entry, when it was stored, and whether a reader is already rendering its successor. */
  private record Stored(Entry entry, long storedAt, AtomicBoolean refreshing) {}

  private final Cache<Key, Stored> entries;
  private final AtomicLong generation = new AtomicLong();
  private final long lifetimeNanos;

  /**
   * What makes two anonymous requests get the same bytes: the site's public address (from the
   * request's Host when none is configured), the path as requested (the login link returns to it)
   * and the language.
   */
  record Key(String site, String uri, String lang) {}

  public PageViewCache() {
    this(LIFETIME);
  }

  PageViewCache(Duration lifetime) {
    this.lifetimeNanos = lifetime.toNanos();
    this.entries =
        Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((Key k, Stored s) -> s.entry().html().length())
            .expireAfterWrite(MAX_AGE)
            .build();
  }

  /**
   * The page to serve, or null when the caller must render it: there is none, or it is past its
   * lifetime and this caller is the one to render it again (the others still get the old copy).
   */
  Entry get(Key key) {
    Stored stored = entries.getIfPresent(key);
    if (stored == null) {
      return null;
    }
    boolean fresh = System.nanoTime() - stored.storedAt() < lifetimeNanos;
    return fresh || !stored.refreshing().compareAndSet(false, true) ? stored.entry() : null;
  }

  /** To be read before reading what a render shows; {@link #put} needs it. */
  long generation() {
    return generation.get();
  }

  /** Keeps a rendered page unless something changed since {@code generationBefore}. */
  void put(Key key, Entry entry, long generationBefore) {
    entries.put(key, new Stored(entry, System.nanoTime(), new AtomicBoolean()));
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
    entries.invalidateAll();
  }
}
