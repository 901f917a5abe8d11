package ru.metodichka.comment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.Person;
import ru.metodichka.db.Rows;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.RequestParams;

/**
 * {@code /api/communities/{c}/pages/{slug}/comments}: a page's discussion, posting, a reply, the
 * author's edit and deletion, a moderator's hiding and the texts a comment had.
 */
public final class CommentRoutes implements ApiRoutes {
  private static final String COMMENTS = "/communities/:community/pages/:slug/comments";
  private static final String COMMENT = COMMENTS + "/:id";
  private final CommentService comments;

  public CommentRoutes(CommentService comments) {
    this.comments = comments;
  }

  @Override
  public void mount(Router api) {
    api.get(COMMENTS)
        .respond(
            ctx ->
                comments
                    .discussion(CurrentUser.of(ctx), community(ctx), slug(ctx))
                    .map(CommentRoutes::json));
    api.post(COMMENTS).consumes("application/json").respond(this::post);
    api.patch(COMMENT).consumes("application/json").respond(this::edit);
    api.delete(COMMENT).handler(this::delete);
    api.post(COMMENT + "/hide").consumes("application/json").respond(this::hide);
    api.get(COMMENT + "/versions")
        .respond(
            ctx ->
                comments
                    .versions(CurrentUser.of(ctx), community(ctx), slug(ctx), id(ctx))
                    .map(CommentRoutes::versions));
  }

  private Future<JsonObject> post(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    NewComment comment = NewComment.from(JsonInput.of(ctx));
    return comments
        .post(actor, community(ctx), slug(ctx), comment)
        .map(
            c -> {
              ctx.response()
                  .setStatusCode(201)
                  .putHeader("Location", ctx.request().path().replaceAll("/+$", "") + "/" + c.id());
              return json(c, true);
            });
  }

  private Future<JsonObject> edit(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    String markdown = NewComment.edit(JsonInput.of(ctx));
    return comments
        .edit(actor, community(ctx), slug(ctx), id(ctx), markdown)
        .map(c -> json(c, true));
  }

  private void delete(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    comments
        .delete(actor, community(ctx), slug(ctx), id(ctx))
        .onSuccess(v -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private Future<JsonObject> hide(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    String reason = NewComment.reason(JsonInput.of(ctx));
    return comments.hide(actor, community(ctx), slug(ctx), id(ctx), reason).map(c -> json(c, true));
  }

  /** {@code {count, items}}: the threads flattened, each top-level comment before its replies. */
  static JsonObject json(Discussion d) {
    JsonArray items = new JsonArray();
    for (ShownComment thread : d.threads()) {
      items.add(json(thread));
      thread.replies().forEach(r -> items.add(json(r)));
    }
    return new JsonObject()
        .put("count", d.count())
        .put("canComment", d.canComment())
        .put("items", items);
  }

  private static JsonObject json(ShownComment s) {
    JsonObject json = json(s.comment(), s.readable());
    if (s.readable()) {
      json.put("html", s.html());
    }
    json.put("mine", s.mine());
    return json;
  }

  /**
   * A comment; its text ({@code markdown}, and a hidden one's {@code hiddenReason}) only when the
   * reader may read it.
   */
  static JsonObject json(Comment c, boolean readable) {
    JsonObject json =
        new JsonObject()
            .put("id", c.id())
            .put("replyTo", c.parentId())
            .put("author", person(c.author()))
            .put("createdAt", Rows.time(c.createdAt()))
            .put("editedAt", Rows.time(c.editedAt()))
            .put("state", c.state().code());
    if (readable && c.state() != Comment.State.DELETED) {
      json.put("markdown", c.markdown());
      if (c.state() == Comment.State.HIDDEN) {
        json.put("hiddenReason", c.hiddenReason());
      }
    }
    return json;
  }

  private static JsonObject versions(List<CommentVersion> versions) {
    JsonArray items = new JsonArray();
    versions.forEach(
        v ->
            items.add(
                new JsonObject()
                    .put("version", v.version())
                    .put("markdown", v.markdown())
                    .put("createdAt", Rows.time(v.createdAt()))));
    return new JsonObject().put("items", items);
  }

  private static JsonObject person(Person p) {
    return new JsonObject().put("login", p.login()).put("name", p.name());
  }

  private static String community(RoutingContext ctx) {
    return ctx.pathParam("community");
  }

  private static String slug(RoutingContext ctx) {
    return ctx.pathParam("slug");
  }

  private static long id(RoutingContext ctx) {
    return RequestParams.pathInt(ctx, "id", 1, Integer.MAX_VALUE);
  }
}
