package ru.metodichka.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import ru.metodichka.Api;

/** Meetings of one community through the API, for tests. */
final class Meetings {
  private final Api api;
  private final String community;

  Meetings(Api api, String community) {
    this.api = api;
    this.community = community;
  }

  String base() {
    return "/api" + Api.path("communities", community, "meetings");
  }

  String path(long id, String... rest) {
    return base() + "/" + id + (rest.length == 0 ? "" : "/" + String.join("/", rest));
  }

  /** A meeting's body, starting {@code hoursFromNow} from now, lasting two hours. */
  static JsonObject remote(String title, int hoursFromNow) {
    OffsetDateTime starts = OffsetDateTime.now(ZoneOffset.UTC).plusHours(hoursFromNow);
    return new JsonObject()
        .put("title", title)
        .put("startsAt", starts.toString())
        .put("endsAt", starts.plusHours(2).toString())
        .put("form", "remote")
        .put("link", "https://meet.example.org/секрет-" + title.hashCode())
        .put("agenda", "1. Итоги\n2. **План**");
  }

  static JsonObject inPerson(String title, int hoursFromNow) {
    return remote(title, hoursFromNow)
        .put("form", "in-person")
        .put("place", "Школа № 5, кабинет 12")
        .put("link", "");
  }

  JsonObject create(String token, JsonObject body) {
    Api.Response created = api.post(base(), token, body);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return created.json();
  }

  Api.Response patch(String token, long id, JsonObject body) {
    return api.send(
        HttpMethod.PATCH,
        path(id),
        token,
        Buffer.buffer(body.encode()),
        "application/json",
        Map.of());
  }

  Api.Response cancel(String token, long id) {
    return api.post(path(id, "cancel"), token, null);
  }

  Api.Response rsvp(String token, long id, String answer) {
    return api.put(path(id, "rsvp"), token, new JsonObject().put("answer", answer));
  }

  Api.Response attend(String token, long id, String... logins) {
    return api.put(
        path(id, "attendance"),
        token,
        new JsonObject()
            .put("logins", new io.vertx.core.json.JsonArray(java.util.List.of(logins))));
  }
}
