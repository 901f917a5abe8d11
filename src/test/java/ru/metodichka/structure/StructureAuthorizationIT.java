package ru.metodichka.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.Audiences.Audience;
import static ru.metodichka.structure.Structures.node;
import static ru.metodichka.structure.Structures.outline;
import static ru.metodichka.structure.Structures.tree;

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
 * Who may do what with a community's structure, for every audience: everyone reads it, with only
 * the pages they may see; only its moderators and administrators change it, and a refusal comes
 * before anything in the body is looked up.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StructureAuthorizationIT {
  private Audiences audiences;
  private Structures structures;
  private WebStructure screens;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) {
    this.audiences = Audiences.create(fx, app);
    this.structures = new Structures(fx.api(), audiences.community());
    String member = audiences.token(Audience.MEMBER);
    String moderator = audiences.token(Audience.MODERATOR);
    fx.save(audiences.community(), "раздел", member, "Раздел", "Раздел.\n", 0);
    fx.save(audiences.community(), "черновик", member, "Черновик", "Пишем.\n", 0);
    var published =
        fx.api().post(Api.page(audiences.community(), "раздел", "publish"), moderator, null);
    assertThat(published.status()).isEqualTo(200);
    structures.replace(moderator, tree(node("раздел", node("черновик"))));
    this.screens = new WebStructure(fx.api(), audiences.community());
  }

  @Test
  void everyoneReadsTheStructureButOnlyInsidersSeeADraftInIt() {
    for (Audience audience : Audience.values()) {
      var read = structures.get(audiences.token(audience));
      assertThat(read.status()).as(audience.name()).isEqualTo(200);
      var tree = read.json().getJsonArray("tree");
      if (audience.insider()) {
        assertThat(outline(tree)).as(audience.name()).containsExactly("0:раздел", "1:черновик");
      } else {
        assertThat(outline(tree)).as(audience.name()).containsExactly("0:раздел");
        assertThat(read.text()).as(audience.name()).doesNotContain("черновик", "Черновик");
      }
    }
  }

  @Test
  void onlyModeratorsAndAdministratorsChangeIt() {
    for (Audience audience : Audience.values()) {
      var changed =
          structures.put(audiences.token(audience), tree(node("раздел", node("черновик"))));
      int expected = audience.moderator() ? 200 : Audiences.refused(audience);
      assertThat(changed.status()).as(audience.name() + " " + changed).isEqualTo(expected);
    }
  }

  @Test
  void refusalsComeBeforeTheTreeIsLookedAt() {
    for (Audience audience : Audience.values()) {
      if (audience.moderator()) {
        continue;
      }
      var changed = structures.put(audiences.token(audience), tree(node("нет-такой-страницы")));
      assertThat(changed.status()).as(audience.name()).isEqualTo(Audiences.refused(audience));
    }
  }

  @Test
  void everyoneOpensTheStructureScreenAndOnlyModeratorsGetItsButtons() {
    for (Audience audience : Audience.values()) {
      var screen = screens.screen(audiences.token(audience));
      assertThat(screen.status()).as(audience.name()).isEqualTo(200);
      boolean buttons = !screen.document().select("form.arrange").isEmpty();
      assertThat(buttons).as(audience.name()).isEqualTo(audience.moderator());
      assertThat(screen.text().contains("Черновик"))
          .as(audience.name())
          .isEqualTo(audience.insider());
    }
  }

  @Test
  void onlyModeratorsAndAdministratorsArrangeOnTheScreen() {
    for (Audience audience : Audience.values()) {
      int version =
          structures.get(audiences.token(Audience.MODERATOR)).json().getInteger("version");
      var step = screens.arrange(audiences.token(audience), version, "черновик", "outdent");
      if (audience.moderator()) {
        assertThat(step.status()).as(audience.name() + " " + step).isEqualTo(303);
        // back as it was, for the next audience
        structures.replace(
            audiences.token(Audience.MODERATOR), tree(node("раздел", node("черновик"))));
      } else {
        assertThat(step.status())
            .as(audience.name() + " " + step)
            .isEqualTo(Audiences.refused(audience));
      }
    }
  }
}
