package ru.metodichka.meeting;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Community;
import ru.metodichka.error.AppError;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Locales;
import ru.metodichka.web.PublicUrl;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.RequestParams;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;
import ru.metodichka.web.Ui;

/**
 * The meetings' screens: {@code /c/{c}/meetings} (upcoming and past, the moderator's form for a new
 * one), a meeting's page (agenda, «Добавить в календарь», answers for members, the moderator's
 * forms to change, cancel and record attendance), the public calendar {@code /c/{c}/meetings.ics}
 * and one meeting's {@code …/{id}/calendar.ics}. Forms become the API's JSON bodies and go through
 * the same rules; saved, they go back with a notice (303); refused, the form comes back as typed
 * with what was wrong (422). Mounted before the page screen, whose {@code /c/{c}/{slug}} would take
 * {@code /c/{c}/meetings}.
 */
public final class MeetingScreens implements Screens {
  static final String ICS = "text/calendar; charset=utf-8";
  private static final String LIST = "/c/:community/meetings";
  private static final String ONE = LIST + "/:id";
  private final Templates templates;
  private final MeetingReader reader;
  private final MeetingService meetings;
  private final PublicUrl publicUrl;
  private final ZoneId zone;

  public MeetingScreens(
      Templates templates,
      MeetingReader reader,
      MeetingService meetings,
      PublicUrl publicUrl,
      ZoneId zone) {
    this.templates = templates;
    this.reader = reader;
    this.meetings = meetings;
    this.publicUrl = publicUrl;
    this.zone = zone;
  }

  @Override
  public void mount(Router router) {
    router.get("/c/:community/meetings.ics").handler(this::publicCalendar);
    router.get(LIST).handler(ctx -> showList(ctx, 200, null));
    router.post(LIST).handler(this::create);
    router.get(ONE + "/calendar.ics").handler(this::single);
    router.get(ONE + "/edit").handler(ctx -> showEdit(ctx, 200, null));
    router.get(ONE).handler(this::show);
    router.post(ONE).handler(this::edit);
    router.post(ONE + "/cancel").handler(this::cancel);
    router.post(ONE + "/rsvp").handler(this::answer);
    router.post(ONE + "/attendance").handler(this::attend);
    new CalendarFeedScreens(templates, reader, publicUrl).mount(router);
  }

  private void showList(RoutingContext ctx, int status, MeetingFields form) {
    reader
        .list(CurrentUser.of(ctx), community(ctx))
        .onSuccess(
            listing -> {
              Ui ui = templates.ui(ctx);
              Community c = listing.access().community();
              Map<String, Object> model = new HashMap<>();
              model.put("listing", listing);
              model.put("form", form == null ? MeetingFields.blank() : form);
              model.put("canModerate", listing.access().canModerate());
              model.put("notice", notice(ctx));
              model.put("calendar", publicUrl.of(ctx, "/c/" + c.slug() + "/meetings.ics"));
              model.put(
                  "crumbs",
                  Crumb.of(
                      new Crumb(ui.t("nav.home"), "/"),
                      new Crumb(c.name(), "/c/" + c.slug()),
                      Crumb.here(ui.t("meeting.list.title"))));
              templates.render(ctx, status, "meeting/list.jte", model);
            })
        .onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx) {
    reader
        .view(CurrentUser.of(ctx), community(ctx), id(ctx))
        .onSuccess(view -> render(ctx, 200, view, "meeting/meeting.jte", null))
        .onFailure(ctx::fail);
  }

