package ru.metodichka.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.metodichka.structure.Structures.node;
import static ru.metodichka.structure.Structures.outline;
import static ru.metodichka.structure.Structures.slugs;
import static ru.metodichka.structure.Structures.tree;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * The structure of a community's resource through the API: arranging, reading as each reader may
 * see it, the record of changes, and every refusal.
 */
@ExtendWith(AppExtension.class)
class StructureIT {

  /** A community with pages a (published), b, c, d (drafts) and its moderator's token. */
  private record Setup(Fixtures.Team team, Structures structures) {
    String moderator() {
      return team.moderator().token();
    }
  }

  private static Setup setup(Fixtures fx) {
    var team = fx.team();
    String member = team.member().token();
    for (String slug : List.of("a", "b", "c", "d")) {
      fx.save(team.community(), slug, member, "Страница " + slug, "Текст " + slug + ".\n", 0);
    }
    var published =
        fx.api().post(Api.page(team.community(), "a", "publish"), team.moderator().token(), null);
    assertThat(published.status()).as(published.toString()).isEqualTo(200);
    return new Setup(team, new Structures(fx.api(), team.community()));
  }

  @Test
  void aModeratorArrangesTheTreeAndPagesLeftOutAreListedAfterIt(Fixtures fx) {
    Setup s = setup(fx);
    JsonObject before = s.structures().get(s.moderator()).json();
    assertThat(before.getInteger("version")).isZero();
    assertThat(before.getJsonArray("tree")).isEmpty();
    assertThat(slugs(before.getJsonArray("unplaced"))).containsExactly("a", "b", "c", "d");

    JsonObject after = s.structures().replace(s.moderator(), tree(node("b", node("a"), node("c"))));

    assertThat(after.getInteger("version")).isEqualTo(1);
    assertThat(after.getString("changedBy")).isEqualTo(s.team().moderator().login());
    assertThat(outline(after.getJsonArray("tree"))).containsExactly("0:b", "1:a", "1:c");
    assertThat(slugs(after.getJsonArray("unplaced"))).containsExactly("d");
    assertThat(after.getJsonArray("tree").getJsonObject(0).getString("title"))
        .isEqualTo("Страница b");
    // The community's list reads the tree in order, the pages outside it last.
    var list = fx.api().get("/api" + Api.path("communities", s.team().community(), "pages"), null);
    assertThat(list.status()).isEqualTo(200);
    var insiders =
        fx.api()
            .get(
                "/api" + Api.path("communities", s.team().community(), "pages"),
                s.team().member().token());
    assertThat(slugs(insiders.json().getJsonArray("items"))).containsExactly("b", "a", "c", "d");
  }

  @Test
  void aReaderSeesOnlyPagesTheyMaySeeWithAHiddenPagesChildrenLiftedToItsPlace(Fixtures fx) {
    Setup s = setup(fx);
    s.structures().replace(s.moderator(), tree(node("d"), node("b", node("a")), node("c")));

    JsonObject anonymous = s.structures().get(null).json();

    // b is a draft: the published a stands where b stood, at the top; drafts are not named.
    assertThat(outline(anonymous.getJsonArray("tree"))).containsExactly("0:a");
    assertThat(anonymous.getJsonArray("unplaced")).isEmpty();
    assertThat(anonymous.encode()).doesNotContain("Страница b", "Страница c", "Страница d");
    JsonObject member = s.structures().get(s.team().member().token()).json();
    assertThat(outline(member.getJsonArray("tree"))).containsExactly("0:d", "0:b", "1:a", "0:c");
  }

  @Test
  void everyUnknownRepeatedOrCyclicSlugIsNamedAndNothingIsWritten(Fixtures fx) {
    Setup s = setup(fx);
    s.structures().replace(s.moderator(), tree(node("a")));

    var refused =
        s.structures()
            .put(
                s.moderator(),
                tree(
                    node("b", node("c", node("b"))),
                    node("нет-такой"),
                    node("c"),
                    node("d", node("D"))));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    JsonArray errors = refused.json().getJsonArray("errors");
    assertThat(fields(errors))
        .containsExactlyInAnyOrder(
            "[0].children[0].children[0].slug=Страница «b» не может стоять внутри самой себя",
            "[1].slug=Страницы «нет-такой» в сообществе нет",
            "[2].slug=Страница «c» указана больше одного раза",
            "[3].children[0].slug=Страница «D» не может стоять внутри самой себя");
    assertThat(refused.text()).contains("нет-такой");
    JsonObject now = s.structures().get(s.moderator()).json();
    assertThat(now.getInteger("version")).isEqualTo(1);
    assertThat(outline(now.getJsonArray("tree"))).containsExactly("0:a");
  }

  @Test
  void aBodyOfTheWrongShapeIsRefusedNamingEachPlace(Fixtures fx) {
    Setup s = setup(fx);
    var refused =
        s.structures()
            .put(
                s.moderator(),
                new JsonArray()
                    .add("a")
                    .add(new JsonObject().put("slug", 5))
                    .add(new JsonObject().put("slug", "b").put("children", "c")));
    assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
    assertThat(fields(refused.json().getJsonArray("errors")))
        .containsExactlyInAnyOrder(
            "[0]=Должно быть объектом",
            "[1].slug=Должно быть строкой",
            "[2].children=Должно быть списком");
    var object =
        fx.api().put(s.structures().path(), s.moderator(), new JsonObject().put("slug", "a"));
    assertThat(object.status()).isEqualTo(400);
    assertThat(object.json().getString("code")).isEqualTo("json_not_array");
  }

