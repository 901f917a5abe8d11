package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import ru.metodichka.community.Access;
import ru.metodichka.render.AttachmentResolver;

/**
 * The files a page's text may show ({@code ![подпись](attachment:схема.png)}), as one reader may
 * see them: supplied by the attachments feature (which depends on pages, not the other way round),
 * asked only for texts that refer to files at all ({@link AttachmentResolver#mayReferToFiles}).
 */
public interface PageFiles {
  /** For servers and tests without attachments: every file is missing. */
  PageFiles NONE = (sql, access, page, pending) -> Future.succeededFuture(Embeds.NONE);

  /**
   * The files of {@code page} (null for a page not saved yet) its reader ({@code access}) may see,
   * and the files of the editor's {@code pending} set (null for none: files kept aside for a page
   * until its save, see the attachments feature), the page's own first.
   */
  Future<Embeds> of(SqlClient sql, Access access, Page page, String pending);

  /**
   * A resolver, and a text that differs whenever what the resolver answers differs: part of the key
   * of cached HTML, so a new file, a new version of a different size or a hidden file shows at
   * once.
   */
  record Embeds(String key, AttachmentResolver resolver) {
    public static final Embeds NONE = new Embeds("", AttachmentResolver.NONE);
  }
}
