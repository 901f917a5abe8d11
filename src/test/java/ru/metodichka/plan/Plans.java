package ru.metodichka.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import ru.metodichka.Api;

/** Plan items through the API, for the plan's tests; dates in years that are always past or not. */
final class Plans {
  static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
  private final Api api;
  private final String community;

  Plans(Api api, String community) {
    this.api = api;
    this.community = community;
  }

  /** The academic year today falls in. */
  static AcademicYear current() {
    return AcademicYear.containing(LocalDate.now(ZONE));
  }

  /** The year before this one: every date in it is past. */
  static AcademicYear past() {
    return current().previous();
  }

  /** The year after this one: every date in it is to come. */
  static AcademicYear future() {
    return current().next();
  }

  String base() {
    return "/api" + Api.path("communities", community, "plan");
  }

  /** A body for a new item in {@code year}, lasting October 1–15. */
  static JsonObject item(AcademicYear year, String title, List<String> responsible) {
    return new JsonObject()
        .put("year", year.label())
        .put("title", title)
        .put("form", "in-person")
        .put("starts", year.first().plusMonths(1).toString())
        .put("due", year.first().plusMonths(1).plusDays(14).toString())
        .put("responsible", new JsonArray(responsible));
  }

  /** Creates an item, asserting 201; returns it. */
  JsonObject create(String token, JsonObject body) {
    Api.Response created = api.post(base() + "/items", token, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  Api.Response patch(String token, long id, JsonObject body) {
    return api.send(
        HttpMethod.PATCH,
        base() + "/items/" + id,
        token,
        Buffer.buffer(body.encode()),
        "application/json",
        Map.of());
  }

  /** Changes an item, asserting 200; returns it. */
  JsonObject change(String token, long id, JsonObject body) {
    Api.Response changed = patch(token, id, body);
    assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    return changed.json();
  }

  JsonObject plan(String token, String query) {
    Api.Response plan = api.get(base() + query, token);
    assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
    return plan.json();
  }

  JsonArray history(String token, long id) {
    Api.Response history = api.get(base() + "/items/" + id + "/history", token);
    assertThat(history.status()).as(history.toString()).isEqualTo(200);
    return history.items();
  }

  /** The field names of a 422. */
  static List<String> fields(Api.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    return response.json().getJsonArray("errors").stream()
        .map(e -> ((JsonObject) e).getString("field"))
        .toList();
  }
}
