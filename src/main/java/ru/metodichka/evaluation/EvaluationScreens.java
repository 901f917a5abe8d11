package ru.metodichka.evaluation;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.error.AppError;
import ru.metodichka.error.Problems;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * {@code /c/{c}/evaluation}: the dashboard of a community's evaluation for a period (the period
 * picker, the figures with the change against the previous period, the charts with their tables,
 * the assessment and its form, the summary's publicity, the files); {@code …/evaluation/records}:
 * the records behind every figure; {@code /admin/evaluation}: every community side by side. Works
 * without JavaScript: the picker and the sorting are links and GET forms.
 */
public final class EvaluationScreens implements Screens {
  private static final String BASE = "/c/:community/evaluation";
  private static final Set<String> NOTICES = Set.of("assessment_saved", "publicity_changed");
  private final Templates templates;
  private final EvaluationService evaluations;

  public EvaluationScreens(Templates templates, EvaluationService evaluations) {
    this.templates = templates;
    this.evaluations = evaluations;
  }

  @Override
  public void mount(Router router) {
    router.get(BASE).handler(ctx -> dashboard(ctx, 200, Map.of(), Map.of()));
    router.get(BASE + "/records").handler(this::records);
    router.post(BASE + "/assessments").handler(this::assess);
    router.post(BASE + "/publicity").handler(this::publicity);
    router.get("/admin/evaluation").handler(this::overview);
  }

  private Period period(RoutingContext ctx) {
    return evaluations.period(ctx.request().getParam("from"), ctx.request().getParam("to"));
  }

  private void dashboard(
      RoutingContext ctx, int status, Map<String, String> form, Map<String, String> errors) {
    Ui ui = templates.ui(ctx);
    Period period;
    try {
      period = period(ctx);
    } catch (AppError e) {
      ctx.fail(e);
      return;
    }
    ReportText text = new ReportText(ui.locale(), evaluations.zone());
    evaluations
        .summaryAccess(CurrentUser.of(ctx), ctx.pathParam("community"))
        .compose(access -> dashboard(access, period, text, form, errors, notice(ctx)))
        .onSuccess(
            screen ->
                templates.render(
                    ctx,
                    status,
                    "evaluation/dashboard.jte",
                    Map.of("screen", screen, "crumbs", crumbs(ui, screen, null))))
        .onFailure(ctx::fail);
  }

  private Future<Dashboard> dashboard(
      Access access,
      Period period,
      ReportText text,
      Map<String, String> form,
      Map<String, String> errors,
      String notice) {
    boolean details = EvaluationService.mayReadDetails(access);
    Future<Report> report =
        details ? evaluations.report(access, period) : Future.succeededFuture(null);
    var now =
        details ? report.map(Report::evaluation) : evaluations.evaluate(access.community(), period);
    var before =
        details
            ? report.map(Report::previous)
            : evaluations.evaluate(access.community(), period.previous());
    var publicity = evaluations.publicity(access.community());
    return Future.all(report, now, before, publicity)
        .map(
            v -> {
              Report r = report.result();
              Map<String, String> values = new LinkedHashMap<>(form);
              if (values.isEmpty()) {
                values.put(
                    "from",
                    period.wholeDays() ? period.firstDay().toString() : period.from().toString());
                values.put(
                    "to", period.wholeDays() ? period.endDay().toString() : period.to().toString());
              }
              return new Dashboard(
                  access.community(),
                  period,
                  text.period(period),
                  text.period(period.previous()),
                  now.result().threshold(),
                  KeyFigure.groups(now.result(), before.result(), text),
                  now.result().tasks().assessment(),
                  now.result().experts(),
                  r,
                  r == null ? List.of() : Charts.of(r, text),
                  details && access.canModerate(),
                  publicity.result().orElse(null),
                  Presets.years(period, text),
                  Presets.parts(period, text),
                  Presets.months(period, text),
                  Presets.yearLabel(period),
                  values,
                  errors,
                  notice);
            });
  }

  private void records(RoutingContext ctx) {
    Ui ui = templates.ui(ctx);
    Period period = period(ctx);
    evaluations
        .detailAccess(CurrentUser.of(ctx), ctx.pathParam("community"))
        .compose(
            access -> evaluations.report(access, period).compose(r -> withViews(access, period, r)))
        .onSuccess(
            records ->
                templates.render(
                    ctx,
                    200,
                    "evaluation/records.jte",
                    Map.of(
                        "report",
                        records.report(),
                        "viewed",
                        records.viewed(),
                        "text",
                        new ReportText(ui.locale(), evaluations.zone()),
                        "crumbs",
                        crumbs(ui, null, records.report()))))
        .onFailure(ctx::fail);
  }

