package ru.metodichka.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.metodichka.structure.Structures.node;
import static ru.metodichka.structure.Structures.outline;
import static ru.metodichka.structure.Structures.tree;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import ru.metodichka.AppExtension;
import ru.metodichka.BrowserTest;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;
import ru.metodichka.web.Browser;
import ru.metodichka.web.Browsers;

/** A moderator arranges the structure in a real browser: with the buttons, and by dragging. */
@ExtendWith(AppExtension.class)
@BrowserTest
class StructureBrowserIT {
  @RegisterExtension final Browsers browsers = new Browsers();

  /**
   * Drags one row onto the middle of another, as the mouse would: the events carry a data transfer
   * and the pointer's height over the target's row.
   */
  private static final String DRAG =
      """
      const from = document.getElementById(arguments[0]);
      const to = document.getElementById(arguments[1]).querySelector('.structure-row');
      const box = to.getBoundingClientRect();
      const at = {bubbles: true, cancelable: true, dataTransfer: new DataTransfer(),
                  clientX: box.left + 5, clientY: box.top + box.height / 2};
      from.dispatchEvent(new DragEvent('dragstart', at));
      to.dispatchEvent(new DragEvent('dragover', at));
      to.dispatchEvent(new DragEvent('drop', at));
      """;

  @Test
  void aModeratorIndentsAPageWithItsButtonAndDragsAnotherIntoASection(TestApp app, Fixtures fx) {
    var team = fx.team();
    for (String slug : new String[] {"введение", "урок", "итоги"}) {
      fx.save(team.community(), slug, team.member().token(), slug, "Текст.\n", 0);
    }
    Structures structures = new Structures(fx.api(), team.community());
    structures.replace(
        team.moderator().token(), tree(node("введение"), node("урок"), node("итоги")));

    Browser olga = browsers.open(app.app().port());
    olga.login(team.moderator().login(), Fixtures.PASSWORD)
        .go("/c/" + team.community() + "/structure");
    assertThat(olga.find("#drag-hint").isDisplayed()).isTrue();
    olga.click("#node-урок button[value=indent]");
    olga.waitForText("#structure-notice", "Структура изменена");
    assertThat(outline(structures.get(team.moderator().token()).json().getJsonArray("tree")))
        .containsExactly("0:введение", "1:урок", "0:итоги");

    olga.go("/c/" + team.community() + "/structure");
    olga.script(DRAG, "node-итоги", "node-введение");
    olga.waitForPath("/c/" + team.community() + "/structure?done=arranged");
    olga.waitForText("#structure-notice", "Структура изменена");

    assertThat(outline(structures.get(team.moderator().token()).json().getJsonArray("tree")))
        .containsExactly("0:введение", "1:урок", "1:итоги");
    assertThat(olga.all("#node-введение li").size()).isEqualTo(2);
  }
}
