package ru.metodichka.wordio;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  public WordConversions(Pool pool, CommunityService communities, WorkerExecutor workers) {
    this.pool = pool;
    this.communities = communities;
    this.workers = workers;
  }

  /** The community a user imports into: 401 for visitors, 403 for outsiders, 409 if archived. */
  public Future<Community> community(CurrentUser actor, String community) {
    return communities.access(pool, actor, community).map(a -> a.requireEditor().community());
  }

  /** A .docx as a new page's title and Markdown: 401, 403 for outsiders, 422 for a bad file. */
  public Future<WordImport.Imported> importDocx(
      CurrentUser actor, String community, byte[] docx, String fileName) {
    return communities
        .access(pool, actor, community)
        .map(Access::requireEditor)
        .compose(access -> timed(() -> WordImport.convert(docx, fileName)));
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
