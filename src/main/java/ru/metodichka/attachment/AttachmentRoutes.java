package ru.metodichka.attachment;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.db.Rows;
import ru.metodichka.error.AppError;
import ru.metodichka.page.VisiblePage;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.StreamedBodies;

/**
 * {@code /api/communities/{c}/pages/{slug}/attachments}: files of a page. The upload is a multipart
 * body streamed into PostgreSQL past the body handler (its size limit is {@code
 * attachments.max-bytes}, and the upload is cut there with a 413); downloads are served so that
 * nothing in a file can run on the site ({@link ServedFiles}): the type sniffed from the content,
 * {@code Content-Disposition: attachment} for anything but raster images and plain text, {@code
 * nosniff} and a sandboxing Content-Security-Policy. {@code …/{name}/preview} is what a page shows
 * of an image ({@link Previews}), served the same way and not counted as a download.
 */
public final class AttachmentRoutes implements ApiRoutes {
  private static final String LIST = "/communities/:community/pages/:slug/attachments";
  private static final String ONE = LIST + "/:name";

  /** Room for the multipart framing around a file of the largest size. */
  static final long FRAMING = 64 * 1024;

  private final AttachmentService service;

  public AttachmentRoutes(AttachmentService service) {
    this.service = service;
  }

  @Override
  public List<String> streamedBodies() {
    return List.of("^/api/communities/[^/]+/pages/[^/]+/attachments$");
  }

  @Override
  public void mount(Router api) {
    api.post(LIST).handler(this::upload);
    api.get(LIST)
        .respond(
            ctx ->
                service
                    .list(CurrentUser.of(ctx), ctx.pathParam("community"), ctx.pathParam("slug"))
                    .map(list -> items(ctx, list)));
    api.get(ONE).handler(ctx -> download(ctx, null));
    api.get(ONE + "/versions/:number").handler(ctx -> download(ctx, number(ctx)));
    api.get(ONE + "/preview").handler(this::preview);
    api.post(ONE + "/hide").consumes("application/json").respond(this::hide);
    api.get(ONE + "/text")
        .respond(
            ctx ->
                service
                    .text(
                        CurrentUser.of(ctx),
                        ctx.pathParam("community"),
                        ctx.pathParam("slug"),
                        ctx.pathParam("name"))
                    .map(
                        t ->
                            new JsonObject()
                                .put("status", t.status())
                                .put("error", t.error())
                                .put("text", t.text())));
  }

  private void upload(RoutingContext ctx) {
    long declared = StreamedBodies.contentLength(ctx.request());
    service
        .editable(CurrentUser.of(ctx), ctx.pathParam("community"), ctx.pathParam("slug"))
        .onFailure(e -> StreamedBodies.fail(ctx, e))
        .onSuccess(
            page -> {
              if (!StreamedBodies.multipart(ctx)) {
                StreamedBodies.closeAfter(ctx);
                ctx.fail(415);
              } else if (declared > service.maxBytes() + FRAMING) {
                StreamedBodies.tooLarge(ctx);
              } else {
                receive(ctx, page);
              }
            });
  }

  /** Stores the first file part of the multipart body (streamed, see {@link StreamedBodies}). */
  private void receive(RoutingContext ctx, VisiblePage page) {
    firstFile(ctx, (name, upload) -> service.upload(page, name, upload))
        .onSuccess(
            a ->
                ctx.response()
                    .setStatusCode(201)
                    .putHeader("Content-Type", "application/json")
                    .putHeader("Location", url(ctx, a.name()))
                    .end(json(ctx, a).encode()))
        .onFailure(e -> failed(ctx, e));
  }

  /**
   * Stores the first file part of the request's multipart body with {@code store}, under the name
   * {@code ?name=} gives or else the part's own file name; 422 when the body has no file part.
   */
  static <T> Future<T> firstFile(
      RoutingContext ctx, BiFunction<String, ReadStream<Buffer>, Future<T>> store) {
    return StreamedBodies.firstFileArriving(ctx)
        .recover(e -> Future.failedFuture(AppError.invalid("file", "attachment_file_missing")))
        .compose(
            upload -> {
              String asked = ctx.queryParams().get("name");
              return store.apply(
                  asked != null && !asked.isBlank() ? asked : upload.filename(), upload);
            });
  }

