package ru.metodichka.demo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.NewUser;
import ru.metodichka.auth.UserService;
import ru.metodichka.expert.ExpertReviews;
import ru.metodichka.expert.ExpertService;
import ru.metodichka.expert.Invitation;
import ru.metodichka.web.JsonInput;

/**
 * The demo's independent experts (§5.2, {@code demo/experts.json}): two methodists from outside the
 * district, given the expert right, invited to review one community's 2025/26 — they disagree on
 * novelty — and one invitation still waiting for scores. Everything through the real services, so
 * the independence rule is checked for the demo too.
 */
final class DemoExperts {
  private static final String PATH = "demo/experts.json";
  private final UserService users;
  private final ExpertService experts;
  private final ExpertReviews reviews;
  private final String password;

  DemoExperts(UserService users, ExpertService experts, ExpertReviews reviews, String password) {
    this.users = users;
    this.experts = experts;
    this.reviews = reviews;
    this.password = password;
  }

  /** The experts' logins (the demo adds nothing when one is taken). */
  static List<String> logins() {
    return load().getJsonArray("experts").stream()
        .map(e -> ((JsonObject) e).getString("login"))
        .toList();
  }

  Future<Void> create(CurrentUser admin) {
    JsonObject content = load();
    Map<String, CurrentUser> people = new HashMap<>();
    return DemoSeed.inOrder(list(content, "experts"), e -> expert(admin, e, people))
        .compose(
            v -> DemoSeed.inOrder(list(content, "reviews"), r -> review(admin, r, people, true)))
        .compose(
            v -> DemoSeed.inOrder(list(content, "pending"), r -> review(admin, r, people, false)));
  }

  private Future<Void> expert(CurrentUser admin, JsonObject e, Map<String, CurrentUser> people) {
    String login = e.getString("login");
    NewUser account =
        new NewUser(
            login,
            password,
            e.getString("name"),
            login + "@example.org",
            e.getString("institution"),
            e.getString("position"),
            false,
            false);
    return users
        .create(admin, account)
        .compose(
            user -> {
              people.put(login, user.asCurrentUser());
              return experts.setExpert(admin, login, true);
            })
        .mapEmpty();
  }

  private Future<Void> review(
      CurrentUser admin, JsonObject r, Map<String, CurrentUser> people, boolean submit) {
    JsonObject body =
        new JsonObject()
            .put("expert", r.getString("expert"))
            .put("from", r.getString("from"))
            .put("to", r.getString("to"))
            .put("pages", r.getJsonArray("pages", new JsonArray()));
    Invitation invitation = Invitation.from(JsonInput.of(body), experts.zone());
    Future<Long> invited = experts.invite(admin, r.getString("community"), invitation);
    if (!submit) {
      return invited.mapEmpty();
    }
    JsonObject scoring =
        new JsonObject()
            .put("scores", r.getJsonObject("scores"))
            .put("comments", r.getJsonObject("comments"))
            .put("recommendation", r.getString("recommendation"));
    CurrentUser expert = people.get(r.getString("expert"));
    return invited.compose(id -> reviews.submit(expert, id, JsonInput.of(scoring))).mapEmpty();
  }

  private static List<JsonObject> list(JsonObject content, String key) {
    return content.getJsonArray(key).stream().map(o -> (JsonObject) o).toList();
  }

  private static JsonObject load() {
    try (InputStream in = DemoExperts.class.getClassLoader().getResourceAsStream(PATH)) {
      if (in == null) {
        throw new IllegalStateException("Missing demo resource " + PATH);
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
