package ru.metodichka.attachment;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.StreamedBodies;

/**
 * {@code /api/communities/{c}/pending-files}: files kept for a page until it is saved ({@link
 * PendingFiles}). {@code POST} stores one (multipart, streamed like an upload, {@code ?token=} to
 * add to a set, {@code ?name=} to name it); {@code GET /{token}} lists the set, {@code GET
 * /{token}/{name}} and {@code …/preview} serve a file to the user who sent it; {@code POST
 * /{token}/attach} with {@code {"page": slug}} makes the set files of that page.
 */
public final class PendingRoutes implements ApiRoutes {
  private static final String SET = "/communities/:community/pending-files";
  private static final String ONE = SET + "/:token/:name";
  private final PendingFiles pending;
  private final AttachmentService attachments;

  public PendingRoutes(PendingFiles pending, AttachmentService attachments) {
    this.pending = pending;
    this.attachments = attachments;
  }

  @Override
  public List<String> streamedBodies() {
    return List.of("^/api/communities/[^/]+/pending-files$");
  }

  @Override
  public void mount(Router api) {
    api.post(SET).handler(this::keep);
    api.get(SET + "/:token").respond(this::list);
    api.get(ONE).handler(this::download);
    api.get(ONE + "/preview").handler(this::preview);
    api.post(SET + "/:token/attach").consumes("application/json").respond(this::attach);
  }

  private void keep(RoutingContext ctx) {
    long declared = StreamedBodies.contentLength(ctx.request());
    pending
        .editor(CurrentUser.of(ctx), ctx.pathParam("community"))
        .onFailure(e -> StreamedBodies.fail(ctx, e))
        .onSuccess(
            access -> {
              if (!StreamedBodies.multipart(ctx)) {
                StreamedBodies.closeAfter(ctx);
                ctx.fail(415);
              } else if (declared > attachments.maxBytes() + AttachmentRoutes.FRAMING) {
                StreamedBodies.tooLarge(ctx);
              } else {
                receive(ctx, access);
              }
            });
  }

  private void receive(RoutingContext ctx, Access access) {
    AttachmentRoutes.firstFile(
            ctx,
            (name, upload) -> pending.keep(access, ctx.queryParams().get("token"), name, upload))
        .onSuccess(
            kept ->
                ctx.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .end(json(ctx, kept).encode()))
        .onFailure(e -> AttachmentRoutes.failed(ctx, e));
  }

  private Future<JsonObject> list(RoutingContext ctx) {
    return pending
        .list(CurrentUser.of(ctx), ctx.pathParam("community"), ctx.pathParam("token"))
        .map(
            kept -> {
              JsonArray items = new JsonArray();
              kept.forEach(k -> items.add(json(ctx, k)));
              return new JsonObject().put("token", ctx.pathParam("token")).put("items", items);
            });
  }

  private Future<PendingFiles.Kept> find(RoutingContext ctx) {
    return pending.find(
        CurrentUser.of(ctx),
        ctx.pathParam("community"),
        ctx.pathParam("token"),
        ctx.pathParam("name"));
  }

  private void download(RoutingContext ctx) {
    find(ctx)
        .onFailure(ctx::fail)
        .onSuccess(
            kept -> {
              if (!ServedFiles.notModified(ctx, kept.blob().sha256())) {
                ServedFiles.send(
                    ctx,
                    kept.name(),
                    kept.blob(),
                    () -> attachments.blobs().send(kept.blob().id(), ctx.response()));
              }
            });
  }

  private void preview(RoutingContext ctx) {
    find(ctx)
        .compose(kept -> ServedFiles.shown(ctx, attachments, kept.name(), kept.blob()))
        .onFailure(ctx::fail);
  }

  private Future<JsonObject> attach(RoutingContext ctx) {
    JsonInput input = JsonInput.of(ctx);
    String page = input.requiredText("page", 300);
    input.validate();
    CurrentUser actor = CurrentUser.of(ctx);
    return attachments
        .editable(actor, ctx.pathParam("community"), page)
        .compose(visible -> pending.attach(visible, ctx.pathParam("token")))
        .map(names -> new JsonObject().put("attached", new JsonArray(names)));
  }

  static JsonObject json(RoutingContext ctx, PendingFiles.Kept kept) {
    String url =
        "/api/communities/"
            + EmbeddedFiles.encode(ctx.pathParam("community"))
            + "/pending-files/"
            + kept.token()
            + "/"
            + EmbeddedFiles.encode(kept.name());
    StoredBlob blob = kept.blob();
    return new JsonObject()
        .put("token", kept.token().toString())
        .put("name", kept.name())
        .put("url", url)
        .put(
            "preview",
            Images.shown(blob.mediaType(), blob.width(), blob.height()) ? url + "/preview" : null)
        .put("size", blob.size())
        .put("mediaType", blob.mediaType())
        .put("width", blob.width())
        .put("height", blob.height());
  }
}
