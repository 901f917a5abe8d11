package ru.metodichka.expert;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import ru.metodichka.Api;
import ru.metodichka.Fixtures;

/** Experts, invitations and submissions made through the API for the tests. */
final class Experts {
  /** The default rubric's criteria, in order. */
  static final List<String> CODES =
      List.of("relevance", "novelty", "practical-value", "replicability", "presentation");

  static final String FROM = "2025-09-01";
  static final String TO = "2026-09-01";

  private final Fixtures fx;
  private final Api api;

  Experts(Fixtures fx) {
    this.fx = fx;
    this.api = fx.api();
  }

  /** A new user of an institution of their own, holding the expert right, logged in. */
  Fixtures.TestUser expert(String name) {
    return expert(name, Fixtures.unique("ИМЦ другого района "));
  }

  /** A new user of this institution, holding the expert right, logged in. */
  Fixtures.TestUser expert(String name, String institution) {
    Fixtures.TestUser user = user(name, institution);
    grant(user.login());
    return user;
  }

  /** A new user (no expert right) of this institution, logged in. */
  Fixtures.TestUser user(String name, String institution) {
    String login = Fixtures.unique("x");
    var created =
        api.post(
            "/api/users",
            fx.adminToken(),
            new JsonObject()
                .put("login", login)
                .put("password", Fixtures.PASSWORD)
                .put("name", name)
                .put("institution", institution)
                .put("position", "методист"));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    return new Fixtures.TestUser(login, fx.login(login, Fixtures.PASSWORD));
  }

  void grant(String login) {
    var granted = api.put("/api" + Api.path("experts", login), fx.adminToken(), new JsonObject());
    assertThat(granted.status()).as(granted.toString()).isEqualTo(200);
  }

  Api.Response invite(String community, String login, String from, String to, String... pages) {
    JsonObject body = new JsonObject().put("expert", login).put("from", from).put("to", to);
    if (pages.length > 0) {
      body.put("pages", new JsonArray(List.of(pages)));
    }
    return api.post(
        "/api" + Api.path("communities", community, "expert-reviews"), fx.adminToken(), body);
  }

  /** Invites for 2025/26, asserting success; the invitation's id. */
  long invited(String community, String login, String... pages) {
    var invited = invite(community, login, FROM, TO, pages);
    assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
    return invited.json().getLong("id");
  }

  /** A submission body: one score per default criterion, in order, each with a comment. */
  static JsonObject scoring(String recommendation, int... scores) {
    JsonObject values = new JsonObject();
    JsonObject comments = new JsonObject();
    for (int i = 0; i < scores.length; i++) {
      values.put(CODES.get(i), scores[i]);
      comments.put(CODES.get(i), "Комментарий к оценке " + scores[i]);
    }
    return new JsonObject()
        .put("scores", values)
        .put("comments", comments)
        .put("recommendation", recommendation);
  }

  Api.Response submit(String token, long id, JsonObject body) {
    return api.put("/api/expert-reviews/" + id + "/submission", token, body);
  }

  Api.Response review(String token, long id) {
    return api.get("/api/expert-reviews/" + id, token);
  }

  Api.Response composite(String token, String community) {
    return api.get(
        "/api"
            + Api.path("communities", community, "expert-composite")
            + "?from="
            + FROM
            + "&to="
            + TO,
        token);
  }
}
