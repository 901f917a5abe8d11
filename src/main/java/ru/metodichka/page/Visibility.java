package ru.metodichka.page;

import ru.metodichka.community.Access;

/**
 * Who may see which pages: the one rule every reader of pages asks — the page and its revisions,
 * diffs, backlinks, lists, recent changes, profiles, search and suggestions, similar materials, the
 * bank's feeds and sitemap, and wiki links, resolved and previewed.
 *
 * <p>A published page is public. A page in any other status (draft, in review, archived) exists
 * only for its community's insiders ({@link Access#insider()}: active members and moderators, and
 * administrators). For everyone else — anonymous visitors, teachers of other communities, former
 * members, moderators of other communities, experts — it does not exist: 404, never listed, never
 * counted, and a wiki link to it reads as a link to a missing page.
 *
 * <p>Of a page they may see, insiders read the latest revision and everyone else the reviewed one
 * ({@link #shownRevision}): a published page's edits reach the public when a moderator reviews
 * them.
 *
 * <p>The rule is written twice: in Java for a page already read ({@link #maySee}), and in SQL for
 * queries that must not read what the reader may not see ({@link #pageSql}, {@link #visibleSql});
 * the search scope is computed with the same SQL. {@code VisibilityIT} checks every reader against
 * one table.
 */
public final class Visibility {
  private Visibility() {}

  /** Whether the reader may see a page of this status in the community of {@code access}. */
  public static boolean maySee(Access access, PageStatus status) {
    return status == PageStatus.PUBLISHED || access.insider();
  }

  /**
   * The revision the reader reads of a page they may see: the latest for insiders, the reviewed one
   * for everyone else (edits saved after the review wait for the next).
   */
  public static int shownRevision(Access access, Page page) {
    return access.insider() ? page.currentRevision() : page.publicRevision();
  }

  /** Whether the reader may read revision {@code number} of a page they may see. */
  public static boolean mayRead(Access access, Page page, int number) {
    return number <= shownRevision(access, page);
  }

  /**
   * Whether the reader may read revision {@code number} of a page they may see, when {@code hidden}
   * says whether a moderator hid it ({@code revision_hidings}): a hidden revision is read by the
   * community's moderators and administrators only — for everyone else its text, title and summary
   * are not in the history, the diffs, the recent changes, the feeds or the API (the history lists
   * it as hidden, without its summary). A revision the public or the insiders read as the page's
   * text is never hidden: hiding it reverts the page first ({@link PageService#hideRevision}), so
   * search, exports and the page itself never hold hidden text.
   */
  public static boolean mayReadRevision(Access access, Page page, int number, boolean hidden) {
    return mayRead(access, page, number) && (!hidden || access.moderator());
  }

  /**
   * The hidden-revision half of {@link #mayReadRevision} as SQL for the revision aliased {@code
   * revision} (its {@code page_id} and {@code number}), for a reader who moderates its community
   * when {@code moderator} (an SQL boolean: {@link Access#moderatorSql}) holds.
   */
  public static String revisionSql(String revision, String moderator) {
    return "("
        + moderator
        + " OR NOT EXISTS (SELECT 1 FROM revision_hidings hid WHERE hid.page_id = "
        + revision
        + ".page_id AND hid.revision = "
        + revision
        + ".number))";
  }

  /**
   * {@link #revisionSql} for the revision aliased {@code revision} of the page aliased {@code page}
   * and a reader given by the parameters {@code admin} and {@code userId}.
   */
  public static String revisionSql(String revision, String page, String admin, String userId) {
    return revisionSql(revision, Access.moderatorSql(page + ".community_id", admin, userId));
  }

  /**
   * {@link #shownRevision} as SQL for the page aliased {@code page} and a reader who is an insider
   * of its community when {@code insider} holds.
   */
  public static String shownRevisionSql(String page, String insider) {
    return "(CASE WHEN "
        + insider
        + " THEN "
        + page
        + ".current_revision WHEN "
        + page
        + ".status = 'published' THEN coalesce("
        + page
        + ".reviewed_revision, 0) ELSE 0 END)";
  }

  /**
   * {@link #shownRevisionSql} for a reader given by the parameters {@code admin} and {@code
   * userId}.
   */
  public static String shownRevisionSql(String page, String admin, String userId) {
    return shownRevisionSql(page, Access.insiderSql(page + ".community_id", admin, userId));
  }

  /**
   * The rule as an SQL condition on the page aliased {@code page}, for a reader who is an insider
   * of its community when {@code insider} (an SQL boolean: a parameter or {@link
   * Access#insiderSql}) holds.
   */
  public static String visibleSql(String page, String insider) {
    return "(" + page + ".status = 'published' OR " + insider + ")";
  }

  /**
   * The rule as an SQL condition on the page aliased {@code page} of any community, for the reader
   * given by the parameters {@code admin} (boolean) and {@code userId} (bigint, 0 for anonymous).
   */
  public static String pageSql(String page, String admin, String userId) {
    return visibleSql(page, Access.insiderSql(page + ".community_id", admin, userId));
  }
}
