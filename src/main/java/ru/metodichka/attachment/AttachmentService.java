package ru.metodichka.attachment;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.streams.ReadStream;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.contribution.ContributionKind;
import ru.metodichka.contribution.ContributionRepository;
import ru.metodichka.error.AppError;
import ru.metodichka.page.PageReader;
import ru.metodichka.page.VisiblePage;

/**
 * Files attached to pages: the rules. Whoever may see a page sees its attachments (the one
 * visibility rule, through {@link PageReader#visible}: a draft's files are 404 to everyone the
 * draft is); its community's insiders upload (a new upload under a taken name is the name's next
 * version, the earlier ones kept); its moderators hide one (recorded), which takes it out of the
 * list, the downloads and the search index for everyone but them. Each upload is one transaction
 * after its content is stored, with a line in the contribution ledger ({@code upload}).
 */
public final class AttachmentService {
  private final Pool pool;
  private final PageReader pages;
  private final BlobStore blobs;
  private final Previews previews;
  private final AttachmentRepository repository;
  private final ContributionRepository contributions;
  private final long maxBytes;
  private final ZoneId zone;
  private final Clock clock;
  private volatile Runnable textQueued = () -> {};

  /**
   * @param images where image previews are made (a small pool: each decode holds an image)
   */
  public AttachmentService(
      Pool pool,
      PageReader pages,
      ContributionRepository contributions,
      long maxBytes,
      ZoneId zone,
      Clock clock,
      WorkerExecutor images) {
    this.pool = pool;
    this.pages = pages;
    this.repository = new AttachmentRepository();
    this.blobs = new BlobStore(pool, repository);
    this.previews = new Previews(pool, blobs, images);
    this.contributions = contributions;
    this.maxBytes = maxBytes;
    this.zone = zone;
    this.clock = clock;
  }

  public long maxBytes() {
    return maxBytes;
  }

  BlobStore blobs() {
    return blobs;
  }

  /** What pages show of image files. */
  Previews previews() {
    return previews;
  }

  /** Called after an upload queued a text to extract (wakes this server's extractor). */
  public void onTextQueued(Runnable action) {
    this.textQueued = action;
  }

  /** The page if {@code actor} may add files to it: 404 unseen, 401/403/409 otherwise. */
  public Future<VisiblePage> editable(CurrentUser actor, String community, String slug) {
    return pages
        .visible(actor, community, slug)
        .map(
            v -> {
              v.access().requireEditor();
              return v;
            });
  }

  /**
   * Stores {@code content} as the next version of the page's file {@code rawName} (sanitised; a new
   * name starts at version 1). The page must have been checked with {@link #editable}. Fails with
   * {@link BlobStore.TooLarge} beyond {@link #maxBytes}, and with 422 for an image too large to
   * decode safely.
   */
  public Future<Attachment> upload(VisiblePage page, String rawName, ReadStream<Buffer> content) {
    String name = FileNames.sanitize(rawName);
    return blobs
        .receive(content, name, maxBytes)
        .compose(
            blob -> {
              if (Images.tooLarge(blob)) {
                return Future.failedFuture(
                    AppError.invalid("file", "attachment_image_too_large", Images.MAX_PIXELS));
              }
              return store(page, name, blob);
            });
  }

  /**
   * Adds a file made in memory to a page, as its next version under {@code rawName} (sanitised):
   * for callers that hold the bytes already (the demo; a Word import storing the document's
   * images). The page must have been checked with {@link #editable} (or be a {@link VisiblePage}
   * its actor may edit); fails with {@link BlobStore.TooLarge} beyond {@link #maxBytes}. Call it on
   * a Vert.x context (an event loop), as the pool expects.
   */
  public Future<Attachment> store(VisiblePage page, String rawName, Buffer bytes) {
    return upload(page, rawName, new BufferStream(bytes));
  }

  private Future<Attachment> store(VisiblePage page, String name, StoredBlob blob) {
    return pool.withTransaction(
            tx -> add(tx, page, name, blob).compose(v -> one(tx, page, name, true)))
        .onSuccess(a -> textQueued(List.of(blob)));
  }

  /**
   * Inside a transaction: {@code blob} becomes the next version of the page's file {@code name},
   * its text queued for extraction, the page's search documents marked for renewal, and the upload
   * recorded in the contribution ledger for the page's actor. Call {@link #textQueued} after the
   * commit.
   */
  Future<Void> add(SqlClient tx, VisiblePage page, String name, StoredBlob blob) {
    CurrentUser actor = page.access().user();
    long pageId = page.page().id();
    boolean extract = ContentTypes.extractable(blob.mediaType());
    return repository
        .lockOrCreate(tx, pageId, name)
        .compose(id -> repository.addVersion(tx, id, blob.id(), actor.id()))
        .compose(n -> extract ? repository.queueText(tx, blob.sha256()) : done())
        .compose(v -> repository.pageChanged(tx, pageId))
        .compose(
            v ->
                contributions.record(
                    tx,
                    new ContributionRepository.Contribution(
                        actor.id(),
                        page.community().id(),
                        pageId,
                        null,
                        ContributionKind.UPLOAD,
                        0,
                        0)));
  }

