package ru.metodichka.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.metodichka.community.MemberRole;
import ru.metodichka.community.NewCommunity;
import ru.metodichka.community.Role;
import ru.metodichka.error.AppError;

class FormTest {
  @Test
  void aValidFormGivesTheFeaturesRequestAndNoErrors() {
    Form form = Form.blank("community");
    NewCommunity community =
        form.validate(
            new JsonObject().put("slug", "чтение").put("name", "Чтение").put("task", "Задача"),
            NewCommunity::from,
            Map.of());
    assertThat(community.slug()).isEqualTo("чтение");
    assertThat(form.valid()).isTrue();
    assertThat(form.errorId("slug")).isNull();
  }

  @Test
  void everyFieldTheRulesRejectIsMarkedUnderTheFormsOwnName() {
    Form form = Form.blank("role", "role-anna");
    MemberRole role =
        form.validate(
            new JsonObject().put("role", "king").put("order", new JsonObject().put("number", "1")),
            MemberRole::withExpert,
            Map.of("order.number", "order-number", "order.date", "order-date"));
    assertThat(role).isNull();
    assertThat(form.error("role")).isEqualTo("admin.role.role.invalid");
    assertThat(form.error("order-date")).isEqualTo("admin.role.order-date.invalid");
    assertThat(form.error("order-number")).isNull();
    assertThat(form.errorId("order-date")).isEqualTo("role-anna-order-date-error");
  }

  @Test
  void expertsAreAppointedFromTheScreensButNotThroughTheApi() {
    JsonObject body = new JsonObject().put("role", "expert");
    assertThat(Form.blank("member").validate(body, MemberRole::withExpert, Map.of()).role())
        .isEqualTo(Role.EXPERT);
    assertThat(Form.blank("member").validate(body, MemberRole::from, Map.of())).isNull();
  }

  @Test
  void failuresOtherThanInvalidInputAreNotSwallowed() {
    assertThatThrownBy(
            () ->
                Form.blank("x")
                    .validate(
                        new JsonObject(),
                        in -> {
                          throw AppError.conflict("login_taken", "x");
                        },
                        Map.of()))
        .isInstanceOf(AppError.class);
  }

  @Test
  void theFirstMessageForAFieldWins() {
    Form form = Form.blank("user").reject("login", "admin.user.login.taken").reject("login");
    assertThat(form.error("login")).isEqualTo("admin.user.login.taken");
    assertThat(form.valid()).isFalse();
  }
}
