package ru.metodichka.comment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.page.PageSection;
import ru.metodichka.page.PageView;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;

/**
 * The discussion on the page screen: the section under the page ({@link #section()}, rendered with
 * the page, so the cached public view holds it) and the forms it posts — a comment, a reply, the
 * author's edit and deletion, a moderator's hiding — each coming back to the page at the comment.
 */
public final class CommentScreens implements Screens {
  private static final String COMMENTS = "/c/:community/:slug/comments";
  private static final String COMMENT = COMMENTS + "/:id";
  private final Templates templates;
  private final CommentService comments;

  public CommentScreens(Templates templates, CommentService comments) {
    this.templates = templates;
    this.comments = comments;
  }

  @Override
  public void mount(Router router) {
    router.post(COMMENTS).handler(this::post);
    router.post(COMMENT + "/edit").handler(this::edit);
    router.post(COMMENT + "/delete").handler(this::delete);
    router.post(COMMENT + "/hide").handler(this::hide);
  }

  /** The discussion under the page, for its reader. */
  public PageSection section() {
    return this::html;
  }

  private Future<String> html(RoutingContext ctx, PageView page) {
    return comments
        .discussion(page.visible())
        .map(
            d -> {
              Map<String, Object> model = new HashMap<>();
              model.put("discussion", d);
              model.put("notice", notice(ctx));
              return templates.html(ctx, "comment/section.jte", model);
            });
  }

  /** The notice after a form of the discussion or a report came back ({@code ?commented=1}…). */
  private static String notice(RoutingContext ctx) {
    for (String done : List.of("posted", "edited", "deleted", "hidden")) {
      if (ctx.request().getParam("comment-" + done) != null) {
        return "discussion.notice." + done;
      }
    }
    return ctx.request().getParam("reported") != null ? "report.notice.sent" : "";
  }

  private void post(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    JsonObject body = new JsonObject().put("markdown", form(ctx, "markdown"));
    String replyTo = form(ctx, "replyTo");
    if (replyTo != null && replyTo.matches("\\d{1,9}")) {
      body.put("replyTo", Integer.parseInt(replyTo));
    }
    NewComment comment = NewComment.from(JsonInput.of(body));
    comments
        .post(actor, community(ctx), slug(ctx), comment)
        .onSuccess(c -> back(ctx, "posted", c.id()))
        .onFailure(ctx::fail);
  }

  private void edit(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    String markdown =
        NewComment.edit(JsonInput.of(new JsonObject().put("markdown", form(ctx, "markdown"))));
    long id = id(ctx);
    comments
        .edit(actor, community(ctx), slug(ctx), id, markdown)
        .onSuccess(c -> back(ctx, "edited", id))
        .onFailure(ctx::fail);
  }

  private void delete(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    long id = id(ctx);
    comments
        .delete(actor, community(ctx), slug(ctx), id)
        .onSuccess(c -> back(ctx, "deleted", id))
        .onFailure(ctx::fail);
  }

  private void hide(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    String reason =
        NewComment.reason(JsonInput.of(new JsonObject().put("reason", form(ctx, "reason"))));
    long id = id(ctx);
    comments
        .hide(actor, community(ctx), slug(ctx), id, reason)
        .onSuccess(c -> back(ctx, "hidden", id))
        .onFailure(ctx::fail);
  }

  private static void back(RoutingContext ctx, String done, long id) {
    Redirect.seeOther(
        ctx, "/c/" + community(ctx) + "/" + slug(ctx) + "?comment-" + done + "=1#comment-" + id);
  }

  private static String form(RoutingContext ctx, String name) {
    return ctx.request().getFormAttribute(name);
  }

  private static String community(RoutingContext ctx) {
    return ctx.pathParam("community");
  }

  private static String slug(RoutingContext ctx) {
    return ctx.pathParam("slug");
  }

  private static long id(RoutingContext ctx) {
    String raw = ctx.pathParam("id");
    if (raw == null || !raw.matches("\\d{1,18}")) {
      throw ru.metodichka.error.AppError.notFound("comment_not_found", 0);
    }
    return Long.parseLong(raw);
  }
}
