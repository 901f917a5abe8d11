package ru.metodichka.page.editor;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.error.Problems;
import ru.metodichka.page.IdempotencyKey;
import ru.metodichka.page.PageService;
import ru.metodichka.page.SaveResult;
import ru.metodichka.page.history.HistoryReader;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * The Markdown editor ({@code /c/{c}/{slug}/edit}, {@code /c/{c}/new}). It works without
 * JavaScript: the form posts back here, a stale save that merges cleanly is saved, one that
 * overlaps gets the {@link ConflictScreen}, and whatever goes wrong the author's text comes back.
 */
public final class EditorScreens implements Screens {
  private static final Logger LOG = LoggerFactory.getLogger(EditorScreens.class);
  private static final String EDIT = "/c/:community/:slug/edit";
  private static final String NEW = "/c/:community/new";
  private final Templates templates;
  private final PageService service;
  private final EditorService editor;
  private final ConflictScreen conflicts;

  public EditorScreens(
      Templates templates, PageService service, HistoryReader history, EditorService editor) {
    this.templates = templates;
    this.service = service;
    this.editor = editor;
    this.conflicts = new ConflictScreen(templates, history, editor);
  }

  @Override
  public void mount(Router router) {
    router.get(NEW).handler(this::newForm);
    router.get(EDIT).handler(this::editForm);
    router.post(NEW).handler(ctx -> submit(ctx, true)).failureHandler(ctx -> stale(ctx, true));
    router.post(EDIT).handler(ctx -> submit(ctx, false)).failureHandler(ctx -> stale(ctx, false));
  }

  private void editForm(RoutingContext ctx) {
    editor
        .open(CurrentUser.of(ctx), ctx.pathParam("community"), ctx.pathParam("slug"))
        .onSuccess(page -> show(ctx, 200, EditorForm.of(page), Extras.NONE))
        .onFailure(ctx::fail);
  }

  private void newForm(RoutingContext ctx) {
    String title = ctx.request().getParam("title");
    editor
        .community(CurrentUser.of(ctx), ctx.pathParam("community"))
        .onSuccess(community -> show(ctx, 200, EditorForm.blank(community, title), Extras.NONE))
        .onFailure(ctx::fail);
  }

