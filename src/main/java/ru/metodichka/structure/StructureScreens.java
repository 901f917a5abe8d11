package ru.metodichka.structure;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Slugs;
import ru.metodichka.error.AppError;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;

/**
 * {@code /c/{c}/structure}: the community's pages as a tree, then those outside it; its moderators
 * arrange it with buttons that work without JavaScript (each a small POST form: up, down, into the
 * previous page, out of its section, into or out of the tree), and with JavaScript also by dragging
 * ({@code /assets/structure.js}, which sends the whole tree to the API). A step made from an older
 * version of the structure changes nothing and says so.
 */
public final class StructureScreens implements Screens {
  private static final String STRUCTURE = "/c/:community/structure";
  private final Templates templates;
  private final StructureService structures;

  public StructureScreens(Templates templates, StructureService structures) {
    this.templates = templates;
    this.structures = structures;
  }

  @Override
  public void mount(Router router) {
    router.get(STRUCTURE).handler(this::show);
    router.post(STRUCTURE + "/arrange").handler(this::arrange);
  }

  private void show(RoutingContext ctx) {
    structures
        .read(CurrentUser.of(ctx), ctx.pathParam("community"))
        .onSuccess(
            structure -> {
              Map<String, Object> model = new HashMap<>();
              model.put("structure", structure);
              model.put("notice", notice(ctx));
              String community = structure.access().community().name();
              String slug = structure.access().community().slug();
              model.put(
                  "crumbs",
                  Crumb.of(
                      new Crumb(templates.ui(ctx).t("nav.home"), "/"),
                      new Crumb(community, "/c/" + slug),
                      Crumb.here(templates.ui(ctx).t("structure.title"))));
              templates.render(ctx, "structure/structure.jte", model);
            })
        .onFailure(ctx::fail);
  }

  private static String notice(RoutingContext ctx) {
    String done = ctx.request().getParam("done");
    return switch (done == null ? "" : done) {
      case "arranged" -> "structure.arranged";
      case "stale" -> "structure.stale";
      default -> "";
    };
  }

  private void arrange(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    String community = ctx.pathParam("community");
    String slug = ctx.request().getFormAttribute("slug");
    Move move = Move.of(ctx.request().getFormAttribute("move"));
    int version = version(ctx.request().getFormAttribute("version"));
    if (slug == null || move == null) {
      throw AppError.badRequest("bad_choice", "move", "up, down, indent, outdent, place, unplace");
    }
    String back = "/c/" + community + "/structure";
    structures
        .arrange(actor, community, version, slug, move)
        .onSuccess(s -> Redirect.seeOther(ctx, back + "?done=arranged#" + anchor(slug)))
        .onFailure(
            e -> {
              if (e instanceof AppError error && "structure_stale".equals(error.code())) {
                Redirect.seeOther(ctx, back + "?done=stale");
              } else {
                ctx.fail(e);
              }
            });
  }

  private static int version(String value) {
    try {
      return value == null ? -1 : Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The id of a page's row on the screen (slugs are unique ignoring case). */
  public static String anchor(String slug) {
    return "node-" + Slugs.key(slug);
  }
}