  private record Records(Report report, List<Viewed> viewed) {}

  private Future<Records> withViews(Access access, Period period, Report report) {
    return evaluations
        .viewed(access, period, Integer.MAX_VALUE)
        .map(viewed -> new Records(report, viewed));
  }

  private void assess(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    Map<String, String> form = new LinkedHashMap<>();
    for (String field : List.of("from", "to", "relevance", "solution", "text")) {
      String value = ctx.request().getFormAttribute(field);
      form.put(field, value == null ? "" : value);
    }
    NewAssessment assessment;
    try {
      assessment = NewAssessment.read(JsonInput.of(body(form)), evaluations.zone());
    } catch (AppError e) {
      refused(ctx, form, e);
      return;
    }
    String query = "from=" + q(form.get("from")) + "&to=" + q(form.get("to"));
    evaluations
        .assess(actor, ctx.pathParam("community"), assessment)
        .onSuccess(
            a ->
                Redirect.seeOther(
                    ctx,
                    "/c/"
                        + ctx.pathParam("community")
                        + "/evaluation?"
                        + query
                        + "&done=assessment_saved"))
        .onFailure(
            failure -> {
              if (failure instanceof AppError e) {
                refused(ctx, form, e);
              } else {
                ctx.fail(failure);
              }
            });
  }

  /** The form's fields as the API's body: scores as numbers when they are whole numbers. */
  private static JsonObject body(Map<String, String> form) {
    JsonObject body = new JsonObject();
    form.forEach(
        (field, value) -> {
          if ((field.equals("relevance") || field.equals("solution"))
              && value.strip().matches("\\d{1,2}")) {
            body.put(field, Integer.parseInt(value.strip()));
          } else if (!value.isBlank()) {
            body.put(field, value);
          }
        });
    return body;
  }

  private void refused(RoutingContext ctx, Map<String, String> form, AppError e) {
    if (e.status() != 422) {
      ctx.fail(e);
      return;
    }
    Map<String, String> errors = new LinkedHashMap<>();
    var locale = templates.ui(ctx).locale();
    e.fieldErrors().forEach(f -> errors.putIfAbsent(f.field(), Problems.fieldMessage(f, locale)));
    dashboard(ctx, 422, form, errors);
  }

  private void publicity(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    boolean open = "true".equals(ctx.request().getFormAttribute("public"));
    String from = ctx.request().getFormAttribute("from");
    String to = ctx.request().getFormAttribute("to");
    String query = from == null || to == null ? "" : "from=" + q(from) + "&to=" + q(to) + "&";
    evaluations
        .setPublic(actor, ctx.pathParam("community"), open)
        .onSuccess(
            p ->
                Redirect.seeOther(
                    ctx,
                    "/c/"
                        + ctx.pathParam("community")
                        + "/evaluation?"
                        + query
                        + "done=publicity_changed"))
        .onFailure(ctx::fail);
  }

  private void overview(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    Ui ui = templates.ui(ctx);
    Period period = period(ctx);
    Overview.Sort sort =
        Overview.Sort.of(ctx.request().getParam("sort"), ctx.request().getParam("dir"));
    ReportText text = new ReportText(ui.locale(), evaluations.zone());
    evaluations
        .overview(actor, period)
        .onSuccess(
            rows ->
                templates.render(
                    ctx,
                    200,
                    "evaluation/overview.jte",
                    Map.of(
                        "overview",
                        Overview.of(period, rows, sort, text),
                        "crumbs",
                        List.of(
                            new Crumb(ui.t("admin.title"), "/admin"),
                            Crumb.here(ui.t("evaluation.admin.title"))))))
        .onFailure(ctx::fail);
  }

  private static String q(String value) {
    return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String notice(RoutingContext ctx) {
    String done = ctx.request().getParam("done");
    return done != null && NOTICES.contains(done) ? "evaluation.notice." + done : "";
  }

  private static List<Crumb> crumbs(Ui ui, Dashboard screen, Report report) {
    var community = screen != null ? screen.community() : report.evaluation().community();
    String base = "/c/" + community.slug();
    if (screen != null) {
      return List.of(new Crumb(community.name(), base), Crumb.here(ui.t("evaluation.heading")));
    }
    return List.of(
        new Crumb(community.name(), base),
        new Crumb(
            ui.t("evaluation.heading"),
            base + "/evaluation?" + report.evaluation().period().query()),
        Crumb.here(ui.t("evaluation.records")));
  }
}