  private void showEdit(RoutingContext ctx, int status, MeetingFields form) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    reader
        .view(actor, community(ctx), id(ctx))
        .map(
            view -> {
              view.access().requireModerator();
              return view;
            })
        .onSuccess(
            view -> {
              MeetingFields fields = form == null ? MeetingFields.of(view.meeting(), zone) : form;
              render(ctx, status, view, "meeting/edit.jte", fields);
            })
        .onFailure(ctx::fail);
  }

  private void render(
      RoutingContext ctx, int status, MeetingView view, String template, MeetingFields form) {
    Ui ui = templates.ui(ctx);
    Meeting m = view.meeting();
    Map<String, Object> model = new HashMap<>();
    model.put("view", view);
    model.put("notice", notice(ctx));
    model.put("started", m.started(java.time.OffsetDateTime.now()));
    model.put("over", m.over(java.time.OffsetDateTime.now()));
    if (form != null) {
      model.put("form", form);
    }
    model.put(
        "crumbs",
        Crumb.of(
            new Crumb(ui.t("nav.home"), "/"),
            new Crumb(m.communityName(), "/c/" + m.community()),
            new Crumb(ui.t("meeting.list.title"), "/c/" + m.community() + "/meetings"),
            Crumb.here(m.title())));
    templates.render(ctx, status, template, model);
  }

  private void create(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    String community = community(ctx);
    MeetingFields form = MeetingFields.read(ctx);
    Consumer<AppError> again = e -> showList(ctx, 422, form.rejected(e, Locales.of(ctx)));
    MeetingPatch draft;
    try {
      draft = MeetingInput.draft(form.body(), zone);
    } catch (AppError e) {
      refused(ctx, e, again);
      return;
    }
    meetings
        .create(actor, community, draft)
        .onSuccess(m -> Redirect.seeOther(ctx, path(m) + "?saved=created"))
        .onFailure(e -> refused(ctx, e, again));
  }

  private void edit(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    MeetingFields form = MeetingFields.read(ctx);
    Consumer<AppError> again = e -> showEdit(ctx, 422, form.rejected(e, Locales.of(ctx)));
    MeetingPatch change;
    try {
      change = MeetingInput.patch(form.body(), zone);
    } catch (AppError e) {
      refused(ctx, e, again);
      return;
    }
    meetings
        .edit(actor, community(ctx), id(ctx), change)
        .onSuccess(m -> Redirect.seeOther(ctx, path(m) + "?saved=changed"))
        .onFailure(e -> refused(ctx, e, again));
  }

  private void cancel(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    meetings
        .cancel(actor, community(ctx), id(ctx))
        .onSuccess(m -> Redirect.seeOther(ctx, path(m) + "?saved=cancelled"))
        .onFailure(ctx::fail);
  }

  private void answer(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    String answer =
        MeetingInput.answer(
            new io.vertx.core.json.JsonObject()
                .put("answer", ctx.request().getFormAttribute("answer")));
    meetings
        .answer(actor, community(ctx), id(ctx), answer)
        .onSuccess(m -> Redirect.seeOther(ctx, path(m) + "?saved=answered#rsvp"))
        .onFailure(ctx::fail);
  }

  private void attend(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    List<String> logins = ctx.request().formAttributes().getAll("logins");
    String typed = ctx.request().getFormAttribute("more");
    var all = new java.util.ArrayList<>(logins);
    if (typed != null) {
      for (String login : typed.split("[\\s,;]+")) {
        if (!login.isBlank()) {
          all.add(login.strip());
        }
      }
    }
    long id = id(ctx);
    String community = community(ctx);
    meetings
        .attendance(actor, community, id, MeetingInput.attendance(attendanceBody(all)))
        .onSuccess(
            a ->
                Redirect.seeOther(
                    ctx, "/c/" + community + "/meetings/" + id + "?saved=attendance#attendance"))
        .onFailure(ctx::fail);
  }

  private static io.vertx.core.json.JsonObject attendanceBody(List<String> logins) {
    return new io.vertx.core.json.JsonObject()
        .put("logins", new io.vertx.core.json.JsonArray(List.copyOf(logins)));
  }

  private void publicCalendar(RoutingContext ctx) {
    Ui ui = templates.ui(ctx);
    reader
        .publicCalendar(community(ctx), publicUrl.base(ctx), ui::t)
        .onSuccess(
            ics ->
                ctx.response()
                    .putHeader("Content-Type", ICS)
                    .putHeader("Cache-Control", "public, max-age=300")
                    .end(ics))
        .onFailure(ctx::fail);
  }

  /** One meeting as a file to open in a calendar, as the reader may see it (their link too). */
  private void single(RoutingContext ctx) {
    Ui ui = templates.ui(ctx);
    long id = id(ctx);
    reader
        .single(CurrentUser.of(ctx), community(ctx), id, publicUrl.base(ctx), ui::t)
        .onSuccess(
            ics ->
                ctx.response()
                    .putHeader("Content-Type", ICS)
                    .putHeader(
                        "Content-Disposition", "attachment; filename=\"meeting-" + id + ".ics\"")
                    .putHeader("Cache-Control", "private, no-store")
                    .end(ics))
        .onFailure(ctx::fail);
  }

  /** A 422 with field errors shows the form again; anything else is the error page. */
  private static void refused(RoutingContext ctx, Throwable failure, Consumer<AppError> showForm) {
    if (failure instanceof AppError e && e.status() == 422 && !e.fieldErrors().isEmpty()) {
      showForm.accept(e);
    } else {
      ctx.fail(failure);
    }
  }

  private static String notice(RoutingContext ctx) {
    String saved = ctx.request().getParam("saved");
    return saved == null || !saved.matches("[a-z]{1,20}") ? "" : "meeting.saved." + saved;
  }

  private static String path(Meeting m) {
    return "/c/" + m.community() + "/meetings/" + m.id();
  }

  private static String community(RoutingContext ctx) {
    return ctx.pathParam("community");
  }

  private static long id(RoutingContext ctx) {
    return RequestParams.pathInt(ctx, "id", 1, Integer.MAX_VALUE);
  }
}
