package ru.metodichka.wordio;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.attachment.AttachmentService;
import ru.metodichka.attachment.DocumentImages;
import ru.metodichka.attachment.DocumentImages.DocumentImage;
import ru.metodichka.attachment.EmbeddedFiles;
import ru.metodichka.error.AppError;
import ru.metodichka.page.VisiblePage;

/**
 * The pictures of one export. A page's rendered HTML carries an {@code <img>} for each of its own
 * image files its reader may see (the renderer resolves only those, {@link EmbeddedFiles}); each
 * whose address is such a file's preview is read from PostgreSQL through {@link
 * AttachmentService#shownImage} (the page as its reader sees it: nothing else decides), one after
 * another, and made fit for a document ({@link DocumentImages}) on the documents' workers. Any
 * other {@code <img>} — a web address — and any picture that cannot be had, is damaged or no longer
 * fits stays its caption: the export goes on. Not thread-safe: one per export, its steps chained
 * one after another.
 */
final class ExportImages {
  /**
   * A picture whose preview is larger is printed as its caption. A preview is at most 1200 pixels
   * wide: a JPEG of a few hundred kilobytes, a PNG screenshot of one or two megabytes; one larger
   * than this is an unusual file (a narrow image of great height, shown as it is) that would crowd
   * the other pictures out of the document.
   */
  static final long MAX_IMAGE_BYTES = 4L << 20;

  /**
   * Once a document holds this many bytes of pictures the rest are printed as captions (a section
   * can have 200 pages). Not more: the server's heap is 176 MB ({@code TunedJvm}), and an export
   * holds its pictures about four times over at its peak (their bytes, the PDF's or Word's copy
   * inside the document being written, the written document and the copy sent), with two exports
   * written at once on the documents' workers. Sixteen megabytes are still 40–100 ordinary
   * previews.
   */
  static final long MAX_DOCUMENT_BYTES = 16L << 20;

  private static final Logger LOG = LoggerFactory.getLogger(ExportImages.class);
  private final AttachmentService attachments;
  private final WorkerExecutor documents;
  private long held;

  ExportImages(AttachmentService attachments, WorkerExecutor documents) {
    this.attachments = attachments;
    this.documents = documents;
  }

  /** The pictures of a page's rendered HTML, by their {@code src}. Never fails. */
  Future<Map<String, DocumentImage>> of(VisiblePage v, String html) {
    if (!html.contains("<img")) {
      return Future.succeededFuture(Map.of());
    }
    String community = v.community().slug();
    String slug = v.page().slug();
    return documents
        .executeBlocking(() -> sources(html, community, slug), false)
        .compose(sources -> read(v, sources))
        .recover(
            failure -> {
              LOG.warn("Page {}: its pictures are left out of an export", v.page().id(), failure);
              return Future.succeededFuture(Map.of());
            });
  }

  /** For each {@code <img>} that shows one of the page's own files: its src and the file's name. */
  static Map<String, String> sources(String html, String community, String slug) {
    Map<String, String> found = new LinkedHashMap<>();
    for (Element img : Jsoup.parseBodyFragment(html).select("img[src]")) {
      String src = img.attr("src");
      String name = EmbeddedFiles.previewed(community, slug, src);
      if (name != null) {
        found.putIfAbsent(src, name);
      }
    }
    return found;
  }

  private Future<Map<String, DocumentImage>> read(VisiblePage v, Map<String, String> sources) {
    Map<String, DocumentImage> pictures = new HashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (Map.Entry<String, String> source : sources.entrySet()) {
      chain =
          chain.compose(
              done ->
                  picture(v, source.getValue())
                      .map(
                          picture -> {
                            picture.ifPresent(p -> pictures.put(source.getKey(), p));
                            return null;
                          }));
    }
    return chain.map(done -> pictures);
  }

  /** One picture, if it can be had and still fits the document; never fails. */
  private Future<Optional<DocumentImage>> picture(VisiblePage v, String name) {
    long room = Math.min(MAX_IMAGE_BYTES, MAX_DOCUMENT_BYTES - held);
    if (room <= 0) {
      return Future.succeededFuture(Optional.empty());
    }
    return attachments
        .shownImage(v, name, room)
        .compose(
            shown ->
                shown.isEmpty()
                    ? Future.succeededFuture(Optional.<DocumentImage>empty())
                    : documents.executeBlocking(
                        () -> DocumentImages.embeddable(shown.get().bytes()), false))
        .map(made -> made.filter(this::fits))
        .recover(failure -> left(v, name, failure));
  }

  /** Whether a picture made for the document still fits it; if so, it is counted in. */
  private boolean fits(DocumentImage image) {
    if (held + image.bytes().length > MAX_DOCUMENT_BYTES) {
      return false;
    }
    held += image.bytes().length;
    return true;
  }

  private static Future<Optional<DocumentImage>> left(VisiblePage v, String name, Throwable e) {
    if (e instanceof AppError) {
      // Hidden or replaced since the page was rendered: its caption, as for anyone who may not
      // see it.
      LOG.debug("Page {}: picture {} not exported: {}", v.page().id(), name, e.getMessage());
    } else {
      LOG.warn("Page {}: picture {} not exported", v.page().id(), name, e);
    }
    return Future.succeededFuture(Optional.empty());
  }
}
