package ru.metodichka.structure;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.db.Rows;
import ru.metodichka.web.ApiRoutes;
import ru.metodichka.web.JsonInput;

/**
 * {@code /api/communities/{c}/structure}: the community's structure as its reader may see it, and
 * the whole tree replaced at once by its moderators. The version travels as an entity tag: {@code
 * If-Match} with the {@code ETag} a read gave makes a change from an older version a 409.
 */
public final class StructureRoutes implements ApiRoutes {
  private static final String STRUCTURE = "/communities/:community/structure";
  private final StructureService structures;

  public StructureRoutes(StructureService structures) {
    this.structures = structures;
  }

  @Override
  public void mount(Router api) {
    api.get(STRUCTURE)
        .respond(
            ctx ->
                structures
                    .read(CurrentUser.of(ctx), ctx.pathParam("community"))
                    .map(s -> json(ctx, s)));
    api.put(STRUCTURE).consumes("application/json").respond(this::replace);
  }

  private Future<JsonObject> replace(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    JsonArray body = JsonInput.array(ctx);
    return structures
        .replace(actor, ctx.pathParam("community"), ifMatch(ctx), body)
        .map(s -> json(ctx, s));
  }

  /**
   * The version {@code If-Match} names ({@code "3"}, also weak or bare); null without the header;
   * -1 (matching no version) when it names none.
   */
  static Integer ifMatch(RoutingContext ctx) {
    String tag = ctx.request().getHeader("If-Match");
    if (tag == null) {
      return null;
    }
    String bare = tag.strip().replaceFirst("^W/", "").replace("\"", "");
    try {
      return Integer.parseInt(bare);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static JsonObject json(RoutingContext ctx, Structure s) {
    ctx.response().putHeader("ETag", "\"" + s.version() + "\"");
    return new JsonObject()
        .put("community", s.access().community().slug())
        .put("version", s.version())
        .put("changedAt", s.changedAt() == null ? null : Rows.time(s.changedAt()))
        .put("changedBy", s.changedBy() == null ? null : s.changedBy().login())
        .put("tree", nodes(s.tree()))
        .put("unplaced", nodes(s.unplaced()));
  }

  private static JsonArray nodes(List<StructureNode> nodes) {
    JsonArray array = new JsonArray();
    for (StructureNode node : nodes) {
      array.add(
          new JsonObject()
              .put("slug", node.slug())
              .put("title", node.title())
              .put("status", node.status().code())
              .put("children", nodes(node.children())));
    }
    return array;
  }
}
