package ru.metodichka.search.index;

import java.io.Closeable;
import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;
import ru.metodichka.render.PlainText;

/**
 * The server's one search index, a directory on local disk: one long-lived {@link IndexWriter} and
 * a {@link SearcherManager} for near-real-time searches. Thread-safe. Every method blocks on disk
 * I/O: <b>call from a worker thread</b>, never from an event loop.
 *
 * <p>The index is derived data: the indexer rebuilds it from PostgreSQL when {@link #state()} says
 * it is new, and resumes from {@link #checkpoint()} otherwise.
 */
public final class SearchIndex implements Closeable {
  /** Version of the document layout; an index built by another version is rebuilt. */
  static final String SCHEMA = "4";

  /**
   * The largest segment a merge may write. A merge reads its segments through the same memory map
   * searches use, so those pages count in the server's resident memory while it runs: with Lucene's
   * default of 5 GB, the first saves after a rebuild merged all 100k pages (400 MB) at once and
   * resident memory went from 360 to 770 MB for the half minute the merge took. Capped, a merge
   * maps at most this much; a 100k-page index keeps the six or so segments a rebuild writes plus a
   * few small ones, and the benchmark showed no measurable cost to searches.
   */
  static final double MAX_MERGED_SEGMENT_MB = 64;

  /**
   * Lucene's indexing buffer: an eighth of the heap limit, between 16 and 64 MB; 21 MB in the
   * server's 176 MB heap, 64 MB in the reindex command's 576 MB. While one buffer is written out
   * Lucene fills another, so a rebuild holds up to twice this, besides its batches of pages. With
   * 64 MB in the server, rebuilding 100k pages while a crawler read pages kept 146 MB live of 172
   * and the server ended with "GC overhead limit exceeded"; a normal round indexes a few pages and
   * needs little of it.
   */
  static final double RAM_BUFFER_MB =
      Math.clamp(Runtime.getRuntime().maxMemory() / 8.0 / (1024 * 1024), 16.0, 64.0);

  private static final String SCHEMA_KEY = "schema";
  private static final String CHECKPOINT_KEY = "checkpoint";

  /** How the directory was found at open. */
  public enum State {
    /** A usable index; resume from its checkpoint. */
    EXISTING,
    /** There was no index: a new empty one was created; rebuild it from the database. */
    CREATED,
    /** The index was corrupt or of another schema and was replaced by an empty one; rebuild it. */
    RECREATED
  }

  /** The directory holds an index that cannot be read; the caller should rebuild it. */
  public static final class UnusableIndexException extends IOException {
    UnusableIndexException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final FacetsConfig facetsConfig = IndexedFields.facetsConfig();
  private final FacetStates facetStates = new FacetStates(facetsConfig);
  private final BulkWrites bulk = new BulkWrites();
  private final State state;
  private volatile String checkpoint;

  /** Whether pages were written since the last {@link #commit}: see {@link #close}. */
  private volatile boolean uncommitted;

  private SearchIndex(Directory directory, State state, String checkpoint) throws IOException {
    IndexWriterConfig config = new IndexWriterConfig(SearchAnalyzers.perField());
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    config.setRAMBufferSizeMB(RAM_BUFFER_MB);
    config.setMergePolicy(new TieredMergePolicy().setMaxMergedSegmentMB(MAX_MERGED_SEGMENT_MB));
    IndexWriter opened = new IndexWriter(directory, config);
    try {
      this.searchers = new SearcherManager(opened, null);
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(opened);
      throw e;
    }
    this.directory = directory;
    this.writer = opened;
    this.state = state;
    this.checkpoint = checkpoint;
    if (state != State.EXISTING) {
      commit(null);
    }
  }

  /**
   * Opens the index in {@code dir}, creating the directory and an empty index when there is none.
   *
   * @throws UnusableIndexException when the directory holds a corrupt index, or one of another
   *     version; {@link #openOrRecreate} replaces it instead
   */
  public static SearchIndex open(Path dir) throws IOException {
    Files.createDirectories(dir);
    Directory directory = FSDirectory.open(dir);
    try {
      if (!DirectoryReader.indexExists(directory)) {
        return new SearchIndex(directory, State.CREATED, null);
      }
      Map<String, String> data = readCommit(directory, dir);
      if (!SCHEMA.equals(data.get(SCHEMA_KEY))) {
        throw new UnusableIndexException(
            "Search index in " + dir + " has schema " + data.get(SCHEMA_KEY) + ", not " + SCHEMA,
            null);
      }
      try {
        return new SearchIndex(directory, State.EXISTING, data.get(CHECKPOINT_KEY));
      } catch (CorruptIndexException
          | IndexFormatTooOldException
          | IndexFormatTooNewException
          | NoSuchFileException
          | FileNotFoundException
          | EOFException e) {
        throw unusable(dir, e);
      }
    } catch (IOException | RuntimeException e) {
      IOUtils.closeWhileHandlingException(directory);
      throw e;
    }
  }

  /**
   * Opens the index in {@code dir}; a corrupt or outdated one is deleted and replaced by an empty
   * index whose {@link #state()} is {@link State#RECREATED}, so that the caller logs it and
   * rebuilds.
   */
  public static SearchIndex openOrRecreate(Path dir) throws IOException {
    try {
      return open(dir);
    } catch (UnusableIndexException e) {
      try (var files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.deleteIfExists(file);
        }
      }
      Directory directory = FSDirectory.open(dir);
      try {
        return new SearchIndex(directory, State.RECREATED, null);
      } catch (IOException | RuntimeException failure) {
        IOUtils.closeWhileHandlingException(directory);
        throw failure;
      }
    }
  }

