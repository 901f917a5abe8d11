package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/** The bank metadata of a page: saved with each revision, kept, validated, edited in a form. */
@ExtendWith(AppExtension.class)
class PageMetadataIT {
  private static final JsonObject METADATA =
      new JsonObject()
          .put("subjects", new JsonArray().add("математика").add("Математика").add(" физика "))
          .put("levels", new JsonArray().add("basic"))
          .put("grades", new JsonArray().add(7).add(5))
          .put("tags", new JsonArray().add("задачи"))
          .put("licence", "cc-by-sa-4.0")
          .put("year", 2026);

  private JsonObject save(Fixtures fx, Fixtures.Team team, JsonObject body) {
    Api.Response response =
        fx.api().put(Api.page(team.community(), "урок"), team.member().token(), body);
    assertThat(response.status()).as(response.toString()).isIn(200, 201);
    return fx.api().get(Api.page(team.community(), "урок"), team.member().token()).json();
  }

  @Test
  void metadataIsSavedWithTheRevisionAndKeptByASaveWithoutIt(Fixtures fx) {
    var team = fx.team();
    JsonObject first =
        save(
            fx,
            team,
            new JsonObject()
                .put("title", "Урок")
                .put("markdown", "Текст")
                .put("metadata", METADATA));
    JsonObject metadata = first.getJsonObject("metadata");
    assertThat(metadata.getJsonArray("subjects")).containsExactly("математика", "физика");
    assertThat(metadata.getJsonArray("grades")).containsExactly(5, 7);
    assertThat(metadata.getString("licence")).isEqualTo("cc-by-sa-4.0");
    assertThat(metadata.getInteger("year")).isEqualTo(2026);

    JsonObject second =
        save(
            fx,
            team,
            new JsonObject()
                .put("title", "Урок")
                .put("markdown", "Текст 2")
                .put("baseRevision", 1));
    assertThat(second.getJsonObject("metadata")).isEqualTo(metadata);

    JsonObject onlyMetadata =
        save(
            fx,
            team,
            new JsonObject()
                .put("title", "Урок")
                .put("markdown", "Текст 2")
                .put("baseRevision", 2)
                .put("metadata", new JsonObject().put("licence", "cc0-1.0")));
    assertThat(onlyMetadata.getInteger("revision"))
        .as("a metadata change is a revision")
        .isEqualTo(3);
    JsonObject revisionOne =
        fx.api()
            .get(Api.page(team.community(), "урок", "revisions", "1"), team.member().token())
            .json();
    assertThat(revisionOne.getJsonObject("metadata")).isEqualTo(metadata);
  }

  @Test
  void badMetadataIsRefusedWithEveryProblemNamed(Fixtures fx) {
    var team = fx.team();
    JsonObject bad =
        new JsonObject()
            .put("levels", new JsonArray().add("university"))
            .put("grades", new JsonArray().add(12))
            .put("licence", "wtfpl")
            .put("year", 1900);
    Api.Response response =
        fx.api()
            .put(
                Api.page(team.community(), "плохая"),
                team.member().token(),
                new JsonObject().put("title", "Плохая").put("markdown", "x").put("metadata", bad));
    assertThat(response.status()).isEqualTo(422);
    assertThat(response.text())
        .contains("metadata.levels", "metadata.grades", "metadata.licence", "metadata.year");
    assertThat(fx.api().get(Api.page(team.community(), "плохая"), team.member().token()).status())
        .isEqualTo(404);
  }

  @Test
  void theEditorShowsAndSavesTheBankFieldsAndThePageShowsThem(Fixtures fx) {
    var team = fx.team();
    save(
        fx,
        team,
        new JsonObject().put("title", "Урок").put("markdown", "Текст").put("metadata", METADATA));
    WebSession member = WebSession.withToken(fx.api(), team.member().token());
    String page = "/c/" + team.community() + "/урок";
    Document editor = member.page(page + "/edit");
    assertThat(editor.getElementById("subjects").val()).isEqualTo("математика, физика");
    assertThat(editor.select("input[name=grades][checked]").eachAttr("value"))
        .containsExactly("5", "7");
    assertThat(editor.select("#licence option[selected]").val()).isEqualTo("cc-by-sa-4.0");

    Map<String, String> form = new LinkedHashMap<>();
    form.put("csrf", member.csrfToken());
    form.put("idempotencyKey", Fixtures.unique("k"));
    form.put("baseRevision", "1");
    form.put("title", "Урок");
    form.put("kind", "practice");
    form.put("markdown", "Текст\n");
    form.put("summary", "Сведения для банка");
    form.put("subjects", "химия; биология");
    form.put("levels", "secondary");
    form.put("licence", "cc-by-4.0");
    form.put("year", "2025");
    assertThat(member.postRaw(page + "/edit", form).status()).isEqualTo(303);

    Document view = member.page(page);
    String details = view.select(".meta-list").text();
    assertThat(details).contains("химия, биология", "Среднее общее", "2025", "CC BY 4.0");
    form.put("year", "двадцатый");
    form.put("baseRevision", "2");
    form.put("idempotencyKey", Fixtures.unique("k"));
    Api.Response invalid = member.postRaw(page + "/edit", form);
    assertThat(invalid.status()).isEqualTo(422);
    assertThat(invalid.document().select("#editor-errors").text()).contains("Год");
    assertThat(invalid.document().getElementById("subjects").val()).isEqualTo("химия, биология");
  }
}
