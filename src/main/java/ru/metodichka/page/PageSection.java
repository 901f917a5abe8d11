package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/**
 * A part of the page screen another feature renders under the page (the discussion): finished HTML
 * for the page's reader, rendered with the page (so a cached public view holds it too; whoever
 * changes it forgets the page's cached view, see {@link PageService#discussionChanged}).
 */
@FunctionalInterface
public interface PageSection {
  /** Nothing under the page. */
  PageSection NONE = (ctx, page) -> Future.succeededFuture("");

  /** The section's HTML for the page's reader ("" for none). */
  Future<String> html(RoutingContext ctx, PageView page);
}