  private static Map<String, String> readCommit(Directory directory, Path dir) throws IOException {
    try {
      return SegmentInfos.readLatestCommit(directory).getUserData();
    } catch (CorruptIndexException
        | IndexFormatTooOldException
        | IndexFormatTooNewException
        | NoSuchFileException
        | FileNotFoundException
        | EOFException e) {
      throw unusable(dir, e);
    }
  }

  private static UnusableIndexException unusable(Path dir, IOException cause) {
    return new UnusableIndexException(
        "Search index in " + dir + " cannot be read (" + cause + "); it must be rebuilt", cause);
  }

  /** How the directory was found at open. */
  public State state() {
    return state;
  }

  /** The checkpoint of the last {@link #commit}, if any: what the indexer has durably applied. */
  public Optional<String> checkpoint() {
    return Optional.ofNullable(checkpoint);
  }

  /**
   * Adds the pages, or replaces those with the same keys, without refreshing: searches see them
   * after the next {@link #refresh}. The indexer writes a whole round (or a whole rebuild) this
   * way, so that searches never see half of it. Large batches are written by several threads; when
   * a key occurs more than once, the last page with it wins, as if written in order.
   */
  public void writeAll(Collection<SearchDocument> pages) throws IOException {
    // Written in no particular order: when a key occurs twice, only its last page may be written.
    Map<String, SearchDocument> last = new LinkedHashMap<>();
    pages.forEach(page -> last.put(page.key(), page));
    writeAll(List.copyOf(last.values()), Function.identity());
  }

  /**
   * {@link #writeAll(Collection)} of pages made from sources, the conversions too spread over
   * several threads: for a rebuild, where {@link PlainText#of} costs about as much as indexing the
   * text. The sources must make pages of distinct keys (as the rows of distinct page ids do).
   */
  public <T> void writeAll(List<T> sources, Function<? super T, SearchDocument> toPage)
      throws IOException {
    bulk.run(sources, toPage, this::write);
  }

  private void write(SearchDocument page) throws IOException {
    uncommitted = true;
    writer.updateDocument(
        new Term(IndexedFields.KEY, page.key()), IndexedFields.toLucene(page, facetsConfig));
  }

  /**
   * Removes the page with this key (no error when there is none) without refreshing, like {@link
   * #writeAll}.
   */
  public void remove(String key) throws IOException {
    uncommitted = true;
    writer.deleteDocuments(new Term(IndexedFields.KEY, key));
  }

  /**
   * Removes every page without refreshing: a rebuild clears the index, writes every page and then
   * refreshes, so searches go on seeing the old index until the new one is complete.
   */
  public void deleteAll() throws IOException {
    uncommitted = true;
    writer.deleteAll();
  }

  /**
   * Sets the view count «most viewed» sorts by on the page's documents, without touching the rest
   * (no error when the page is not indexed); searches see it after the next {@link #refresh}.
   */
  public void updateViews(long pageId, long views) throws IOException {
    uncommitted = true;
    writer.updateNumericDocValue(
        new Term(IndexedFields.PAGE_ID, Long.toString(pageId)), IndexedFields.VIEWS, views);
  }

  /**
   * Makes everything written so far durable together with the checkpoint, atomically: after a crash
   * the index holds exactly the changes up to the last committed checkpoint (or more, which
   * replaying upserts makes harmless).
   *
   * @param checkpoint what the caller has applied (the indexer's PostgreSQL sequence number), or
   *     null for none
   */
  public void commit(String checkpoint) throws IOException {
    Map<String, String> data =
        checkpoint == null
            ? Map.of(SCHEMA_KEY, SCHEMA)
            : Map.of(SCHEMA_KEY, SCHEMA, CHECKPOINT_KEY, checkpoint);
    writer.setLiveCommitData(data.entrySet());
    uncommitted = false; // a write from now on is not in this commit, and sets it again
    writer.commit();
    this.checkpoint = checkpoint;
  }

  /** Makes all writes visible to searches started after this returns. */
  public void refresh() throws IOException {
    searchers.maybeRefreshBlocking();
  }

  /** Number of pages in the index, of every status. */
  public int size() throws IOException {
    IndexSearcher searcher = searchers.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      searchers.release(searcher);
    }
  }

  public IndexSearcher acquire() throws IOException {
    return searchers.acquire();
  }

  public void release(IndexSearcher searcher) throws IOException {
    searchers.release(searcher);
  }

  public FacetStates facetStates() {
    return facetStates;
  }

  /**
   * Closes searchers first (no new searches), then the writer, then the directory. Call once, after
   * searches and writes have stopped. Pages written since the last {@link #commit} are dropped:
   * only a commit with its checkpoint may make them durable, and after a failed rebuild they are a
   * half-built index. Otherwise the writer finishes its merges and commits them (same pages, same
   * checkpoint), so that the next start does not merge again.
   */
  @Override
  public void close() throws IOException {
    IOUtils.close(searchers, bulk, uncommitted ? writer::rollback : writer, directory);
  }
}
