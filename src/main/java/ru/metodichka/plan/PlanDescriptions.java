package ru.metodichka.plan;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.community.Access;
import ru.metodichka.page.PageRendering;

/**
 * The descriptions of plan items as HTML, through the pages' renderer and sanitizer, with wiki
 * links resolved as a page's are for the same reader ({@code [[Критерии оценивания]]} links to the
 * community's page when the reader may see it, and is plain text otherwise). Rendered on the
 * Markdown workers, never on an event loop; not cached: a plan has tens of short descriptions.
 */
public final class PlanDescriptions {
  private final Pool pool;
  private final PageRendering rendering;
  private final WorkerExecutor workers;

  public PlanDescriptions(Pool pool, PageRendering rendering, WorkerExecutor workers) {
    this.pool = pool;
    this.rendering = rendering;
    this.workers = workers;
  }

  /** Each item's description as HTML, by item id ("" for an item without one). */
  public Future<Map<Long, String>> html(Access access, List<PlanItem> items) {
    Map<Long, String> html = new HashMap<>();
    Future<Void> chain = Future.succeededFuture();
    for (PlanItem item : items) {
      if (item.description().isBlank()) {
        html.put(item.id(), "");
        continue;
      }
      // One after another: renders of one plan need not compete for the workers with pages.
      chain =
          chain.compose(
              v ->
                  rendering
                      .preview(pool, access, item.description(), workers)
                      .map(rendered -> html.put(item.id(), rendered))
                      .mapEmpty());
    }
    return chain.map(v -> html);
  }
}
