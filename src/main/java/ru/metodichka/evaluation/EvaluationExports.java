package ru.metodichka.evaluation;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import ru.metodichka.auth.CurrentUser;

/**
 * The evaluation as files: {@code …/evaluation.csv} (one row per participant), {@code .xlsx} and
 * {@code .pdf}, and the overview of every community ({@code /api/evaluation.csv}, {@code .pdf}).
 * The community's moderators and administrators (the overview: administrators), as the drill-down.
 * Spreadsheets and PDFs are written on workers: POI and the PDF renderer block.
 */
public final class EvaluationExports {
  static final String CSV = "text/csv; charset=utf-8";
  static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  static final String PDF = "application/pdf";
  private final EvaluationService evaluations;
  private final WorkerExecutor workers;
  private final EvaluationDocuments documents;

  public EvaluationExports(
      EvaluationService evaluations, WorkerExecutor workers, EvaluationDocuments documents) {
    this.evaluations = evaluations;
    this.workers = workers;
    this.documents = documents;
  }

  void mount(Router api) {
    String base = "/communities/:community/evaluation";
    api.get(base + ".csv").handler(this::csv);
    api.get(base + ".xlsx").handler(ctx -> report(ctx, "xlsx", XLSX));
    api.get(base + ".pdf").handler(ctx -> report(ctx, "pdf", PDF));
    api.get("/evaluation.csv").handler(ctx -> overview(ctx, "csv", CSV));
    api.get("/evaluation.pdf").handler(ctx -> overview(ctx, "pdf", PDF));
  }

  private Period period(RoutingContext ctx) {
    return evaluations.period(ctx.queryParams().get("from"), ctx.queryParams().get("to"));
  }

  private void csv(RoutingContext ctx) {
    Period period = period(ctx);
    evaluations
        .detailAccess(CurrentUser.of(ctx), ctx.pathParam("community"))
        .compose(
            access ->
                evaluations
                    .participants(access, period)
                    .map(
                        list ->
                            new File(
                                name(access.community().slug(), period, "csv"),
                                EvaluationCsv.participants(list))))
        .onSuccess(file -> send(ctx, CSV, file))
        .onFailure(ctx::fail);
  }

  private void report(RoutingContext ctx, String extension, String type) {
    Period period = period(ctx);
    evaluations
        .detailAccess(CurrentUser.of(ctx), ctx.pathParam("community"))
        .compose(access -> evaluations.report(access, period))
        .compose(
            report ->
                blocking(
                    () ->
                        new File(
                            name(report.evaluation().community().slug(), period, extension),
                            extension.equals("pdf")
                                ? documents.pdf(report)
                                : EvaluationWorkbook.write(report))))
        .onSuccess(file -> send(ctx, type, file))
        .onFailure(ctx::fail);
  }

  private void overview(RoutingContext ctx, String extension, String type) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    Period period = period(ctx);
    evaluations
        .overview(actor, period)
        .compose(
            rows ->
                blocking(
                    () ->
                        new File(
                            name("all", period, extension),
                            extension.equals("pdf")
                                ? documents.overviewPdf(period, rows)
                                : EvaluationCsv.overview(rows))))
        .onSuccess(file -> send(ctx, type, file))
        .onFailure(ctx::fail);
  }

  private <T> Future<T> blocking(Callable<T> work) {
    return workers.executeBlocking(work, false);
  }

  /** {@code evaluation-{community}-2025-09-01-2026-09-01.pdf}. */
  static String name(String community, Period period, String extension) {
    String from =
        period.wholeDays() ? period.firstDay().toString() : period.from().toLocalDate().toString();
    String to =
        period.wholeDays() ? period.endDay().toString() : period.to().toLocalDate().toString();
    return "evaluation-" + community + "-" + from + "-" + to + "." + extension;
  }

  private static void send(RoutingContext ctx, String type, File file) {
    String ascii = file.name().replaceAll("[^A-Za-z0-9._-]", "_");
    ctx.response()
        .putHeader("Content-Type", type)
        .putHeader(
            "Content-Disposition",
            "attachment; filename=\""
                + ascii
                + "\"; filename*=UTF-8''"
                + URLEncoder.encode(file.name(), StandardCharsets.UTF_8).replace("+", "%20"))
        .end(Buffer.buffer(file.bytes()));
  }

  private record File(String name, byte[] bytes) {}
}
