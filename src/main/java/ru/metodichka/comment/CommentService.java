package ru.metodichka.comment;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.contribution.ContributionRepository;
import ru.metodichka.error.AppError;
import ru.metodichka.notification.event.Event;
import ru.metodichka.notification.event.Notifications;
import ru.metodichka.page.PageReader;
import ru.metodichka.page.PageRendering;
import ru.metodichka.page.PageService;
import ru.metodichka.page.PageStatus;
import ru.metodichka.page.VisiblePage;

/**
 * The discussion under pages (§3 mutual support). Who reads a page's comments is who may see the
 * page ({@link PageReader#visible}, the one visibility rule): anonymous visitors and everyone else
 * the comments of published pages, a community's insiders those of every page of theirs. Whoever
 * reads a page and is logged in comments on it (members on their community's drafts too, anyone on
 * published pages: openness), unless the page is retired or the community archived.
 *
 * <p>One level of replies: a reply to a reply is attached to the top-level comment the answered one
 * replies to (the thread stays one level deep and the answer stays next to what it answers). An
 * author edits their comment (every earlier text is kept) or deletes it (it reads «комментарий
 * удалён»; the row and its texts stay); the community's moderators and administrators hide one with
 * a reason, after which its text reaches only them. Each comment posted is a {@code comment}
 * contribution in the ledger. Markdown goes through the pages' renderer and sanitizer, with wiki
 * links resolved for each reader. Every act is one transaction; after it this server's cached
 * public view of the page is forgotten, and other servers' views through their indexers (a trigger
 * on {@code comments}).
 */
public final class CommentService {
  /** The most comments one page shows (a discussion longer than this is cut, oldest kept). */
  static final int MAX_SHOWN = 500;

  private final Pool pool;
  private final PageReader reader;
  private final PageService pages;
  private final PageRendering rendering;
  private final WorkerExecutor markdown;
  private final ContributionRepository contributions;
  private final CommentRepository comments = new CommentRepository();

  private static final int EXCERPT_CHARS = 200;
  private final Notifications notifications;

  public CommentService(
      Pool pool,
      PageReader reader,
      PageService pages,
      PageRendering rendering,
      WorkerExecutor markdown,
      ContributionRepository contributions,
      Notifications notifications) {
    this.notifications = notifications;
    this.pool = pool;
    this.reader = reader;
    this.pages = pages;
    this.rendering = rendering;
    this.markdown = markdown;
    this.contributions = contributions;
  }

  /** The page's discussion as its reader sees it; 404 when they may not see the page. */
  public Future<Discussion> discussion(CurrentUser actor, String community, String slug) {
    return reader.visible(actor, community, slug).compose(this::discussion);
  }

  /** The discussion of a page its reader may see. */
  public Future<Discussion> discussion(VisiblePage v) {
    Access access = v.access();
    boolean moderator = access.moderator();
    return comments
        .ofPage(pool, v.page().id(), MAX_SHOWN)
        .compose(
            list -> {
              Map<Long, String> html = new HashMap<>();
              Future<Void> chain = Future.succeededFuture();
              for (Comment c : list) {
                if (readable(c, moderator)) {
                  chain =
                      chain.compose(
                          x ->
                              rendering
                                  .preview(pool, access, c.markdown(), markdown)
                                  .map(h -> html.put(c.id(), h))
                                  .mapEmpty());
                }
              }
              return chain.map(x -> threads(v, list, html));
            });
  }

  private static boolean readable(Comment c, boolean moderator) {
    return switch (c.state()) {
      case VISIBLE -> true;
      case HIDDEN -> moderator;
      case DELETED -> false;
    };
  }

  private static Discussion threads(VisiblePage v, List<Comment> list, Map<Long, String> html) {
    long me = v.access().user().id();
    Map<Long, List<ShownComment>> replies = new HashMap<>();
    Map<Long, Comment> top = new LinkedHashMap<>();
    int count = 0;
    for (Comment c : list) {
      if (c.state() == Comment.State.VISIBLE) {
        count++;
      }
      if (c.reply()) {
        replies
            .computeIfAbsent(c.parentId(), k -> new ArrayList<>())
            .add(shown(c, html, me, List.of()));
      } else {
        top.put(c.id(), c);
      }
    }
    List<ShownComment> threads = new ArrayList<>();
    for (Comment c : top.values()) {
      threads.add(shown(c, html, me, replies.getOrDefault(c.id(), List.of())));
    }
    return new Discussion(v, threads, count, mayComment(v), v.access().moderator());
  }

  private static ShownComment shown(
      Comment c, Map<Long, String> html, long me, List<ShownComment> replies) {
    return new ShownComment(
        c, html.getOrDefault(c.id(), ""), me != 0 && c.authorId() == me, replies);
  }

  /** Logged-in readers of the page comment, while the page and its community are active. */
  static boolean mayComment(VisiblePage v) {
    return !v.access().user().anonymous()
        && !v.community().archived()
        && v.page().status() != PageStatus.ARCHIVED;
  }

  /**
   * Posts a comment (or a reply); 401 anonymous, 404 when the reader may not see the page, 409 when
   * the page is retired or the community archived, 422 when {@code replyTo} is not a comment of the
   * page that still reads.
   */
  public Future<Comment> post(
      CurrentUser actor, String community, String slug, NewComment comment) {
    actor.requireLoggedIn();
    return reader
        .visible(actor, community, slug)
        .compose(
            v -> {
              requireOpen(v);
              return pool.withTransaction(tx -> insert(tx, v, comment));
            })
        .onSuccess(c -> pages.discussionChanged(community, slug));
  }

