package ru.metodichka.wordio;

import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.web.PublicUrl;

/** Sends an exported page as a download: the same for the API and the screens. */
final class ExportResponse {
  private ExportResponse() {}

  static void send(
      RoutingContext ctx, PageExports exports, PublicUrl publicUrl, PageExports.Format format) {
    PageExports.Request request =
        new PageExports.Request(
            CurrentUser.of(ctx),
            ctx.pathParam("community"),
            ctx.pathParam("slug"),
            revision(ctx),
            "true".equals(ctx.request().getParam("section")),
            publicUrl.base(ctx),
            format);
    exports
        .export(request)
        .onSuccess(
            document ->
                ctx.response()
                    .putHeader("Content-Type", document.contentType())
                    .putHeader("Content-Disposition", disposition(document.fileName()))
                    .putHeader("Cache-Control", "private, no-store")
                    .end(io.vertx.core.buffer.Buffer.buffer(document.bytes())))
        .onFailure(ctx::fail);
  }

  private static Integer revision(RoutingContext ctx) {
    String raw = ctx.request().getParam("revision");
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      int n = Integer.parseInt(raw.strip());
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw AppError.badRequest("bad_parameter", "revision", 1, Integer.MAX_VALUE);
    }
  }

  /** The file name as ASCII (its slug's letters may be Cyrillic) and, RFC 5987, as UTF-8. */
  private static String disposition(String fileName) {
    String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
