package ru.metodichka.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Audiences;
import ru.metodichka.Audiences.Audience;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.render.SafeHtml;

/**
 * Who may do what with a page's files, for every audience and route: a published page's files are
 * everyone's to read, a draft's only its community's insiders' (404 to everyone else, as the draft
 * itself); insiders upload; moderators hide.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentAuthorizationIT {
  private Audiences audiences;
  private Api api;
  private String community;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.audiences = Audiences.create(fx, app);
    this.api = fx.api();
    this.community = audiences.community();
    String member = audiences.token(Audience.MEMBER);
    String moderator = audiences.token(Audience.MODERATOR);
    fx.save(community, "открытая", member, "Открытая", "Текст.\n", 0);
    fx.save(community, "черновик", member, "Черновик", "Пишем.\n", 0);
    assertThat(api.post(Api.page(community, "открытая", "publish"), moderator, null).status())
        .isEqualTo(200);
    for (String slug : new String[] {"открытая", "черновик"}) {
      var up = Uploads.upload(api, member, community, slug, "файл.txt", Uploads.utf8("текст"));
      assertThat(up.status()).as(up.toString()).isEqualTo(201);
      var image =
          Uploads.upload(api, member, community, slug, "схема.png", Pictures.png(1600, 800, false));
      assertThat(image.status()).as(image.toString()).isEqualTo(201);
    }
  }

  @Test
  void anImageShowsOnAPageAsThePageDoes() {
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      assertThat(
              api.get(Uploads.file(community, "открытая", "схема.png", "preview"), token).status())
          .as(audience.name())
          .isEqualTo(200);
      assertThat(
              api.get(Uploads.file(community, "черновик", "схема.png", "preview"), token).status())
          .as(audience.name())
          .isEqualTo(audience.insider() ? 200 : 404);
    }
  }

  private String pending(String... rest) {
    StringBuilder path =
        new StringBuilder("/api").append(Api.path("communities", community, "pending-files"));
    for (String segment : rest) {
      path.append(Api.path(segment));
    }
    return path.toString();
  }

  private Api.Response keep(String token, String pendingToken) {
    return api.send(
        io.vertx.core.http.HttpMethod.POST,
        pending() + (pendingToken == null ? "" : "?token=" + pendingToken),
        token,
        Uploads.body("рисунок.png", Pictures.png(20, 20, false)),
        "multipart/form-data; boundary=" + Uploads.BOUNDARY,
        java.util.Map.of());
  }

  @Test
  void onlyThoseWhoMayCreatePagesKeepFilesForOne() {
    for (Audience audience : Audience.values()) {
      var kept = keep(audiences.token(audience), null);
      int expected = audience.insider() ? 201 : Audiences.refused(audience);
      assertThat(kept.status()).as(audience.name() + " " + kept).isEqualTo(expected);
    }
  }

  @Test
  void keptFilesExistOnlyForTheirSender() {
    var kept = keep(audiences.token(Audience.MEMBER), null);
    String token = kept.json().getString("token");
    for (Audience audience : Audience.values()) {
      String as = audiences.token(audience);
      boolean sender = audience == Audience.MEMBER;
      int other = audience.insider() ? 404 : Audiences.refused(audience);
      assertThat(api.get(pending(token), as).status())
          .as(audience.name())
          .isEqualTo(sender ? 200 : other);
      assertThat(api.get(pending(token, "рисунок.png"), as).status())
          .as(audience.name())
          .isEqualTo(sender ? 200 : other);
      assertThat(api.get(pending(token, "рисунок.png", "preview"), as).status())
          .as(audience.name())
          .isEqualTo(sender ? 200 : other);
      if (!sender) {
        assertThat(keep(as, token).status())
            .as(audience.name() + " adds to the member's files")
            .isEqualTo(audience.insider() ? 404 : Audiences.refused(audience));
      }
    }
  }

  @Test
  void keptFilesAreAttachedOnlyByTheirSenderToAPageTheyMayEdit() {
    for (Audience audience : Audience.values()) {
      String as = audiences.token(audience);
      // Each audience's own files where it may keep them, else the member's.
      var mine = keep(audience.insider() ? as : audiences.token(Audience.MEMBER), null);
      String token = mine.json().getString("token");
      var attached =
          api.post(pending(token, "attach"), as, new JsonObject().put("page", "черновик"));
      if (audience.insider()) {
        assertThat(attached.status()).as(audience.name() + " " + attached).isEqualTo(200);
        assertThat(attached.json().getJsonArray("attached")).containsExactly("рисунок.png");
      } else {
        // Outsiders do not see the draft at all.
        assertThat(attached.status()).as(audience.name() + " " + attached).isEqualTo(404);
      }
      var onPublished =
          api.post(pending(token, "attach"), as, new JsonObject().put("page", "открытая"));
      int expected = audience.insider() ? 200 : Audiences.refused(audience);
      assertThat(onPublished.status()).as(audience.name() + " " + onPublished).isEqualTo(expected);
      if (audience.insider()) {
        // Attached already: nothing is left under the token.
        assertThat(onPublished.json().getJsonArray("attached")).isEmpty();
      }
    }
    // The member's files stay theirs when someone else names their token.
    var memberFiles = keep(audiences.token(Audience.MEMBER), null);
    String token = memberFiles.json().getString("token");
    var byModerator =
        api.post(
            pending(token, "attach"),
            audiences.token(Audience.MODERATOR),
            new JsonObject().put("page", "открытая"));
    assertThat(byModerator.json().getJsonArray("attached")).isEmpty();
    assertThat(
            api.get(pending(token), audiences.token(Audience.MEMBER)).json().getJsonArray("items"))
        .hasSize(1);
  }

  @Test
  void aPublishedPagesFilesAreEveryonesToRead() {
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      assertThat(api.get(Uploads.list(community, "открытая"), token).status())
          .as(audience.name())
          .isEqualTo(200);
      assertThat(api.get(Uploads.file(community, "открытая", "файл.txt"), token).status())
          .as(audience.name())
          .isEqualTo(200);
      assertThat(
              api.get(Uploads.file(community, "открытая", "файл.txt", "versions", "1"), token)
                  .status())
          .as(audience.name())
          .isEqualTo(200);
    }
  }

  @Test
  void aDraftsFilesExistOnlyForInsiders() {
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      int expected = audience.insider() ? 200 : 404;
      assertThat(api.get(Uploads.list(community, "черновик"), token).status())
          .as(audience.name())
          .isEqualTo(expected);
      assertThat(api.get(Uploads.file(community, "черновик", "файл.txt"), token).status())
          .as(audience.name())
          .isEqualTo(expected);
      assertThat(
              api.get(Uploads.file(community, "черновик", "файл.txt", "versions", "1"), token)
                  .status())
          .as(audience.name())
          .isEqualTo(expected);
    }
  }

  @Test
  void onlyInsidersUpload() {
    for (Audience audience : Audience.values()) {
      var up =
          Uploads.upload(
              api,
              audiences.token(audience),
              community,
              "открытая",
              "от-" + audience.name() + ".txt",
              Uploads.utf8("x"));
      int expected = audience.insider() ? 201 : Audiences.refused(audience);
      assertThat(up.status()).as(audience.name() + " " + up).isEqualTo(expected);
      var draft =
          Uploads.upload(
              api, audiences.token(audience), community, "черновик", "x.txt", Uploads.utf8("x"));
      assertThat(draft.status())
          .as(audience.name() + " " + draft)
          .isEqualTo(audience.insider() ? 201 : 404);
    }
  }

  @Test
  void theFilesScreenFollowsThePageAndOffersWhatEachMayDo() {
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      var open = api.get("/c/" + Api.path(community, "открытая").substring(1) + "/files", token);
      assertThat(open.status()).as(audience.name()).isEqualTo(200);
      assertThat(open.text()).as(audience.name()).contains("файл.txt");
      assertThat(SafeHtml.screenProblems(open.text(), "/c/" + community + "/открытая"))
          .as(audience.name())
          .isEmpty();
      assertThat(open.document().select("#upload-form").isEmpty())
          .as(audience.name())
          .isEqualTo(!audience.insider());
      assertThat(open.document().select("form[action$=/files/hide]").isEmpty())
          .as(audience.name())
          .isEqualTo(!audience.moderator());
      var draft = api.get("/c/" + Api.path(community, "черновик").substring(1) + "/files", token);
      assertThat(draft.status()).as(audience.name()).isEqualTo(audience.insider() ? 200 : 404);
    }
  }

  @Test
  void onlyModeratorsHide() {
    for (Audience audience : Audience.values()) {
      var hidden =
          api.post(
              Uploads.file(community, "открытая", "файл.txt", "hide"),
              audiences.token(audience),
              new JsonObject().put("hidden", false).put("reason", "проверка"));
      int expected = audience.moderator() ? 200 : Audiences.refused(audience);
      assertThat(hidden.status()).as(audience.name() + " " + hidden).isEqualTo(expected);
    }
  }
}
