package ru.metodichka.expert;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.RequestParams;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * The expert's screens: «Мои экспертизы» ({@code /expert-reviews}) and one review with the rubric
 * form ({@code /expert-reviews/{id}}), a plain POST form that works without scripts. Moderators and
 * administrators read a review there too. The same rules as the API ({@link ExpertService}, {@link
 * ExpertReviews}).
 */
public final class ExpertScreens implements Screens {
  private static final String BASE = "/expert-reviews";
  private final Templates templates;
  private final ExpertService experts;
  private final ExpertReviews reviews;

  public ExpertScreens(Templates templates, ExpertService experts, ExpertReviews reviews) {
    this.templates = templates;
    this.experts = experts;
    this.reviews = reviews;
  }

  @Override
  public void mount(Router router) {
    router.get(BASE).handler(this::list);
    router.get(BASE + "/:id").handler(ctx -> review(ctx, 200, null));
    router.post(BASE + "/:id").handler(this::submit);
  }

  private void list(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx);
    Ui ui = templates.ui(ctx);
    experts
        .mine(actor)
        .onSuccess(
            list ->
                templates.render(
                    ctx,
                    "expert/reviews.jte",
                    Map.of(
                        "assignments", list,
                        "all", actor.admin(),
                        "crumbs",
                            List.of(
                                new Crumb(ui.t("nav.home"), "/"),
                                Crumb.here(ui.t("expert.mine.title"))))))
        .onFailure(ctx::fail);
  }

  private void review(RoutingContext ctx, int status, ExpertForm form) {
    long id = RequestParams.pathInt(ctx, "id", 1, Integer.MAX_VALUE);
    reviews
        .review(CurrentUser.of(ctx), id)
        .onSuccess(details -> show(ctx, status, details, form))
        .onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx, int status, ReviewDetails details, ExpertForm form) {
    Ui ui = templates.ui(ctx);
    String title = ui.t("expert.review.title", details.assignment().communityName());
    String done = ctx.request().getParam("done");
    templates.render(
        ctx,
        status,
        "expert/review.jte",
        Map.of(
            "details",
            details,
            "form",
            form != null ? form : prefilled(details),
            "notice",
            "submitted".equals(done) ? "expert.done.submitted" : "",
            "title",
            title,
            "crumbs",
            List.of(
                new Crumb(ui.t("nav.home"), "/"),
                new Crumb(ui.t("expert.mine.title"), BASE),
                Crumb.here(title))));
  }

  /** The form filled with the latest submission, so a correction starts from it. */
  private static ExpertForm prefilled(ReviewDetails details) {
    Map<String, String> values = new LinkedHashMap<>();
    if (!details.submissions().isEmpty()) {
      Submission latest = details.submissions().getFirst();
      for (Submission.Score s : latest.scores()) {
        values.put("score." + s.code(), Integer.toString(s.score()));
        values.put("comment." + s.code(), s.comment());
      }
      values.put("recommendation", latest.recommendation().code());
    }
    return ExpertForm.of("review", values);
  }

  private void submit(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    long id = RequestParams.pathInt(ctx, "id", 1, Integer.MAX_VALUE);
    ExpertForm form = ExpertForm.read(ctx, "review");
    reviews
        .submit(actor, id, JsonInput.of(body(form)))
        .onSuccess(done -> Redirect.seeOther(ctx, BASE + "/" + id + "?done=submitted"))
        .onFailure(
            failure -> {
              if (failure instanceof AppError e && e.status() == 422) {
                review(ctx, 422, form.with(e, templates.ui(ctx).locale()));
              } else {
                ctx.fail(failure);
              }
            });
  }

  /** The API's body from the form: {@code score.<code>} and {@code comment.<code>} fields. */
  private static JsonObject body(ExpertForm form) {
    JsonObject scores = new JsonObject();
    JsonObject comments = new JsonObject();
    form.values()
        .forEach(
            (name, value) -> {
              if (name.startsWith("score.") && !value.isBlank()) {
                String code = name.substring(6);
                scores.put(code, value.matches("[0-9]") ? (Object) Integer.valueOf(value) : value);
              } else if (name.startsWith("comment.") && !value.isBlank()) {
                comments.put(name.substring(8), value);
              }
            });
    return new JsonObject()
        .put("scores", scores)
        .put("comments", comments)
        .put("recommendation", form.value("recommendation"));
  }
}
