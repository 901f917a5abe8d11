package ru.metodichka.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.Audiences.Audience;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Audiences;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * Who may do what with a community's plan, for every audience: everyone reads it (§3 openness),
 * with only the result pages they may see; moderators and administrators change it; a member
 * responsible for an item changes its status and results.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanAuthorizationIT {
  private Api api;
  private Audiences audiences;
  private Plans plans;
  private String moderator;
  private AcademicYear year;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.api = fx.api();
    this.audiences = Audiences.create(fx, app);
    this.plans = new Plans(api, audiences.community());
    this.moderator = audiences.token(Audience.MODERATOR);
    this.year = Plans.future();
    String member = audiences.token(Audience.MEMBER);
    fx.save(audiences.community(), "черновик-итогов", member, "Черновик итогов", "Пишем.\n", 0);
  }

  /** An item the member is responsible for, with a draft page as its result. */
  private JsonObject item() {
    return plans.create(
        moderator,
        Plans.item(year, "Семинар", List.of(audiences.login(Audience.MEMBER)))
            .put("results", new JsonArray().add("черновик-итогов")));
  }

  @Test
  void everyoneReadsThePlanItsItemsHistoryAndWordTableButOnlyInsidersSeeADraftResult() {
    long id = item().getLong("id");
    String query = "?year=" + year.label();
    for (Audience audience : Audience.values()) {
      String token = audiences.token(audience);
      var plan = api.get(plans.base() + query, token);
      assertThat(plan.status()).as(audience.name()).isEqualTo(200);
      var item = api.get(plans.base() + "/items/" + id, token);
      assertThat(item.status()).as(audience.name()).isEqualTo(200);
      assertThat(api.get(plans.base() + "/items/" + id + "/history", token).status())
          .as(audience.name())
          .isEqualTo(200);
      assertThat(api.get(plans.base() + ".docx" + query, token).status())
          .as(audience.name())
          .isEqualTo(200);
      List<Object> results = item.json().getJsonArray("results").getList();
      if (audience.insider()) {
        assertThat(results).as(audience.name()).containsExactly("черновик-итогов");
      } else {
        assertThat(results).as(audience.name()).isEmpty();
        assertThat(plan.text()).as(audience.name()).doesNotContain("черновик-итогов");
        assertThat(api.get(plans.base() + "/items/" + id + "/history", token).text())
            .as(audience.name())
            .doesNotContain("черновик-итогов");
      }
    }
  }

  @Test
  void onlyModeratorsAndAdministratorsAddItems() {
    for (Audience audience : Audience.values()) {
      var created =
          api.post(
              plans.base() + "/items",
              audiences.token(audience),
              Plans.item(year, "Пункт " + audience, List.of()));
      int expected = audience.moderator() ? 201 : Audiences.refused(audience);
      assertThat(created.status()).as(audience.name() + " " + created).isEqualTo(expected);
    }
  }

  @Test
  void onlyModeratorsAndAdministratorsEditAnItemsFields() {
    for (Audience audience : Audience.values()) {
      long id = item().getLong("id");
      var changed =
          plans.patch(
              audiences.token(audience),
              id,
              new JsonObject().put("version", 1).put("title", "Переименован"));
      int expected = audience.moderator() ? 200 : Audiences.refused(audience);
      assertThat(changed.status()).as(audience.name() + " " + changed).isEqualTo(expected);
    }
  }

  @Test
  void theResponsibleMemberModeratorsAndAdministratorsChangeTheStatus() {
    for (Audience audience : Audience.values()) {
      long id = item().getLong("id");
      var changed =
          plans.patch(
              audiences.token(audience),
              id,
              new JsonObject().put("version", 1).put("status", "in-progress"));
      int expected =
          audience == Audience.MEMBER || audience.moderator() ? 200 : Audiences.refused(audience);
      assertThat(changed.status()).as(audience.name() + " " + changed).isEqualTo(expected);
    }
  }

  @Test
  void refusalsComeBeforeLookingTheItemUp() {
    for (Audience audience : Audience.values()) {
      if (audience.insider()) {
        continue;
      }
      var changed =
          plans.patch(
              audiences.token(audience),
              999_999_999,
              new JsonObject().put("version", 1).put("status", "done"));
      assertThat(changed.status()).as(audience.name()).isEqualTo(Audiences.refused(audience));
    }
  }
}
