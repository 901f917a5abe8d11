package ru.metodichka.page.editor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.page.SaveRequest;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;

/** {@code POST /api/communities/{c}/preview}: the editor's live preview. */
public final class EditorRoutes implements ApiRoutes {
  private final EditorService editor;

  public EditorRoutes(EditorService editor) {
    this.editor = editor;
  }

  @Override
  public void mount(Router api) {
    api.post("/communities/:community/preview").consumes("application/json").respond(this::preview);
  }

  /**
   * Markdown in, the page's sanitised HTML out (members only); {@code page}: the slug of the page
   * being edited, whose files the text may show, and {@code pending}: the token of the editor's
   * files kept until the save.
   */
  private Future<JsonObject> preview(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    JsonInput in = JsonInput.of(ctx);
    String markdown = in.rawText("markdown", SaveRequest.MAX_MARKDOWN);
    if (markdown == null && !in.hasError("markdown")) {
      in.reject("markdown", "required");
    }
    String page = in.optionalText("page", 300, "");
    String pending = in.optionalText("pending", 100, "");
    in.validate();
    return editor
        .preview(actor, ctx.pathParam("community"), page, pending, markdown)
        .map(html -> new JsonObject().put("html", html));
  }
}
