package ru.metodichka.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.AppExtension;
import ru.metodichka.Audiences;
import ru.metodichka.Audiences.Audience;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * Linking an identity of an OpenID Connect provider to an existing account is an administrator's
 * explicit act: every other audience is refused before the body is looked at, and an identity links
 * to one account only.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityAuthorizationIT {
  private static final String ISSUER = "https://sso.example.ru/realms/district";
  private Fixtures fx;
  private Audiences audiences;
  private String target;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.fx = fx;
    this.audiences = Audiences.create(fx, app);
    this.target = fx.user("Связываемая").login();
  }

  private static JsonObject identity(String subject) {
    return new JsonObject().put("issuer", ISSUER).put("subject", subject);
  }

  @Test
  void onlyAdministratorsLinkAnIdentityToAnAccount() {
    for (Audience audience : Audience.values()) {
      var linked =
          fx.api()
              .post(
                  "/api/users/" + target + "/identities",
                  audiences.token(audience),
                  identity("subject-of-" + audience.name() + "-" + target));
      int expected = audience == Audience.ADMINISTRATOR ? 201 : Audiences.refused(audience);
      assertThat(linked.status()).as(audience.name() + " " + linked).isEqualTo(expected);
      if (expected == 201) {
        assertThat(linked.json().getString("login")).isEqualTo(target);
        assertThat(linked.json().getString("issuer")).isEqualTo(ISSUER);
      }
    }
  }

  @Test
  void onlyAdministratorsSeeTheLinkingScreen() {
    for (Audience audience : Audience.values()) {
      var page = fx.api().get("/admin/identities", audiences.token(audience));
      if (audience == Audience.ADMINISTRATOR) {
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.document().select("form#identity-form input[name=subject]")).hasSize(1);
      } else {
        assertThat(page.status()).as(audience.name()).isNotEqualTo(200);
        assertThat(page.text()).as(audience.name()).doesNotContain("identity-form");
      }
    }
  }

  @Test
  void refusalsComeBeforeTheBodyOrTheLoginIsLookedAt() {
    for (Audience audience : Audience.values()) {
      if (audience == Audience.ADMINISTRATOR) {
        continue;
      }
      var linked =
          fx.api()
              .post(
                  "/api/users/nobody-at-all/identities",
                  audiences.token(audience),
                  new JsonObject());
      assertThat(linked.status()).as(audience.name()).isEqualTo(Audiences.refused(audience));
    }
  }

  @Test
  void anIdentityLinksToOneAccountOnly() {
    String admin = audiences.token(Audience.ADMINISTRATOR);
    String other = fx.user("Другая").login();
    String subject = "one-subject-" + target;
    assertThat(
            fx.api()
                .post("/api/users/" + target + "/identities", admin, identity(subject))
                .status())
        .isEqualTo(201);
    var again = fx.api().post("/api/users/" + other + "/identities", admin, identity(subject));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("code")).isEqualTo("identity_linked");
  }

  @Test
  void anUnknownLoginIs404AndAMissingSubjectIsNamed() {
    String admin = audiences.token(Audience.ADMINISTRATOR);
    assertThat(
            fx.api().post("/api/users/nobody-at-all/identities", admin, identity("s-404")).status())
        .isEqualTo(404);
    var missing =
        fx.api()
            .post(
                "/api/users/" + target + "/identities",
                admin,
                new JsonObject().put("issuer", ISSUER));
    assertThat(missing.status()).isEqualTo(422);
    assertThat(missing.text()).contains("subject");
  }
}