  private void submit(RoutingContext ctx, boolean isNew) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    EditorForm form = EditorForm.posted(ctx, isNew);
    if ("preview".equals(ctx.request().getFormAttribute("action"))) {
      editor
          .preview(
              actor,
              form.community(),
              form.isNew() ? null : form.slug(),
              form.pendingFiles(),
              form.markdown())
          .onSuccess(html -> again(ctx, 200, form, new Extras("", List.of(), html)))
          .onFailure(ctx::fail);
      return;
    }
    Ui ui = templates.ui(ctx);
    List<String> problems = form.problems().stream().map(key -> ui.t(key)).toList();
    if (!problems.isEmpty()) {
      again(ctx, 422, form, new Extras("", problems, ""));
      return;
    }
    String slug = form.targetSlug();
    ResolutionForm resolution = ResolutionForm.posted(ctx, form.resolvesConflictWith());
    if (!resolution.complete()) {
      // A place left without a choice (browsers require one): the same save again, without
      // choices, brings the conflict screen back, saying what is missing.
      service
          .save(actor, form.community(), slug, form.request(null), key(ctx, form, resolution))
          .compose(result -> withPending(actor, form, slug, result))
          .onSuccess(result -> saved(ctx, form.community(), slug, result, false))
          .onFailure(
              failure ->
                  refused(ctx, actor, form, slug, failure, List.of(ui.t("conflict.error.choose"))));
      return;
    }
    boolean resolves = resolution.resolution() != null;
    service
        .save(
            actor,
            form.community(),
            slug,
            form.request(resolution.resolution()),
            key(ctx, form, resolution))
        .compose(result -> withPending(actor, form, slug, result))
        .onSuccess(result -> saved(ctx, form.community(), slug, result, resolves))
        .onFailure(failure -> refused(ctx, actor, form, slug, failure, List.of()));
  }

  /**
   * The files the editor kept for the page become its own once it is saved (a separate transaction:
   * the page exists now, and a failure leaves them kept, the page saved). A failure is logged; the
   * page then shows «нет файла» where they go, and the files can be sent again.
   */
  private Future<SaveResult> withPending(
      CurrentUser actor, EditorForm form, String slug, SaveResult result) {
    if (form.pendingFiles().isBlank()) {
      return Future.succeededFuture(result);
    }
    return editor
        .attachPending(actor, form.community(), slug, form.pendingFiles())
        .map(names -> result)
        .otherwise(
            failure -> {
              LOG.warn(
                  "Files kept for {}/{} not attached after the save: {}",
                  form.community(),
                  slug,
                  failure.toString());
              return result;
            });
  }

  /** 303 to the page, which says once what happened (a reload does not post again). */
  private static void saved(
      RoutingContext ctx, String community, String slug, SaveResult result, boolean resolves) {
    String what =
        result.created()
            ? "created"
            : result.unchanged()
                ? "unchanged"
                : resolves ? "resolved" : result.merged() ? "merged" : "saved";
    Redirect.seeOther(ctx, "/c/" + community + "/" + slug + "?" + what + "=1");
  }

  private void refused(
      RoutingContext ctx,
      CurrentUser actor,
      EditorForm form,
      String slug,
      Throwable failure,
      List<String> errors) {
    if (!(failure instanceof AppError error)) {
      ctx.fail(failure);
      return;
    }
    switch (error.status()) {
      case 409 -> {
        if (error.code().equals("edit_conflict")) {
          conflicts.show(ctx, actor, form, slug, error, errors);
        } else {
          // The page is retired, or its address is another page's (now or before a rename).
          Locale locale = templates.ui(ctx).locale();
          String detail = Problems.toJson(error, locale).getString("detail");
          again(ctx, 409, form, new Extras("", List.of(detail), ""));
        }
      }
      case 422 -> again(ctx, 422, form, new Extras("", messages(ctx, error), ""));
      case 400 ->
          again(
              ctx,
              400,
              form,
              new Extras("", List.of(templates.ui(ctx).t("editor.error.slug")), ""));
      default -> ctx.fail(failure);
    }
  }

  /**
   * A form whose CSRF token went stale (the author logged in again in another tab) comes back with
   * everything typed and a fresh token, instead of an error page that would lose the text.
   */
  private void stale(RoutingContext ctx, boolean isNew) {
    CurrentUser actor = CurrentUser.of(ctx);
    boolean csrf = ctx.failure() instanceof AppError e && e.code().equals("csrf_rejected");
    if (!csrf || actor.anonymous()) {
      ctx.next();
      return;
    }
    again(
        ctx, 403, EditorForm.posted(ctx, isNew), new Extras("editor.notice.stale", List.of(), ""));
  }

  /** The editor again, with the posted form (the community is looked up for its name). */
  private void again(RoutingContext ctx, int status, EditorForm form, Extras extras) {
    editor
        .community(CurrentUser.of(ctx), form.community())
        .onSuccess(community -> show(ctx, status, form.in(community), extras))
        .onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx, int status, EditorForm form, Extras extras) {
    Ui ui = templates.ui(ctx);
    Map<String, Object> params = new HashMap<>();
    params.put("form", form);
    params.put("crumbs", crumbs(ui, form));
    params.put("notice", extras.notice());
    params.put("errors", extras.errors());
    params.put("preview", extras.preview());
    templates.render(ctx, status, "page/edit.jte", params);
  }

  /** Home › community › page › editing. */
  static List<Crumb> crumbs(Ui ui, EditorForm form) {
    List<Crumb> crumbs = new ArrayList<>();
    crumbs.add(new Crumb(ui.t("nav.home"), "/"));
    crumbs.add(new Crumb(form.communityName(), "/c/" + form.community()));
    if (form.isNew()) {
      crumbs.add(Crumb.here(ui.t("editor.new.title")));
    } else {
      crumbs.add(new Crumb(form.title(), "/c/" + form.community() + "/" + form.slug()));
      crumbs.add(Crumb.here(ui.t("editor.crumb")));
    }
    return crumbs;
  }

  private static IdempotencyKey key(
      RoutingContext ctx, EditorForm form, ResolutionForm resolution) {
    String value = form.idempotencyKey().isBlank() ? null : form.idempotencyKey();
    byte[] choices = resolution.fingerprint().getBytes(StandardCharsets.UTF_8);
    byte[] fingerprint = form.fingerprint();
    byte[] all = Arrays.copyOf(fingerprint, fingerprint.length + 1 + choices.length);
    System.arraycopy(choices, 0, all, fingerprint.length + 1, choices.length);
    return IdempotencyKey.of(value, "POST", ctx.request().path(), all);
  }

  private List<String> messages(RoutingContext ctx, AppError error) {
    Locale locale = templates.ui(ctx).locale();
    return error.fieldErrors().stream().map(e -> Problems.fieldMessage(e, locale)).toList();
  }

  /** What the editor shows besides the form: a notice key, error messages, a rendered preview. */
  record Extras(String notice, List<String> errors, String preview) {
    static final Extras NONE = new Extras("", List.of(), "");
  }
}
