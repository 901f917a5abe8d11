package ru.metodichka.plan;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;
import java.util.function.Consumer;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.Locales;
import ru.metodichka.web.Redirect;

/**
 * The plan's forms: a new item (moderators, on the plan screen), and a change of an item (the
 * moderator's form of every field, or the responsible member's of the status and results, on the
 * item's screen). A form becomes the API's JSON body and goes through the same rules. Saved, it
 * goes back with a notice (303, so a reload posts nothing); refused, the screen comes back with the
 * values as typed and what was wrong (422), or, when someone changed the item meanwhile, with the
 * item as it is now above the form as typed (409): nothing is overwritten unseen.
 */
final class ItemFormScreens {
  private final PlanScreens screens;
  private final PlanService plans;

  ItemFormScreens(PlanScreens screens, PlanService plans) {
    this.screens = screens;
    this.plans = plans;
  }

  void mount(Router router) {
    router.post(PlanScreens.PLAN + "/items").handler(this::create);
    router.post(PlanScreens.ITEM).handler(this::edit);
  }

  private void create(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    String community = ctx.pathParam("community");
    ItemForm form = ItemForm.read(ctx);
    ItemDraft draft;
    try {
      draft = PlanInput.draft(JsonInput.of(form.draftBody()));
    } catch (AppError e) {
      refused(ctx, e, error -> screens.showPlan(ctx, 422, form.rejected(error, locale(ctx)), ""));
      return;
    }
    plans
        .create(actor, community, draft)
        .onSuccess(
            item ->
                Redirect.seeOther(
                    ctx,
                    "/c/"
                        + community
                        + "/plan?year="
                        + draft.plan().label()
                        + "&saved=created#item-"
                        + item.id()))
        .onFailure(
            e ->
                refused(
                    ctx,
                    e,
                    error -> screens.showPlan(ctx, 422, form.rejected(error, locale(ctx)), "")));
  }

  private void edit(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    String community = ctx.pathParam("community");
    long id = id(ctx);
    ItemForm form = ItemForm.read(ctx);
    boolean progress = "progress".equals(ctx.request().getFormAttribute("part"));
    ItemPatch change;
    try {
      change = PlanInput.patch(JsonInput.of(form.patchBody(progress)));
    } catch (AppError e) {
      refused(ctx, e, error -> screens.showItem(ctx, 422, form.rejected(error, locale(ctx)), ""));
      return;
    }
    plans
        .edit(actor, community, id, change)
        .onSuccess(
            edit -> {
              switch (edit) {
                case PlanEdit.Saved saved ->
                    Redirect.seeOther(
                        ctx,
                        "/c/"
                            + community
                            + "/plan/items/"
                            + id
                            + "?saved="
                            + (saved.changed() ? "changed" : "unchanged"));
                case PlanEdit.Stale stale ->
                    screens.showItem(
                        ctx, 409, form.at(stale.current().version()), "plan.notice.stale");
              }
            })
        .onFailure(
            e ->
                refused(
                    ctx,
                    e,
                    error -> screens.showItem(ctx, 422, form.rejected(error, locale(ctx)), "")));
  }

  /** A 422 with field errors shows the form again; anything else is the error page. */
  private static void refused(RoutingContext ctx, Throwable failure, Consumer<AppError> showForm) {
    if (failure instanceof AppError e && e.status() == 422 && !e.fieldErrors().isEmpty()) {
      showForm.accept(e);
    } else {
      ctx.fail(failure);
    }
  }

  private static Locale locale(RoutingContext ctx) {
    return Locales.of(ctx);
  }

  static long id(RoutingContext ctx) {
    try {
      long id = Long.parseLong(ctx.pathParam("id"));
      if (id >= 1 && id <= Integer.MAX_VALUE) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw AppError.badRequest("bad_parameter", "id", 1, Integer.MAX_VALUE);
  }
}
