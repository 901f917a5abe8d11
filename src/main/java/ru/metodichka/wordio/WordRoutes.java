package ru.metodichka.wordio;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.PublicUrl;

/**
 * Word in and out through the API: {@code POST /communities/{c}/import} (a .docx, as the request's
 * body or a multipart file, to a page's title and Markdown for the editor), {@code POST
 * /convert/html} (pasted HTML to Markdown), and {@code GET
 * /communities/{c}/pages/{slug}/export.docx} and {@code export.pdf} ({@code ?revision=}, {@code
 * ?section=true}).
 */
public final class WordRoutes implements ApiRoutes {
  private static final String PAGE = "/communities/:community/pages/:slug";
  private final WordConversions conversions;
  private final PageExports exports;
  private final PublicUrl publicUrl;

  public WordRoutes(WordConversions conversions, PageExports exports, PublicUrl publicUrl) {
    this.conversions = conversions;
    this.exports = exports;
    this.publicUrl = publicUrl;
  }

  @Override
  public void mount(Router api) {
    api.post("/communities/:community/import").respond(this::importDocx);
    api.post("/convert/html").consumes("application/json").respond(this::convertHtml);
    api.get(PAGE + "/export.docx")
        .handler(ctx -> ExportResponse.send(ctx, exports, publicUrl, PageExports.Format.DOCX));
    api.get(PAGE + "/export.pdf")
        .handler(ctx -> ExportResponse.send(ctx, exports, publicUrl, PageExports.Format.PDF));
  }

  private Future<JsonObject> importDocx(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    String community = ctx.pathParam("community");
    // Who may import is settled before the body is looked at.
    return conversions
        .community(actor, community)
        .compose(c -> docx(ctx))
        .compose(
            file -> conversions.importDocx(actor, community, file.bytes().getBytes(), file.name()))
        .map(WordRoutes::imported);
  }

  /** The uploaded document and its name: a multipart file, or the body itself ({@code ?name=}). */
  private static Future<Upload> docx(RoutingContext ctx) {
    if (!ctx.fileUploads().isEmpty()) {
      FileUpload upload = ctx.fileUploads().getFirst();
      return ctx.vertx()
          .fileSystem()
          .readFile(upload.uploadedFileName())
          .map(bytes -> new Upload(upload.fileName(), bytes));
    }
    Buffer body = ctx.body().buffer();
    if (body == null || body.length() == 0) {
      return Future.failedFuture(AppError.invalid("file", "required"));
    }
    String name = ctx.request().getParam("name");
    return Future.succeededFuture(new Upload(name == null ? "" : name, body));
  }

  private record Upload(String name, Buffer bytes) {}

  static JsonObject imported(WordImport.Imported imported) {
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
        .put("images", images);
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
