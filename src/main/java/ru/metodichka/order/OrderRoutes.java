package ru.metodichka.order;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.Person;
import ru.metodichka.db.Rows;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.RequestParams;

/**
 * {@code /api/orders}: issued orders, the changes waiting for one, issuing one, and orders as Word
 * documents (administrators only).
 */
public final class OrderRoutes implements ApiRoutes {
  private final OrderService orders;
  private final OrderDocuments documents;

  public OrderRoutes(OrderService orders, OrderDocuments documents) {
    this.orders = orders;
    this.documents = documents;
  }

  @Override
  public void mount(Router api) {
    // Fixed paths first: /orders/:id would take «pending», /orders/:id.docx «draft».
    api.get("/orders/pending")
        .respond(ctx -> orders.pending(CurrentUser.of(ctx)).map(OrderRoutes::pending));
    api.get("/orders/draft.docx").handler(this::draft);
    api.get("/orders/:id.docx").handler(this::document);
    api.get("/orders").respond(ctx -> orders.list(CurrentUser.of(ctx)).map(OrderRoutes::summaries));
    api.post("/orders").consumes("application/json").respond(this::issue);
    api.get("/orders/:id")
        .respond(ctx -> orders.find(CurrentUser.of(ctx), id(ctx)).map(OrderRoutes::json));
  }

  private Future<JsonObject> issue(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireAdmin();
    NewOrder order = NewOrder.from(JsonInput.of(ctx), orders.today());
    return orders
        .issue(actor, order)
        .map(
            issued -> {
              ctx.response()
                  .setStatusCode(201)
                  .putHeader("Location", "/api/orders/" + issued.order().id());
              return json(issued);
            });
  }

  private void draft(RoutingContext ctx) {
    List<String> communities = ctx.queryParam("community");
    send(ctx, documents.draft(CurrentUser.of(ctx), communities));
  }

  private void document(RoutingContext ctx) {
    send(ctx, documents.issued(CurrentUser.of(ctx), id(ctx)));
  }

  private static void send(RoutingContext ctx, Future<OrderDocuments.Document> document) {
    document
        .onSuccess(
            d ->
                ctx.response()
                    .putHeader("Content-Type", OrderDocuments.DOCX)
                    .putHeader("Content-Disposition", attachment(d.fileName(), d.asciiName()))
                    // Names, positions and institutions: kept out of shared caches.
                    .putHeader("Cache-Control", "no-store")
                    .end(d.bytes()))
        .onFailure(ctx::fail);
  }

  /** RFC 6266: an ASCII name for old clients, and the real (Cyrillic) one percent-encoded. */
  static String attachment(String fileName, String asciiName) {
    String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + asciiName + "\"; filename*=UTF-8''" + encoded;
  }

  private static long id(RoutingContext ctx) {
    return RequestParams.pathInt(ctx, "id", 1, Integer.MAX_VALUE);
  }

  private static JsonObject pending(List<CommunityChanges> list) {
    JsonArray items = new JsonArray();
    list.forEach(c -> items.add(json(c)));
    return new JsonObject().put("items", items);
  }

  private static JsonObject summaries(List<OrderSummary> list) {
    JsonArray items = new JsonArray();
    list.forEach(
        s ->
            items.add(
                json(s.order())
                    .put("communities", new JsonArray(s.communities()))
                    .put("changes", s.changes())));
    return new JsonObject().put("items", items);
  }

  static JsonObject json(IssuedOrder issued) {
    JsonArray communities = new JsonArray();
    issued.communities().forEach(c -> communities.add(json(c)));
    return json(issued.order()).put("communities", communities);
  }

  static JsonObject json(Order order) {
    return new JsonObject()
        .put("id", order.id())
        .put("number", order.number())
        .put("date", order.date().toString())
        .put("issuedBy", json(order.issuedBy()))
        .put("issuedAt", Rows.time(order.issuedAt()))
        .put("note", order.note());
  }

  static JsonObject json(CommunityChanges c) {
    JsonArray changes = new JsonArray();
    c.changes().forEach(change -> changes.add(json(change)));
    return new JsonObject()
        .put("slug", c.community().slug())
        .put("name", c.community().name())
        .put("changes", changes);
  }

  static JsonObject json(Change change) {
    Participant who = change.who();
    return new JsonObject()
        .put("kind", change.kind().code())
        .put("person", json(who.person()))
        .put("position", who.position())
        .put("institution", who.institution())
        .put("at", Rows.time(change.at()))
        .put("note", change.note());
  }

  private static JsonObject json(Person person) {
    return new JsonObject().put("login", person.login()).put("name", person.name());
  }
}
