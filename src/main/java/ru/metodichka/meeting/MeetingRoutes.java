package ru.metodichka.meeting;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.db.Rows;
import ru.metodichka.web.JsonInput;
import ru.metodichka.web.Redirect;
import ru.metodichka.web.RequestParams;

/**
 * {@code /api/communities/{c}/meetings}: a community's meetings (upcoming and past), one meeting,
 * creating, changing and cancelling ({@code POST …/{id}/cancel}: a meeting is never deleted),
 * answering whether one will come, and the attendance.
 */
public final class MeetingRoutes implements ru.metodichka.web.ApiRoutes {
  private static final String MEETINGS = "/communities/:community/meetings";
  private static final String MEETING = MEETINGS + "/:id";
  private final MeetingReader reader;
  private final MeetingService meetings;
  private final ZoneId zone;

  public MeetingRoutes(MeetingReader reader, MeetingService meetings, ZoneId zone) {
    this.reader = reader;
    this.meetings = meetings;
    this.zone = zone;
  }

  @Override
  public void mount(Router api) {
    api.get(MEETINGS).respond(this::list);
    api.post(MEETINGS).consumes("application/json").respond(this::create);
    api.get(MEETING).respond(this::one);
    api.patch(MEETING).consumes("application/json").respond(this::edit);
    api.post(MEETING + "/cancel")
        .respond(
            ctx ->
                meetings
                    .cancel(CurrentUser.of(ctx).requireLoggedIn(), community(ctx), id(ctx))
                    .map(MeetingRoutes::json));
    api.put(MEETING + "/rsvp").consumes("application/json").respond(this::answer);
    api.get(MEETING + "/attendance")
        .respond(
            ctx ->
                reader
                    .attendance(CurrentUser.of(ctx), community(ctx), id(ctx))
                    .map(MeetingRoutes::attendance));
    api.put(MEETING + "/attendance").consumes("application/json").respond(this::attend);
  }

  private Future<JsonObject> list(RoutingContext ctx) {
    return reader
        .list(CurrentUser.of(ctx), community(ctx))
        .map(
            listing ->
                new JsonObject()
                    .put("upcoming", array(listing.upcoming()))
                    .put("past", array(listing.past())));
  }

  private Future<JsonObject> one(RoutingContext ctx) {
    return reader
        .view(CurrentUser.of(ctx), community(ctx), id(ctx))
        .map(
            view -> {
              JsonObject json = json(view.meeting()).put("agendaHtml", view.agendaHtml());
              if (view.access().insider()) {
                json.put("attendees", attendees(view.attendees()));
              }
              return json;
            });
  }

  private Future<JsonObject> create(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    MeetingPatch draft = MeetingInput.draft(body(ctx), zone);
    return meetings
        .create(actor, community(ctx), draft)
        .map(
            m -> {
              String location = ctx.request().path().replaceAll("/+$", "") + "/" + m.id();
              ctx.response().setStatusCode(201).putHeader("Location", Redirect.encoded(location));
              return json(m);
            });
  }

  private Future<JsonObject> edit(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    long id = id(ctx);
    MeetingPatch change = MeetingInput.patch(body(ctx), zone);
    return meetings.edit(actor, community(ctx), id, change).map(MeetingRoutes::json);
  }

  private Future<JsonObject> answer(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    long id = id(ctx);
    String answer = MeetingInput.answer(body(ctx));
    return meetings.answer(actor, community(ctx), id, answer).map(MeetingRoutes::json);
  }

  private Future<JsonObject> attend(RoutingContext ctx) {
    CurrentUser actor = CurrentUser.of(ctx).requireLoggedIn();
    long id = id(ctx);
    List<String> logins = MeetingInput.attendance(body(ctx));
    return meetings.attendance(actor, community(ctx), id, logins).map(MeetingRoutes::attendance);
  }

  /** The body as an object: the same checks (malformed JSON, not an object) as every route. */
  private static JsonObject body(RoutingContext ctx) {
    JsonInput.of(ctx);
    return ctx.body().asJsonObject();
  }

  private static String community(RoutingContext ctx) {
    return ctx.pathParam("community");
  }

  private static long id(RoutingContext ctx) {
    return RequestParams.pathInt(ctx, "id", 1, Integer.MAX_VALUE);
  }

  private static JsonArray array(List<Meeting> list) {
    JsonArray array = new JsonArray();
    list.forEach(m -> array.add(json(m)));
    return array;
  }

  private static JsonObject attendance(List<Attendee> attendees) {
    return new JsonObject().put("attendees", attendees(attendees));
  }

  private static JsonArray attendees(List<Attendee> attendees) {
    JsonArray array = new JsonArray();
    attendees.forEach(
        a -> array.add(new JsonObject().put("login", a.login()).put("name", a.name())));
    return array;
  }

  /** A meeting as JSON; {@code link} only when the reader may see it (an insider). */
  static JsonObject json(Meeting m) {
    JsonObject json =
        new JsonObject()
            .put("id", m.id())
            .put("community", m.community())
            .put("title", m.title())
            .put("startsAt", Rows.time(m.startsAt()))
            .put("endsAt", Rows.time(m.endsAt()))
            .put("form", m.form().code())
            .put("place", m.place())
            .put("agenda", m.agenda())
            .put("planItem", m.planItem())
            .put("minutesPage", m.minutesSlug())
            .put("cancelled", m.cancelled())
            .put("sequence", m.sequence())
            .put("changedAt", Rows.time(m.changedAt()))
            .put(
                "answers",
                new JsonObject().put("yes", m.yes()).put("no", m.no()).put("maybe", m.maybe()))
            .put("myAnswer", m.myAnswer());
    if (!m.link().isEmpty()) {
      json.put("link", m.link());
    }
    return json;
  }
}
