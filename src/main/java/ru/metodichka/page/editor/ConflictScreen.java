package ru.metodichka.page.editor;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Community;
import ru.metodichka.diff.Hunk;
import ru.metodichka.error.AppError;
import ru.metodichka.page.history.Diff;
import ru.metodichka.page.history.HistoryReader;
import ru.metodichka.web.Templates;

/**
 * The answer to a save that overlaps with changes saved meanwhile (409): what the others changed
 * since the author's base revision; each place where the edits overlap, to settle with «оставить
 * моё», «оставить их» or a text written by hand (the server assembles the page from the choices);
 * the current text; and the author's own text, untouched, in an editor now based on the current
 * revision. Either form's save is marked in the history as resolving the conflict with that
 * revision.
 */
final class ConflictScreen {
  private final Templates templates;
  private final HistoryReader history;
  private final EditorService editor;

  ConflictScreen(Templates templates, HistoryReader history, EditorService editor) {
    this.templates = templates;
    this.history = history;
    this.editor = editor;
  }

  /**
   * @param errors what was wrong with the choices posted, if that is how the screen came back
   */
  void show(
      RoutingContext ctx,
      CurrentUser actor,
      EditorForm form,
      String slug,
      AppError error,
      List<String> errors) {
    JsonObject conflict = error.extras();
    int current = conflict.getInteger("currentRevision");
    int base = conflict.getInteger("baseRevision");
    // The conflict's own copy of the author's text: after a resolution that met another save, it is
    // the text the author's choices assembled, not the one they first typed.
    EditorForm again =
        form.rebased(
            slug, current, conflict.getString("yourTitle"), conflict.getString("yourMarkdown"));
    editor
        .community(actor, form.community())
        .compose(
            community ->
                changes(actor, again, base, current).map(hunks -> new Changes(community, hunks)))
        .onSuccess(
            changes ->
                templates.render(
                    ctx,
                    409,
                    "page/conflict.jte",
                    Map.of(
                        "form",
                        again.in(changes.community()),
                        "crumbs",
                        EditorScreens.crumbs(templates.ui(ctx), again.in(changes.community())),
                        "conflict",
                        conflict,
                        "changes",
                        changes.hunks(),
                        "resolveKey",
                        again.otherKey(),
                        "errors",
                        errors)))
        .onFailure(ctx::fail);
  }

  /** The others' changes from the author's base to the current revision (none for a new page). */
  private Future<List<Hunk>> changes(CurrentUser actor, EditorForm form, int base, int current) {
    if (base == 0) {
      return Future.succeededFuture(List.of());
    }
    return history.diff(actor, form.community(), form.slug(), base, current).map(Diff::hunks);
  }

  private record Changes(Community community, List<Hunk> hunks) {}
}