  private Future<Comment> insert(SqlClient tx, VisiblePage v, NewComment comment) {
    long pageId = v.page().id();
    Future<Comment> answered =
        comment.replyTo() == null
            ? Future.succeededFuture(null)
            : comments
                .find(tx, pageId, comment.replyTo())
                .map(
                    found -> {
                      Comment c =
                          found.orElseThrow(() -> AppError.invalid("replyTo", "comment_not_found"));
                      if (c.state() != Comment.State.VISIBLE) {
                        throw AppError.invalid("replyTo", "comment_gone");
                      }
                      return c;
                    });
    long author = v.access().user().id();
    return answered.compose(
        a ->
            comments
                .insert(
                    tx,
                    pageId,
                    author,
                    a == null ? null : a.reply() ? a.parentId() : a.id(),
                    comment.markdown())
                .compose(
                    id ->
                        contributions
                            .recordComment(
                                tx,
                                author,
                                v.community().id(),
                                pageId,
                                id,
                                comment.markdown().length())
                            .compose(
                                x ->
                                    notifications.emit(
                                        tx,
                                        new Event.CommentPosted(
                                            v.community().id(),
                                            pageId,
                                            id,
                                            author,
                                            a == null ? null : a.authorId(),
                                            excerpt(comment.markdown()))))
                            .compose(x -> comments.find(tx, pageId, id))
                            .map(found -> found.orElseThrow())));
  }

  /**
   * The comment's beginning as written, for a notification (plain text there; Markdown is not
   * parsed inside the transaction, where a hostile text would hold the event loop).
   */
  static String excerpt(String markdown) {
    String flat = markdown.replaceAll("\\s+", " ").strip();
    return flat.length() <= EXCERPT_CHARS ? flat : flat.substring(0, EXCERPT_CHARS - 1) + "…";
  }

  /** The author changes their comment's text (the earlier one is kept); 403 for anyone else. */
  public Future<Comment> edit(
      CurrentUser actor, String community, String slug, long id, String markdown) {
    actor.requireLoggedIn();
    return reader
        .visible(actor, community, slug)
        .compose(
            v -> {
              requireOpen(v);
              return pool.withTransaction(
                  tx ->
                      own(tx, v, id)
                          .compose(
                              c -> {
                                if (c.state() != Comment.State.VISIBLE) {
                                  throw AppError.conflict("comment_gone", id);
                                }
                                return comments
                                    .edit(tx, id, markdown)
                                    .compose(x -> comments.find(tx, v.page().id(), id))
                                    .map(found -> found.orElseThrow());
                              }));
            })
        .onSuccess(c -> pages.discussionChanged(community, slug));
  }

  /** The author deletes their comment (kept in the database); 403 for anyone else. */
  public Future<Void> delete(CurrentUser actor, String community, String slug, long id) {
    actor.requireLoggedIn();
    return reader
        .visible(actor, community, slug)
        .compose(
            v ->
                pool.withTransaction(
                    tx -> own(tx, v, id).compose(c -> comments.delete(tx, id, actor.id()))))
        .onSuccess(x -> pages.discussionChanged(community, slug));
  }

  /** A moderator hides a comment with a reason; 403 for anyone else. */
  public Future<Comment> hide(
      CurrentUser actor, String community, String slug, long id, String reason) {
    actor.requireLoggedIn();
    return reader
        .visible(actor, community, slug)
        .compose(
            v ->
                pool.withTransaction(
                    tx ->
                        hide(tx, v.access(), v.page().id(), id, reason)
                            .compose(x -> comments.find(tx, v.page().id(), id))
                            .map(found -> found.orElseThrow())))
        .onSuccess(c -> pages.discussionChanged(community, slug));
  }

  /**
   * Hides comment {@code id} of page {@code pageId} inside the caller's transaction (an ethics
   * report's resolution); the caller forgets the page's cached view after the commit ({@link
   * PageService#discussionChanged}).
   */
  public Future<Void> hide(SqlClient tx, Access access, long pageId, long id, String reason) {
    access.requireModerator();
    return comments
        .lock(tx, pageId, id)
        .compose(
            found -> {
              found.orElseThrow(() -> AppError.notFound("comment_not_found", id));
              return comments.hide(tx, id, access.user().id(), reason);
            });
  }

  /**
   * A comment of a page the reader sees, if the reader may read it (an ethics report's target); 404
   * otherwise.
   */
  public Future<Comment> readable(VisiblePage v, long id) {
    return comments
        .find(pool, v.page().id(), id)
        .map(
            found ->
                found
                    .filter(c -> readable(c, v.access().moderator()))
                    .orElseThrow(() -> AppError.notFound("comment_not_found", id)));
  }

  /** Every text the comment had, newest first: for the community's moderators only. */
  public Future<List<CommentVersion>> versions(
      CurrentUser actor, String community, String slug, long id) {
    actor.requireLoggedIn();
    return reader
        .visible(actor, community, slug)
        .compose(
            v -> {
              v.access().requireModeratorRights();
              return comments
                  .find(pool, v.page().id(), id)
                  .compose(
                      found -> {
                        found.orElseThrow(() -> AppError.notFound("comment_not_found", id));
                        return comments.versions(pool, id);
                      });
            });
  }

  private Future<Comment> own(SqlClient tx, VisiblePage v, long id) {
    return comments
        .lock(tx, v.page().id(), id)
        .map(
            found -> {
              Comment c = found.orElseThrow(() -> AppError.notFound("comment_not_found", id));
              if (c.authorId() != v.access().user().id()) {
                throw AppError.forbidden("not_comment_author", id);
              }
              return c;
            });
  }

  private static void requireOpen(VisiblePage v) {
    v.access().requireActive();
    if (v.page().status() == PageStatus.ARCHIVED) {
      throw AppError.conflict("page_archived", v.page().slug());
    }
  }
}
