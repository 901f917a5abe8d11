package ru.metodichka.bank;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import ru.metodichka.Api;
import ru.metodichka.Fixtures;

/** Pages of a kind with bank metadata, written and published through the API as people do. */
final class Materials {
  private final Fixtures fx;
  private final Fixtures.Team team;

  Materials(Fixtures fx, Fixtures.Team team) {
    this.fx = fx;
    this.team = team;
  }

  /** A draft of the given kind about mathematics for the basic school. */
  void draft(String slug, String title, String kind, String markdown) {
    var response =
        fx.api()
            .put(
                Api.page(team.community(), slug),
                team.member().token(),
                new JsonObject()
                    .put("title", title)
                    .put("markdown", markdown)
                    .put("baseRevision", 0)
                    .put("kind", kind)
                    .put(
                        "metadata",
                        new JsonObject()
                            .put("subjects", new JsonArray().add("математика"))
                            .put("levels", new JsonArray().add("basic"))));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
  }

  void publish(String slug) {
    status(slug, "publish");
  }

  void unpublish(String slug) {
    status(slug, "unpublish");
  }

  /** The page's address as links and feeds carry it (Cyrillic percent-encoded). */
  String path(String slug) {
    return Api.path("c", team.community(), slug);
  }

  private void status(String slug, String action) {
    var response =
        fx.api().post(Api.page(team.community(), slug, action), team.moderator().token(), null);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
  }
}
