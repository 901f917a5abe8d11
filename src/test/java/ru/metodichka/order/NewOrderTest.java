package ru.metodichka.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import ru.metodichka.error.AppError;
import ru.metodichka.web.JsonInput;

class NewOrderTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

  private static NewOrder read(JsonObject body) {
    return NewOrder.from(JsonInput.of(body), TODAY);
  }

  private static JsonObject valid() {
    return new JsonObject()
        .put("number", "15-од")
        .put("date", "2026-11-20")
        .put("communities", new JsonArray().add("литература").add("math"));
  }

  /** Field → message key of every problem the body has. */
  private static Map<String, String> problems(JsonObject body) {
    try {
      read(body);
      throw new AssertionError("accepted " + body);
    } catch (AppError e) {
      assertThat(e.status()).isEqualTo(422);
      Map<String, String> found = new TreeMap<>();
      e.fieldErrors().forEach(f -> found.put(f.field(), f.messageKey()));
      return found;
    }
  }

  @Test
  void aValidOrderIsReadWithItsCommunitiesInOrder() {
    NewOrder order = read(valid().put("note", "  по представлению модераторов  "));
    assertThat(order.number()).isEqualTo("15-од");
    assertThat(order.date()).isEqualTo(LocalDate.of(2026, 11, 20));
    assertThat(order.communities()).containsExactly("литература", "math");
    assertThat(order.note()).isEqualTo("по представлению модераторов");
  }

  @Test
  void aLeadingNumberSignIsDroppedAndTodayIsAllowed() {
    NewOrder order = read(valid().put("number", " № 15-од ").put("date", "2026-12-06"));
    assertThat(order.number()).isEqualTo("15-од");
    assertThat(order.date()).isEqualTo(TODAY);
  }

  @Test
  void numbersDifferingInCaseOrSpacesAreOneNumber() {
    assertThat(NewOrder.numberKey("15-ОД")).isEqualTo(NewOrder.numberKey("15 - од"));
    assertThat(NewOrder.numberKey("15-од")).isNotEqualTo(NewOrder.numberKey("16-од"));
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    JsonObject body =
        new JsonObject()
            .put("number", "№")
            .put("date", "2026-12-07")
            .put("communities", new JsonArray().add("a").add("A").add(5).add(""))
            .put("note", 1);
    assertThat(problems(body))
        .containsEntry("number", "required")
        .containsEntry("date", "date_in_future")
        .containsEntry("communities[1]", "community_repeated")
        .containsEntry("communities[2]", "community_slug")
        .containsEntry("communities[3]", "community_slug")
        .containsEntry("note", "not_string")
        .doesNotContainKey("communities[0]");
  }

  @Test
  void malformedOrImplausibleDatesAreRefused() {
    assertThat(problems(valid().put("date", "20.11.2026"))).containsEntry("date", "date");
    assertThat(problems(valid().put("date", "2026-02-30"))).containsEntry("date", "date");
    assertThat(problems(valid().put("date", "1999-12-31"))).containsEntry("date", "date_too_early");
    assertThat(problems(valid().put("date", " "))).containsEntry("date", "required");
  }

  @Test
  void communitiesMustBeANonEmptyListOfSlugs() {
    assertThat(problems(valid().put("communities", new JsonArray())))
        .containsEntry("communities", "communities_required");
    assertThat(problems(valid().put("communities", "math")))
        .containsEntry("communities", "not_array");
    JsonObject none = valid();
    none.remove("communities");
    assertThat(problems(none)).containsEntry("communities", "communities_required");
  }

  @Test
  void tooLongTextsAreRefused() {
    assertThat(problems(valid().put("number", "1".repeat(51)))).containsEntry("number", "too_long");
    assertThat(problems(valid().put("note", "x".repeat(1001)))).containsEntry("note", "too_long");
  }

  @Test
  void anInvalidBodyIsA422EvenWhenEveryFieldIsMissing() {
    assertThatThrownBy(() -> read(new JsonObject()))
        .isInstanceOfSatisfying(
            AppError.class,
            e ->
                assertThat(e.fieldErrors())
                    .extracting(AppError.FieldError::field)
                    .containsAll(List.of("number", "date", "communities")));
  }
}
