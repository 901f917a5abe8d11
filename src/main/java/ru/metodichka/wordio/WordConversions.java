package ru.metodichka.wordio;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import ru.metodichka.attachment.PendingFiles;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.Community;
import ru.metodichka.community.CommunityService;
import ru.metodichka.error.AppError;

/**
 * Word in: a .docx imported as the text of a new page (for those who may create pages in the
 * community: its insiders while it is active), and office HTML pasted into the editor (any
 * logged-in user; the editor is theirs). Neither saves anything: the result goes to the editor,
 * which saves it as any text. Conversions run on a pool of their own with a time limit, so a
 * hostile document never holds an event loop or the page views' workers.
 */
public final class WordConversions {
  static final long TIME_LIMIT_MS = 20_000;
  private final Pool pool;
  private final CommunityService communities;
  private final WorkerExecutor workers;
  private final PendingFiles pending;

  /**
   * @param pending where an imported document's pictures are kept until the page is saved
   */
  public WordConversions(
      Pool pool, CommunityService communities, WorkerExecutor workers, PendingFiles pending) {
    this.pool = pool;
    this.communities = communities;
    this.workers = workers;
    this.pending = pending;
  }

  /** The community a user imports into: 401 for visitors, 403 for outsiders, 409 if archived. */
  public Future<Community> community(CurrentUser actor, String community) {
    return communities.access(pool, actor, community).map(a -> a.requireEditor().community());
  }

  /** A .docx as a page's title and Markdown: 401, 403 for outsiders, 422 for a bad file. */
  public Future<WordImport.Imported> importDocx(
      CurrentUser actor, String community, byte[] docx, String fileName) {
    return communities
        .access(pool, actor, community)
        .map(Access::requireEditor)
        .compose(access -> timed(() -> WordImport.convert(docx, fileName)));
  }

  /**
   * An import with its pictures kept for the page ({@code pending}: their token, null for none).
   */
  public record Imported(WordImport.Imported document, String pending) {}

  /**
   * A .docx (in a file) as a page's title and Markdown, its pictures kept as the page's files to be
   * ({@link PendingFiles}, under {@code token}, or a new token when null) so that the preview shows
   * them and saving the page attaches them. A picture that cannot be kept (too large) is named in
   * the warnings. 401, 403 for outsiders, 422 for a bad file, 404 for someone else's token.
   */
  public Future<Imported> importDocx(
      CurrentUser actor, String community, Path docx, String fileName, String token) {
    return communities
        .access(pool, actor, community)
        .map(Access::requireEditor)
        .compose(
            access ->
                timed(() -> WordImport.convert(docx, fileName))
                    .compose(imported -> keepPictures(access, imported, token)));
  }

  private Future<Imported> keepPictures(Access access, WordImport.Imported imported, String token) {
    Future<Imported> chain = Future.succeededFuture(new Imported(imported, token));
    for (WordImage image : imported.images()) {
      chain =
          chain.compose(
              so ->
                  pending
                      .keep(access, so.pending(), image.name(), Buffer.buffer(image.data()))
                      .map(kept -> new Imported(so.document(), kept.token().toString()))
                      .recover(
                          failure ->
                              PendingFiles.tooLarge(failure)
                                  ? Future.succeededFuture(notKept(so, image))
                                  : Future.failedFuture(failure)));
    }
    return chain;
  }

  /** The import, a warning added: the picture is not among the page's files to be. */
  private static Imported notKept(Imported so, WordImage image) {
    List<String> warnings = new ArrayList<>(so.document().warnings());
    warnings.add("Рисунок «" + image.name() + "» не сохранён: он слишком большой");
    WordImport.Imported d = so.document();
    return new Imported(
        new WordImport.Imported(d.title(), d.markdown(), d.images(), List.copyOf(warnings)),
        so.pending());
  }

  /** Pasted HTML as Markdown (logged-in users). */
  public Future<String> pasted(CurrentUser actor, String html) {
    actor.requireLoggedIn();
    return timed(() -> HtmlToMarkdown.convert(html));
  }

  private <T> Future<T> timed(java.util.concurrent.Callable<T> work) {
    return workers
        .executeBlocking(work, false)
        .timeout(TIME_LIMIT_MS, TimeUnit.MILLISECONDS)
        .recover(
            failure ->
                Future.failedFuture(
                    failure instanceof TimeoutException
                        ? AppError.unavailable("import_too_slow")
                        : failure));
  }
}