  /** A refused upload: 413 beyond the limit, else the failure's own status. */
  static void failed(RoutingContext ctx, Throwable e) {
    if (e instanceof BlobStore.TooLarge) {
      StreamedBodies.tooLarge(ctx);
    } else {
      StreamedBodies.fail(ctx, e);
    }
  }

  private void download(RoutingContext ctx, Integer number) {
    service
        .find(
            CurrentUser.of(ctx),
            ctx.pathParam("community"),
            ctx.pathParam("slug"),
            ctx.pathParam("name"))
        .onFailure(ctx::fail)
        .onSuccess(
            found -> {
              Attachment a = found.attachment();
              AttachmentVersion v;
              try {
                v = AttachmentService.version(a, number);
              } catch (AppError e) {
                ctx.fail(e);
                return;
              }
              if (!ServedFiles.notModified(ctx, v.sha256())) {
                ServedFiles.send(ctx, a.name(), v.blob(), () -> service.send(a, v, ctx.response()));
              }
            });
  }

  /**
   * What a page shows of an image file (its latest version): the image, or its preview when wider
   * than a page. Not counted as a download: reading the page is not taking the file.
   */
  private void preview(RoutingContext ctx) {
    service
        .find(
            CurrentUser.of(ctx),
            ctx.pathParam("community"),
            ctx.pathParam("slug"),
            ctx.pathParam("name"))
        .compose(
            found ->
                ServedFiles.shown(
                    ctx, service, found.attachment().name(), found.attachment().latest().blob()))
        .onFailure(ctx::fail);
  }

  private Future<JsonObject> hide(RoutingContext ctx) {
    JsonInput input = JsonInput.of(ctx);
    boolean hidden = input.optionalBool("hidden", true);
    String reason = input.optionalText("reason", 2000, "");
    input.validate();
    return service
        .hide(
            CurrentUser.of(ctx),
            ctx.pathParam("community"),
            ctx.pathParam("slug"),
            ctx.pathParam("name"),
            hidden,
            reason)
        .map(a -> json(ctx, a));
  }

  private static Integer number(RoutingContext ctx) {
    try {
      return Integer.parseInt(ctx.pathParam("number"));
    } catch (NumberFormatException e) {
      throw AppError.notFound("attachment_version_not_found", ctx.pathParam("name"), 0);
    }
  }

  private static JsonObject items(RoutingContext ctx, List<Attachment> list) {
    JsonArray items = new JsonArray();
    list.forEach(a -> items.add(json(ctx, a)));
    return new JsonObject().put("items", items);
  }

  static String url(RoutingContext ctx, String name) {
    return "/api/communities/"
        + encode(ctx.pathParam("community"))
        + "/pages/"
        + encode(ctx.pathParam("slug"))
        + "/attachments/"
        + encode(name);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static JsonObject json(RoutingContext ctx, Attachment a) {
    AttachmentVersion latest = a.latest();
    JsonArray versions = new JsonArray();
    for (AttachmentVersion v : a.versions()) {
      versions.add(
          new JsonObject()
              .put("number", v.number())
              .put("size", v.size())
              .put("mediaType", v.mediaType())
              .put("sha256", v.sha256())
              .put("uploadedBy", v.uploadedBy())
              .put("uploadedAt", Rows.time(v.uploadedAt())));
    }
    String url = url(ctx, a.name());
    boolean shown = Images.shown(latest.mediaType(), latest.width(), latest.height());
    return new JsonObject()
        .put("name", a.name())
        .put("url", url)
        .put("preview", shown ? url + "/preview" : null)
        .put("version", latest.number())
        .put("size", latest.size())
        .put("mediaType", latest.mediaType())
        .put("sha256", latest.sha256())
        .put("width", latest.width())
        .put("height", latest.height())
        .put("hidden", a.hidden())
        .put("text", a.text())
        .put("downloads", a.downloads())
        .put("versions", versions);
  }
}
