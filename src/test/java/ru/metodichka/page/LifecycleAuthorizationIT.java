package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.Audiences.Audience;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Audiences;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.WebSession;

/** Who may rename, move, retire and restore pages, and who is told where a page went. */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LifecycleAuthorizationIT {
  private Api api;
  private Audiences audiences;
  private String c;
  private String member;
  private String moderator;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.api = fx.api();
    this.audiences = Audiences.create(fx, app);
    this.c = audiences.community();
    this.member = audiences.token(Audience.MEMBER);
    this.moderator = audiences.token(Audience.MODERATOR);
  }

  /** A fresh draft of the community; its slug. */
  private String draft() {
    String slug = Fixtures.unique("черновик");
    var saved =
        api.put(
            Api.page(c, slug),
            member,
            new JsonObject().put("title", slug).put("markdown", "Текст.\n").put("baseRevision", 0));
    assertThat(saved.status()).as(saved.toString()).isEqualTo(201);
    return slug;
  }

  /** A fresh published page of the community; its slug. */
  private String published() {
    String slug = draft();
    assertThat(api.post(Api.page(c, slug, "publish"), moderator, null).status()).isEqualTo(200);
    return slug;
  }

  private static JsonObject title(String title) {
    return new JsonObject().put("title", title);
  }

  @Test
  void insidersRenameDraftsAndOnlyModeratorsRenamePublishedPages() {
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      var draft = api.post(Api.page(c, draft(), "rename"), token, title("Новое имя черновика"));
      var open = api.post(Api.page(c, published(), "rename"), token, title("Новое имя"));
      assertThat(draft.status())
          .as(audience + " " + draft)
          .isEqualTo(audience.insider() ? 200 : Audiences.refused(audience));
      assertThat(open.status())
          .as(audience + " " + open)
          .isEqualTo(audience.moderator() ? 200 : Audiences.refused(audience));
      if (audience == Audience.MEMBER) {
        assertThat(open.status()).isEqualTo(403);
      }
    }
  }

  @Test
  void onlyTheCommunitysModeratorsRetireAndRestore() {
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      String slug = published();
      var retired = api.post(Api.page(c, slug, "retire"), token, null);
      assertThat(retired.status())
          .as(audience + " " + retired)
          .isEqualTo(audience.moderator() ? 200 : Audiences.refused(audience));
      if (!audience.moderator()) {
        assertThat(api.post(Api.page(c, slug, "retire"), moderator, null).status()).isEqualTo(200);
      }
      var restored = api.post(Api.page(c, slug, "restore"), token, null);
      assertThat(restored.status())
          .as(audience + " " + restored)
          .isEqualTo(audience.moderator() ? 200 : Audiences.refused(audience));
    }
  }

  @Test
  void movingNeedsAModeratorOfBothCommunities() {
    String other = audiences.otherCommunity();
    for (Audience audience : Audience.values()) {
      var moved =
          api.post(
              Api.page(c, draft(), "move"),
              audiences.token(audience),
              new JsonObject().put("community", other));
      // Only the administrator moderates both; the community's moderator does not moderate the
      // other one, whose moderator does not moderate this one.
      int expected =
          switch (audience) {
            case ADMINISTRATOR -> 200;
            case ANONYMOUS -> 401;
            default -> 403;
          };
      assertThat(moved.status()).as(audience + " " + moved).isEqualTo(expected);
    }
  }

  @Test
  void anOldAddressLeadsOnlyThoseWhoMaySeeThePageToIt() {
    String draft = draft();
    String open = published();
    assertThat(api.post(Api.page(c, draft, "rename"), member, slug(draft + "-новый")).status())
        .isEqualTo(200);
    assertThat(api.post(Api.page(c, open, "rename"), moderator, slug(open + "-новый")).status())
        .isEqualTo(200);
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      assertThat(api.get(Api.page(c, draft), token).status())
          .as(audience + " draft")
          .isEqualTo(audience.insider() ? 301 : 404);
      assertThat(api.get("/c" + Api.path(c, draft), token).status())
          .as(audience + " draft screen")
          .isEqualTo(audience.insider() ? 301 : 404);
      assertThat(api.get(Api.page(c, open), token).status()).as(audience + " open").isEqualTo(301);
    }
  }

  @Test
  void theFormsAnswerAsTheActsDo() {
    String open = published();
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      WebSession web = token == null ? new WebSession(api) : WebSession.withToken(api, token);
      String base = "/c" + Api.path(c, open);
      assertThat(web.get(base + "/rename").status())
          .as(audience + " rename form")
          .isEqualTo(audience.moderator() ? 200 : Audiences.refused(audience));
      assertThat(web.get(base + "/move").status())
          .as(audience + " move form")
          .isEqualTo(audience.moderator() ? 200 : Audiences.refused(audience));
      // A draft's forms do not exist for those who may not see the draft (a visitor is asked to
      // log in first, whatever the address).
      String draft = "/c" + Api.path(c, draft());
      assertThat(web.get(draft + "/rename").status())
          .as(audience + " draft rename form")
          .isEqualTo(audience.insider() ? 200 : audience == Audience.ANONYMOUS ? 401 : 404);
    }
  }

  private static JsonObject slug(String slug) {
    return new JsonObject().put("slug", slug);
  }
}
