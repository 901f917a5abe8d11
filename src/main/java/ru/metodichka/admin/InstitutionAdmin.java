package ru.metodichka.admin;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.institution.InstitutionService;
import ru.metodichka.institution.NewInstitution;
import ru.metodichka.web.Templates;

/** {@code /admin/institutions}: the district's educational organisations, and adding one. */
final class InstitutionAdmin {
  /** In the order the form offers them: most communities are made of schools. */
  static final List<String> KINDS = List.of("school", "kindergarten", "college", "centre", "other");

  private final Templates templates;
  private final InstitutionService institutions;

  InstitutionAdmin(Templates templates, InstitutionService institutions) {
    this.templates = templates;
    this.institutions = institutions;
  }

  void mount(Router router) {
    router
        .get("/admin/institutions")
        .handler(ctx -> show(ctx, 200, Form.blank("institution").set("kind", "school")));
    router.post("/admin/institutions").handler(this::create);
  }

  private void show(RoutingContext ctx, int status, Form form) {
    institutions
        .list()
        .onSuccess(
            list ->
                templates.render(
                    ctx,
                    status,
                    "admin/institutions.jte",
                    Map.of(
                        "institutions", list,
                        "kinds", KINDS,
                        "form", form,
                        "notice", AdminScreens.notice(ctx),
                        "crumbs",
                            AdminScreens.crumbs(
                                templates.ui(ctx), templates.ui(ctx).t("admin.institutions")))))
        .onFailure(ctx::fail);
  }

  private void create(RoutingContext ctx) {
    Form form = Form.read(ctx, "institution", "institution", "name", "short-name", "kind");
    JsonObject body =
        new JsonObject()
            .put("name", form.value("name"))
            .put("shortName", form.value("short-name"))
            .put("kind", form.value("kind"));
    NewInstitution institution =
        form.validate(body, NewInstitution::from, Map.of("shortName", "short-name"));
    if (institution == null) {
      show(ctx, 422, form);
      return;
    }
    institutions
        .create(CurrentUser.of(ctx), institution)
        .onSuccess(
            created -> AdminScreens.seeOther(ctx, "/admin/institutions", "institution_created"))
        .onFailure(
            AdminScreens.takenOr(
                ctx, () -> show(ctx, 409, form.reject("name", "admin.institution.name.taken"))));
  }
}
