package ru.metodichka.page;

import io.vertx.core.Future;
import java.util.List;
import ru.metodichka.auth.CurrentUser;

/**
 * «Похожие материалы» under a published page. The search feature finds them; the page feature only
 * shows them, so it does not depend on how they are found.
 */
@FunctionalInterface
public interface SimilarPages {
  /** Up to a few pages like this one that the user may see; never fails (none instead). */
  Future<List<RelatedPage>> find(CurrentUser user, long pageId);
}
