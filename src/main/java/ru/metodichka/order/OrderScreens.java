package ru.metodichka.order;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
 * {@code /admin/orders}: the changes of composition waiting for an order and the form that issues
 * one, the issued orders, and each order (or a draft) as a printable page with its Word document.
 * Administrators only (the admin screens' guard, and the service again).
 */
public final class OrderScreens implements Screens {
  private static final String BASE = "/admin/orders";
  private static final Set<String> NOTICES = Set.of("order_issued");
  private final Templates templates;
  private final OrderService orders;
  private final OrderDocuments documents;

  public OrderScreens(Templates templates, OrderService orders, OrderDocuments documents) {
    this.templates = templates;
    this.orders = orders;
    this.documents = documents;
  }

  @Override
  public void mount(Router router) {
    router.get(BASE).handler(ctx -> overview(ctx, 200, OrderForm.blank(today())));
    router.post(BASE).handler(this::issue);
    // Before /:id, which would take «draft».
    router.get(BASE + "/draft").handler(this::draft);
    router.get(BASE + "/:id").handler(this::issued);
  }

  private String today() {
    return orders.today().toString();
  }

  private void overview(RoutingContext ctx, int status, OrderForm form) {
    CurrentUser actor = CurrentUser.of(ctx);
    var pending = orders.pending(actor);
    var issued = orders.list(actor);
    Future.all(pending, issued)
        .onSuccess(
            v ->
                templates.render(
                    ctx,
                    status,
                    "order/orders.jte",
                    Map.of(
                        "pending", pending.result(),
                        "issued", issued.result(),
                        "form", form,
                        "today", today(),
                        "notice", notice(ctx),
                        "draftAll", draftLink(pending.result()),
                        "crumbs", crumbs(templates.ui(ctx), null))))
        .onFailure(ctx::fail);
  }

  private void issue(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    OrderForm form = OrderForm.read(ctx);
    NewOrder order;
    try {
      order = NewOrder.from(JsonInput.of(form.body()), orders.today());
    } catch (AppError e) {
      refused(ctx, form, e);
      return;
    }
    orders
        .issue(actor, order)
        .onSuccess(
            issued ->
                Redirect.seeOther(ctx, BASE + "/" + issued.order().id() + "?done=order_issued"))
        .onFailure(failure -> refused(ctx, form, failure));
  }

  /** A 422 or 409 shows the form again with what was wrong; anything else fails. */
  private void refused(RoutingContext ctx, OrderForm form, Throwable failure) {
    if (failure instanceof AppError e && (e.status() == 422 || e.status() == 409)) {
      overview(ctx, e.status(), form.with(e, templates.ui(ctx).locale()));
    } else {
      ctx.fail(failure);
    }
  }

  private void draft(RoutingContext ctx) {
    Ui ui = templates.ui(ctx);
    List<String> communities = ctx.queryParam("community");
    orders
        .draft(CurrentUser.of(ctx), communities)
        .onSuccess(contents -> document(ctx, contents, ui.t("orders.draftTitle")))
        .onFailure(ctx::fail);
  }

  private void issued(RoutingContext ctx) {
    long id = RequestParams.pathInt(ctx, "id", 1, Integer.MAX_VALUE);
    Ui ui = templates.ui(ctx);
    orders
        .contents(CurrentUser.of(ctx), id)
        .onSuccess(
            contents -> {
              Order order = contents.order().orElseThrow();
              document(
                  ctx, contents, ui.t("orders.orderTitle", order.number(), order.writtenDate()));
            })
        .onFailure(ctx::fail);
  }

  private void document(RoutingContext ctx, OrderContents contents, String title) {
    templates.render(
        ctx,
        "order/document.jte",
        Map.of(
            "contents", contents,
            "centre", documents.centre(),
            "title", title,
            "docx", docxLink(ctx, contents),
            "notice", notice(ctx),
            "crumbs", crumbs(templates.ui(ctx), title)));
  }

  /** The Word document of the same order or draft. */
  private static String docxLink(RoutingContext ctx, OrderContents contents) {
    return contents
        .order()
        .map(o -> "/api/orders/" + o.id() + ".docx")
        .orElse("/api/orders/draft.docx?" + ctx.request().query());
  }

  /** The Word draft of an order for every community with pending changes. */
  private static String draftLink(List<CommunityChanges> pending) {
    return "/api/orders/draft.docx?"
        + pending.stream()
            .map(
                c -> "community=" + URLEncoder.encode(c.community().slug(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
  }

  /** Home › Administration › Orders (› here). */
  private static List<Crumb> crumbs(Ui ui, String here) {
    Crumb home = new Crumb(ui.t("nav.home"), "/");
    Crumb admin = new Crumb(ui.t("admin.title"), "/admin");
    if (here == null) {
      return List.of(home, admin, Crumb.here(ui.t("orders.title")));
    }
    return List.of(home, admin, new Crumb(ui.t("orders.title"), BASE), Crumb.here(here));
  }

  /** The notice the previous POST asked for, as a message key, or "" for none. */
  private static String notice(RoutingContext ctx) {
    String done = ctx.request().getParam("done");
    return done != null && NOTICES.contains(done) ? "orders.done." + done : "";
  }
}
