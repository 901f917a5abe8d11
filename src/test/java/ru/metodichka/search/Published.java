package ru.metodichka.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import ru.metodichka.Api;
import ru.metodichka.Fixtures;

/** Materials of a kind, with bank metadata, written and published through the API. */
final class Published {
  private Published() {}

  /** Writes the page as the team's member and publishes it as its moderator. */
  static void material(
      Fixtures fx,
      Fixtures.Team team,
      String slug,
      String title,
      String kind,
      JsonObject metadata,
      String markdown) {
    draft(fx, team, slug, title, kind, metadata, markdown);
    publish(fx, team, slug);
  }

  /** Writes the page as the team's member; null metadata is the defaults. */
  static void draft(
      Fixtures fx,
      Fixtures.Team team,
      String slug,
      String title,
      String kind,
      JsonObject metadata,
      String markdown) {
    var saved =
        fx.api()
            .put(
                Api.page(team.community(), slug),
                team.member().token(),
                new JsonObject()
                    .put("title", title)
                    .put("markdown", markdown)
                    .put("baseRevision", 0)
                    .put("kind", kind)
                    .put("metadata", metadata == null ? new JsonObject() : metadata));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
  }

  static void publish(Fixtures fx, Fixtures.Team team, String slug) {
    var published =
        fx.api().post(Api.page(team.community(), slug, "publish"), team.moderator().token(), null);
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
  }
}