  @Test
  void aChangeFromAnOlderVersionIsRefusedWithTheCurrentOne(Fixtures fx) {
    Setup s = setup(fx);
    var first = s.structures().get(s.moderator());
    assertThat(first.headers().get("ETag")).isEqualTo("\"0\"");
    s.structures().replace(s.moderator(), tree(node("a")));

    var stale = s.structures().put(s.moderator(), tree(node("b")), Map.of("If-Match", "\"0\""));

    assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
    assertThat(stale.json().getString("code")).isEqualTo("structure_stale");
    assertThat(stale.json().getInteger("version")).isEqualTo(1);
    var current = s.structures().put(s.moderator(), tree(node("b")), Map.of("If-Match", "\"1\""));
    assertThat(current.status()).as(current.toString()).isEqualTo(200);
    assertThat(current.headers().get("ETag")).isEqualTo("\"2\"");
  }

  @Test
  void anArchivedCommunitysStructureIsReadOnly(Fixtures fx, TestApp app) throws SQLException {
    Setup s = setup(fx);
    s.structures().replace(s.moderator(), tree(node("a")));
    try (Connection db = app.jdbc();
        var archive =
            db.prepareStatement("UPDATE communities SET status = 'archived' WHERE slug = ?")) {
      archive.setString(1, s.team().community());
      assertThat(archive.executeUpdate()).isEqualTo(1);
    }

    var refused = s.structures().put(fx.adminToken(), tree(node("b")));

    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.json().getString("code")).isEqualTo("community_archived");
    assertThat(outline(s.structures().get(null).json().getJsonArray("tree")))
        .containsExactly("0:a");
  }

  @Test
  void aRenamedPageKeepsItsPlaceAndAMovedPageLeavesTheTree(Fixtures fx) {
    Setup s = setup(fx);
    var other = fx.community();
    fx.join(other, new Fixtures.TestUser(s.team().moderator().login(), s.moderator()), "moderator");
    s.structures().replace(s.moderator(), tree(node("a", node("b", node("c"))), node("d")));

    var renamed =
        fx.api()
            .post(
                Api.page(s.team().community(), "b", "rename"),
                s.moderator(),
                new JsonObject().put("slug", "б-новая"));
    assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
    assertThat(outline(s.structures().get(s.moderator()).json().getJsonArray("tree")))
        .containsExactly("0:a", "1:б-новая", "2:c", "0:d");

    var moved =
        fx.api()
            .post(
                Api.page(s.team().community(), "б-новая", "move"),
                s.moderator(),
                new JsonObject().put("community", other));
    assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    JsonObject now = s.structures().get(s.moderator()).json();
    // c takes the place of the page that left.
    assertThat(outline(now.getJsonArray("tree"))).containsExactly("0:a", "1:c", "0:d");
    JsonObject there = new Structures(fx.api(), other).get(s.moderator()).json();
    assertThat(there.getJsonArray("tree")).isEmpty();
    assertThat(slugs(there.getJsonArray("unplaced"))).containsExactly("б-новая");
  }

  @Test
  void everyChangeIsRecordedWithItsAuthorAndTheWholeTreeAndTheRecordCannotBeRewritten(
      Fixtures fx, TestApp app) throws SQLException {
    Setup s = setup(fx);
    s.structures().replace(s.moderator(), tree(node("a", node("b"))));
    s.structures().replace(fx.adminToken(), tree(node("c")));

    try (Connection db = app.jdbc();
        var query =
            db.prepareStatement(
                "SELECT u.login, s.tree::text FROM structure_changes s"
                    + " JOIN users u ON u.id = s.changed_by JOIN communities c ON c.id ="
                    + " s.community_id WHERE c.slug = ? ORDER BY s.id")) {
      query.setString(1, s.team().community());
      ResultSet rows = query.executeQuery();
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo(s.team().moderator().login());
      JsonArray first = new JsonArray(rows.getString(2));
      assertThat(first.getJsonObject(0).getString("slug")).isEqualTo("a");
      assertThat(first.getJsonObject(0).getLong("id")).isPositive();
      assertThat(
              first.getJsonObject(0).getJsonArray("children").getJsonObject(0).getString("title"))
          .isEqualTo("Страница b");
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("admin");
      assertThat(rows.next()).isFalse();
      assertThatThrownBy(
              () -> db.createStatement().executeUpdate("UPDATE structure_changes SET tree = '[]'"))
          .hasMessageContaining("append-only");
      assertThatThrownBy(() -> db.createStatement().executeUpdate("DELETE FROM structure_changes"))
          .hasMessageContaining("append-only");
    }
  }

  private static List<String> fields(JsonArray errors) {
    return errors.stream()
        .map(e -> (JsonObject) e)
        .map(e -> e.getString("field") + "=" + e.getString("message"))
        .toList();
  }
}
