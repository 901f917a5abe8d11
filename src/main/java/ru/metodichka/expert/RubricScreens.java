package ru.metodichka.expert;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * {@code /admin/rubric}: the rubric editor (administrators only): the current criteria as rows of
 * code, title and description, plus empty rows for new ones; saving makes a new version.
 */
public final class RubricScreens implements Screens {
  private static final String BASE = "/admin/rubric";

  /** Rows offered beyond the current criteria, for new ones. */
  static final int SPARE_ROWS = 3;

  private final Templates templates;
  private final RubricService rubric;

  public RubricScreens(Templates templates, RubricService rubric) {
    this.templates = templates;
    this.rubric = rubric;
  }

  @Override
  public void mount(Router router) {
    router.get(BASE).handler(ctx -> show(ctx, 200, null));
    router.post(BASE).handler(this::save);
  }

  private void show(RoutingContext ctx, int status, ExpertForm form) {
    Ui ui = templates.ui(ctx);
    rubric
        .current()
        .onSuccess(
            current -> {
              ExpertForm shown = form != null ? form : filled(current);
              int rows = Math.max(current.criteria().size(), rowsIn(shown)) + SPARE_ROWS;
              templates.render(
                  ctx,
                  status,
                  "expert/rubric.jte",
                  Map.of(
                      "rubric", current,
                      "form", shown,
                      "rows", Math.min(rows, RubricInput.MAX_CRITERIA),
                      "notice", ExpertAdminScreens.notice(ctx),
                      "crumbs", ExpertAdminScreens.crumbs(ui, ui.t("expert.rubric.title"))));
            })
        .onFailure(ctx::fail);
  }

  private static ExpertForm filled(Rubric current) {
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < current.criteria().size(); i++) {
      Criterion c = current.criteria().get(i);
      values.put(field(i, "code"), c.code());
      values.put(field(i, "title"), c.title());
      values.put(field(i, "description"), c.description());
    }
    return ExpertForm.of("rubric", values);
  }

  private static int rowsIn(ExpertForm form) {
    int rows = 0;
    while (form.values().containsKey(field(rows, "code"))) {
      rows++;
    }
    return rows;
  }

  /**
   * The form's field of row {@code i}, named as the API names the problem: {@code
   * criteria[i].code}.
   */
  public static String field(int row, String name) {
    return "criteria[" + row + "]." + name;
  }

  private void save(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    ExpertForm form = ExpertForm.read(ctx, "rubric");
    JsonArray criteria = new JsonArray();
    Map<String, String> kept = new LinkedHashMap<>();
    for (int i = 0; i < RubricInput.MAX_CRITERIA; i++) {
      String code = form.value(field(i, "code")).strip();
      String title = form.value(field(i, "title")).strip();
      String description = form.value(field(i, "description")).strip();
      if (code.isEmpty() && title.isEmpty()) {
        continue;
      }
      int row = criteria.size();
      kept.put(field(row, "code"), code);
      kept.put(field(row, "title"), title);
      kept.put(field(row, "description"), description);
      criteria.add(
          new JsonObject().put("code", code).put("title", title).put("description", description));
    }
    ExpertForm rows = ExpertForm.of("rubric", kept);
    try {
      var parsed = RubricInput.from(JsonInput.of(new JsonObject().put("criteria", criteria)));
      rubric
          .edit(actor, parsed)
          .onSuccess(v -> Redirect.seeOther(ctx, BASE + "?done=rubric"))
          .onFailure(ctx::fail);
    } catch (AppError e) {
      show(ctx, 422, rows.with(e, templates.ui(ctx).locale()));
    }
  }
}
