package ru.metodichka.wordio;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.file.Path;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.PublicUrl;
import ru.metodichka.web.StreamedBodies;

/**
 * Word in and out through the API: {@code POST /communities/{c}/import} (a .docx, as the request's
 * body or a multipart file, to a page's title and Markdown for the editor), {@code POST
 * /convert/html} (pasted HTML to Markdown), and {@code GET
 * /communities/{c}/pages/{slug}/export.docx} and {@code export.pdf} ({@code ?revision=}, {@code
 * ?section=true}).
 */
public final class WordRoutes implements ApiRoutes {
  private static final String PAGE = "/communities/:community/pages/:slug";

  /** Room for the multipart framing around a document of the largest size. */
  private static final long FRAMING = 64 * 1024;

  private final WordConversions conversions;
  private final PageExports exports;
  private final PublicUrl publicUrl;
  private final long maxBytes;

  /**
   * @param maxBytes the largest document imported ({@code attachments.import-max-bytes})
   */
  public WordRoutes(
      WordConversions conversions, PageExports exports, PublicUrl publicUrl, long maxBytes) {
    this.conversions = conversions;
    this.exports = exports;
    this.publicUrl = publicUrl;
    this.maxBytes = maxBytes;
  }

  @Override
  public List<String> streamedBodies() {
    return List.of("^/api/communities/[^/]+/import$");
  }

  @Override
  public void mount(Router api) {
    api.post("/communities/:community/import").handler(this::importDocx);
    api.post("/convert/html").consumes("application/json").respond(this::convertHtml);
    api.get(PAGE + "/export.docx")
        .handler(ctx -> ExportResponse.send(ctx, exports, publicUrl, PageExports.Format.DOCX));
    api.get(PAGE + "/export.pdf")
        .handler(ctx -> ExportResponse.send(ctx, exports, publicUrl, PageExports.Format.PDF));
  }

  /**
   * A .docx as a page's title and Markdown. Who may import is settled before the body is read; the
   * body (a multipart file part, or the document itself with {@code ?name=}) is then written to a
   * temporary file, at most {@code attachments.import-max-bytes} (413 beyond, the connection
   * closed). {@code ?pending=}: keep the pictures with the editor's other files kept for the page.
   */
  private void importDocx(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx);
    String community = ctx.pathParam("community");
    long declared = StreamedBodies.contentLength(ctx.request());
    conversions
        .community(actor, community)
        .onFailure(e -> StreamedBodies.fail(ctx, e))
        .onSuccess(
            c -> {
              if (declared > maxBytes + FRAMING) {
                StreamedBodies.tooLarge(ctx);
              } else {
                receive(ctx, actor, community);
              }
            });
  }

  private void receive(RoutingContext ctx, CurrentUser actor, String community) {
    Vertx vertx = ctx.vertx();
    String token = blankToNull(ctx.queryParams().get("pending"));
    upload(ctx)
        .compose(
            upload ->
                conversions
                    .importDocx(actor, community, upload.path(), upload.name(), token)
                    .onComplete(done -> DocxUpload.delete(vertx, upload.path())))
        .onSuccess(
            imported ->
                ctx.response()
                    .putHeader("Content-Type", "application/json")
                    .end(imported(imported).encode()))
        .onFailure(
            e -> {
              if (e instanceof DocxUpload.TooLarge) {
                StreamedBodies.tooLarge(ctx);
              } else {
                StreamedBodies.fail(ctx, e);
              }
            });
  }

  /** The document saved to a temporary file, and its name. */
  private Future<Upload> upload(RoutingContext ctx) {
    if (StreamedBodies.multipart(ctx)) {
      return StreamedBodies.firstFileArriving(ctx)
          .recover(e -> Future.failedFuture(AppError.invalid("file", "required")))
          .compose(
              file ->
                  DocxUpload.save(ctx.vertx(), file, maxBytes)
                      .map(path -> new Upload(file.filename(), path)));
    }
    String name = ctx.request().getParam("name");
    return DocxUpload.save(ctx.vertx(), ctx.request(), maxBytes)
        .compose(path -> nonEmpty(ctx.vertx(), path))
        .map(path -> new Upload(name == null ? "" : name, path));
  }

  private static Future<Path> nonEmpty(Vertx vertx, Path path) {
    return vertx
        .fileSystem()
        .props(path.toString())
        .compose(
            props ->
                props.size() > 0
                    ? Future.succeededFuture(path)
                    : DocxUpload.delete(vertx, path)
                        .compose(v -> Future.failedFuture(AppError.invalid("file", "required"))));
  }

  private record Upload(String name, Path path) {}

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static JsonObject imported(WordConversions.Imported result) {
    WordImport.Imported imported = result.document();
    JsonArray images = new JsonArray();
    imported
        .images()
        .forEach(
            image ->
                images.add(
                    new JsonObject()
                        .put("name", image.name())
                        .put("contentType", image.contentType())
                        .put("size", image.data().length)));
    return new JsonObject()
        .put("title", imported.title())
        .put("markdown", imported.markdown())
        .put("warnings", new JsonArray(imported.warnings()))
        .put("images", images)
        .put("pending", result.pending());
  }

  private Future<JsonObject> convertHtml(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    JsonInput in = JsonInput.of(ctx);
    String html = in.rawText("html", 2 * 1024 * 1024);
    if (html == null && !in.hasError("html")) {
      in.reject("html", "required");
    }
    in.validate();
    return conversions.pasted(actor, html).map(md -> new JsonObject().put("markdown", md));
  }
}
