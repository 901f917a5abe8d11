package ru.metodichka.search.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import ru.metodichka.TestDatabases;
import ru.metodichka.db.DatabaseLocator;
import ru.metodichka.db.Migrations;
import ru.metodichka.db.ResolvedDatabase;

/**
 * The indexer's rounds, called one by one on the test's thread (no indexing thread runs), against a
 * database of their own filled through SQL, as any server of it would change it.
 */
class IndexRoundsIT {
  @TempDir Path dir;
  ResolvedDatabase database;
  Vertx vertx;
  Pool pool;
  SearchIndex index;
  IndexRounds rounds;
  volatile boolean stopping;
  final List<IndexChanges> told = new ArrayList<>();
  SqlPages pages;

  @BeforeEach
  void start() throws Exception {
    database =
        DatabaseLocator.resolve(
            TestDatabases.SERVER + TestDatabases.freshName("metodichka_rounds"), "unused", dir);
    Migrations.apply(database);
    vertx = Vertx.vertx();
    pool = PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build();
    pages = new SqlPages(this::jdbc);
    openIndex();
  }

  private void openIndex() throws Exception {
    index = SearchIndex.open(dir.resolve("index"));
    rounds = new IndexRounds(pool, index, new CommitTimer(1000), () -> stopping);
    rounds.onChange(told::add);
  }

  @AfterEach
  void stop() throws Exception {
    SearchIndexes.closeQuietly(index);
    vertx.close().await();
    database.close();
    TestDatabases.drop(database.database());
  }

  @Test
  void aRoundTellsWhichPagesChangedAndWhetherOneEnteredOrLeftThePublic() throws Exception {
    long published = pages.add("опубликованная", "Опубликованная", "published");
    long draft = pages.add("черновик", "Черновик", "draft");
    rounds.catchUp();
    assertThat(told).containsExactly(new IndexChanges(Set.of(), true)); // built from scratch

    assertTold(() -> pages.revise(published, "Опубликованная", "Новый текст."), published, false);
    // A draft's new title shows nowhere public; a public page's does, on the pages that list it.
    assertTold(() -> pages.revise(draft, "Другой черновик", "Текст."), draft, false);
    assertTold(() -> pages.revise(published, "Новое название", "Текст."), published, true);
    // An edit waiting for review changes nothing the public reads.
    assertTold(() -> pages.edit(published, "Непроверенное название", "Текст."), published, false);
    assertTold(() -> pages.setStatus(published, "draft"), published, true);
    assertTold(() -> pages.setStatus(draft, "published"), draft, true);
  }

  @Test
  void listenersAreToldOnceSearchesSeeTheChange() throws Exception {
    long page = pages.add("страница", "Страница", "published");
    rounds.catchUp();
    List<Map<String, Listing>> seen = new ArrayList<>();
    rounds.onChange(changes -> seen.add(listings(page)));

    pages.setStatus(page, "draft");
    rounds.catchUp();

    assertThat(seen).containsExactly(Map.of());
  }

  @Test
  void viewCountsWrittenByAnyServerReachTheIndexWithoutTellingListeners() throws Exception {
    long page = pages.add("читаемая", "Читаемая", "published");
    settle();

    pages.addViews(page, 42);
    rounds.catchUp();

    assertThat(views(page)).isEqualTo(42);
    assertThat(told).as("a view count changes nothing a cached page shows").isEmpty();
  }

  @Test
  void aPageIsIndexedWithTheRunningViewTotalTheCounterKeeps() throws Exception {
    long page = pages.add("читаемая", "Читаемая", "published");
    pages.addViews(page, 42); // pages.views, as the counter adds to it; page_views is per day
    rounds.catchUp();
    assertThat(views(page)).isEqualTo(42);

    pages.revise(page, "Читаемая", "Новый текст.");
    rounds.catchUp();

    assertThat(views(page)).as("written again whole").isEqualTo(42);
  }