  /** Wakes this server's extractor when any of the stored contents has text to extract. */
  void textQueued(List<StoredBlob> stored) {
    if (stored.stream().anyMatch(b -> ContentTypes.extractable(b.mediaType()))) {
      textQueued.run();
    }
  }

  /** The page's attachments as {@code actor} may see them (moderators: hidden ones too). */
  public Future<List<Attachment>> list(CurrentUser actor, String community, String slug) {
    return pages.visible(actor, community, slug).compose(this::list);
  }

  public Future<List<Attachment>> list(VisiblePage page) {
    return repository.list(pool, page.page().id(), page.access().moderator(), null);
  }

  /** One attachment of a page its reader may see; 404 when missing or hidden from them. */
  public Future<Found> find(CurrentUser actor, String community, String slug, String name) {
    return pages
        .visible(actor, community, slug)
        .compose(
            page -> one(pool, page, name, page.access().moderator()).map(a -> new Found(page, a)));
  }

  /** An attachment with the page it belongs to. */
  public record Found(VisiblePage page, Attachment attachment) {}

  /**
   * An image as a page shows it: the file's name, and the bytes of its preview (a PNG, JPEG, GIF or
   * WebP at most {@value ImagePreviews#WIDTH} pixels wide).
   */
  public record ShownImage(String name, byte[] bytes) {}

  /**
   * What a page shows for its file {@code name} ({@code ![…](attachment:name)}), for a document
   * written from the page: the preview — made now if it was not made yet, as {@code
   * …/{name}/preview} makes it — read from PostgreSQL. The page was read through {@link
   * PageReader#visible}, and the file is found as {@link #find} finds it (a hidden file for the
   * page's moderators only): 404 for a file its reader may not see or that does not exist, and for
   * a file that is not an image a page shows. Empty, and nothing read, when the preview is larger
   * than {@code maxBytes}.
   */
  public Future<Optional<ShownImage>> shownImage(VisiblePage page, String name, long maxBytes) {
    return one(pool, page, name, page.access().moderator())
        .compose(
            a ->
                previews
                    .of(a.latest().blob(), a.name())
                    .compose(preview -> read(a.name(), preview, maxBytes)));
  }

  private Future<Optional<ShownImage>> read(String name, StoredBlob preview, long maxBytes) {
    if (preview.size() > maxBytes) {
      return Future.succeededFuture(Optional.empty());
    }
    return blobs
        .read(preview.id())
        .map(bytes -> Optional.of(new ShownImage(name, bytes.getBytes())));
  }

  private Future<Attachment> one(SqlClient sql, VisiblePage page, String name, boolean withHidden) {
    return repository
        .list(sql, page.page().id(), withHidden, name)
        .map(
            list -> {
              if (list.isEmpty()) {
                throw AppError.notFound("attachment_not_found", name);
              }
              return list.getFirst();
            });
  }

  /**
   * The version to serve: the latest, or number {@code n}; 404 for a number that does not exist.
   */
  public static AttachmentVersion version(Attachment a, Integer n) {
    if (n == null) {
      return a.latest();
    }
    return a.versions().stream()
        .filter(v -> v.number() == n)
        .findFirst()
        .orElseThrow(() -> AppError.notFound("attachment_version_not_found", a.name(), n));
  }

  /** Writes a version's bytes to the response and counts the download (per day, nothing else). */
  public Future<Void> send(Attachment a, AttachmentVersion v, HttpServerResponse response) {
    repository.downloaded(pool, a.id(), LocalDate.now(clock.withZone(zone)));
    return blobs.send(v.blobId(), response);
  }

  /**
   * The text extracted from the latest version of an attachment its reader may see: status ({@code
   * pending}, {@code running}, {@code done}, {@code failed}, {@code timeout}, {@code too-large};
   * null for a type whose text is not read), the error, the text.
   */
  public Future<ExtractedText> text(CurrentUser actor, String community, String slug, String name) {
    return find(actor, community, slug, name)
        .compose(found -> repository.text(pool, found.attachment().latest().sha256()));
  }

  /** Hides the attachment from everyone but moderators, or shows it again; recorded. */
  public Future<Attachment> hide(
      CurrentUser actor,
      String community,
      String slug,
      String name,
      boolean hidden,
      String reason) {
    return pages
        .visible(actor, community, slug)
        .compose(
            page -> {
              page.access().requireModerator();
              return pool.withTransaction(
                  tx ->
                      one(tx, page, name, true)
                          .compose(
                              a ->
                                  repository
                                      .hide(tx, a.id(), hidden, reason, actor.id())
                                      .compose(v -> repository.pageChanged(tx, page.page().id()))
                                      .compose(v -> one(tx, page, name, true))));
            });
  }

  private static Future<Void> done() {
    return Future.succeededFuture();
  }
}
