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

  /** Markdown in, the page's sanitised HTML out (members only). */
  private Future<JsonObject> preview(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    JsonInput in = JsonInput.of(ctx);
    String markdown = in.rawText("markdown", SaveRequest.MAX_MARKDOWN);
    if (markdown == null && !in.hasError("markdown")) {
      in.reject("markdown", "required");
    }
    in.validate();
    return editor
        .preview(actor, ctx.pathParam("community"), markdown)
        .map(html -> new JsonObject().put("html", html));
  }
}