  @Test
  void viewCountsOfARoundThatFailedAreAppliedByTheNext() throws Exception {
    long page = pages.add("читаемая", "Читаемая", "published");
    rounds.catchUp();
    pages.addViews(page, 42);

    pages.sql("ALTER TABLE view_changes RENAME TO view_changes_away");
    assertThatThrownBy(rounds::catchUp).isInstanceOf(RuntimeException.class);
    pages.sql("ALTER TABLE view_changes_away RENAME TO view_changes");
    rounds.catchUp();

    assertThat(views(page)).isEqualTo(42);
  }

  @Test
  void aRebuildRequestedOfEveryServerRebuildsAnIndexBuiltBeforeItOnce() throws Exception {
    pages.add("страница", "Страница", "published");
    rounds.catchUp();
    var first = rounds.progress();

    long number = IndexSource.requestRebuild(pool).await();
    rounds.catchUp();
    var second = rounds.progress();
    rounds.catchUp();

    assertThat(second.startedAt()).isAfter(first.startedAt());
    assertThat(second.failure()).isNull();
    assertThat(rounds.progress()).as("rebuilt once").isSameAs(second);
    assertThat(index.checkpoint().flatMap(Checkpoint::parse).orElseThrow().rebuild())
        .isEqualTo(number);
  }

  @Test
  void anIndexThatMissedARequestedRebuildRebuildsWhenItNextStarts() throws Exception {
    pages.add("страница", "Страница", "published");
    rounds.catchUp();
    index.close();

    IndexSource.requestRebuild(pool).await(); // while this server was down
    openIndex();
    rounds.catchUp();

    assertThat(rounds.progress().started()).isTrue();
    assertThat(rounds.progress().running()).isFalse();
  }

  @Test
  void aRebuildStoppedByClosingCommitsNothingOfIt() throws Exception {
    pages.addMany(1500);
    rounds.catchUp();
    String committed = index.checkpoint().orElseThrow();
    pages.addMany(1500);
    IndexSource.requestRebuild(pool).await();

    assertThatThrownBy(() -> rounds.rebuild(progress -> stopping = progress.done() > 0 || stopping))
        .isInstanceOf(CancellationException.class);
    rounds.commitOwed();
    index.close();
    openIndex();

    assertThat(index.checkpoint()).contains(committed);
    assertThat(index.size()).isEqualTo(1500);
  }

  /**
   * Runs rounds until one has nothing to tell: past the horizon of every transaction that was
   * running when the pages were made (see {@link #assertTold}).
   */
  private void settle() throws Exception {
    for (int round = 0; round < 100; round++) {
      told.clear();
      rounds.catchUp();
      if (told.isEmpty()) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("The rounds keep re-reading changes");
  }

  /**
   * Makes the change and a round, which must tell the page and whether listings changed. (The round
   * may re-read earlier changes too: the horizon waits for every transaction of the PostgreSQL
   * server, and re-applying an unchanged page changes no listing.)
   */
  private void assertTold(SqlPages.Change change, long page, boolean listingsChanged)
      throws Exception {
    told.clear();
    change.run();
    rounds.catchUp();
    assertThat(told).hasSize(1);
    assertThat(told.getFirst().pageIds()).contains(page);
    assertThat(told.getFirst().listingsChanged()).isEqualTo(listingsChanged);
  }

  /** The view count «most viewed» sorts this page by. */
  private long views(long page) throws IOException {
    IndexSearcher searcher = index.acquire();
    try {
      var key = new TermQuery(new Term(IndexedFields.KEY, Long.toString(page)));
      int doc = searcher.search(key, 1).scoreDocs[0].doc;
      List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
      NumericDocValues views = leaf.reader().getNumericDocValues(IndexedFields.VIEWS);
      assertThat(views.advanceExact(doc - leaf.docBase)).isTrue();
      return views.longValue();
    } finally {
      index.release(searcher);
    }
  }

  private Map<String, Listing> listings(long page) {
    try {
      return ChangedPages.listings(index, List.of(Long.toString(page)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Connection jdbc() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.jdbcProperties());
  }
}
