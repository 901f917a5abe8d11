package ru.metodichka.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Fixtures;
import ru.metodichka.WebSession;

/**
 * Login throttling as attackers meet it: parallel guesses, guesses from many addresses, one address
 * trying many logins; and as the owner of a login meets it while someone else guesses. Each test
 * stands for clients of its own through X-Forwarded-For (the test server trusts its client as a
 * proxy).
 */
@ExtendWith(AppExtension.class)
class LoginThrottleIT {
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  /** An address (TEST-NET-2) no other attempt of this run comes from. */
  private static String freshAddress() {
    int n = ADDRESSES.incrementAndGet();
    return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
  }

  private static Api.Response attempt(Api api, String login, String password, String address) {
    return api.send(
        HttpMethod.POST,
        "/api/session",
        null,
        new JsonObject().put("login", login).put("password", password).toBuffer(),
        "application/json",
        Map.of("X-Forwarded-For", address));
  }

  /** Sends {@code count} requests at once (each on a thread of its own); their answers. */
  private static List<Api.Response> inParallel(int count, IntFunction<Api.Response> request)
      throws Exception {
    try (ExecutorService threads = Executors.newFixedThreadPool(count)) {
      List<Future<Api.Response>> sent = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        sent.add(threads.submit(() -> request.apply(n)));
      }
      List<Api.Response> answers = new ArrayList<>();
      for (Future<Api.Response> answer : sent) {
        answers.add(answer.get());
      }
      return answers;
    }
  }

  private static long withStatus(List<Api.Response> answers, int status) {
    return answers.stream().filter(a -> a.status() == status).count();
  }

  @Test
  void parallelGuessesFromManyAddressesGetNoMoreChecksThanTheLoginsBudget(Fixtures fx)
      throws Exception {
    var teacher = fx.user("Учитель, чей пароль подбирают");
    List<Api.Response> answers =
        inParallel(25, i -> attempt(fx.api(), teacher.login(), "guess-" + i, freshAddress()));

    assertThat(withStatus(answers, 401)).as("passwords checked").isEqualTo(LoginThrottle.PER_LOGIN);
    assertThat(withStatus(answers, 429))
        .as("refused unchecked")
        .isEqualTo(25 - LoginThrottle.PER_LOGIN);
    Api.Response refused =
        answers.stream().filter(a -> a.status() == 429).findFirst().orElseThrow();
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().getString("code")).isEqualTo("login_throttled");
    assertThat(refused.json().getString("detail")).contains("Попробуйте снова через");
    long retryAfter = Long.parseLong(refused.headers().get("Retry-After"));
    assertThat(retryAfter).isBetween(1L, LoginThrottle.WINDOW.toSeconds());
    assertThat(refused.json().getLong("retryAfter")).isEqualTo(retryAfter);

    // Spent for every client without the teacher's device cookie: even the right password waits.
    assertThat(attempt(fx.api(), teacher.login(), Fixtures.PASSWORD, freshAddress()).status())
        .isEqualTo(429);
  }

  @Test
  void theOwnersBrowserStillLogsInPromptlyWhileTheirLoginIsHammered(Fixtures fx) throws Exception {
    var teacher = fx.user("Учитель, чей логин атакуют");
    String school = freshAddress();
    WebSession browser = new WebSession(fx.api()).alwaysSend("X-Forwarded-For", school);
    browser.login(teacher.login(), Fixtures.PASSWORD);
    browser.postForm("/logout", Map.of());

    String attacker = freshAddress();
    List<Api.Response> guesses =
        inParallel(30, i -> attempt(fx.api(), teacher.login(), "guess-" + i, attacker));
    assertThat(withStatus(guesses, 429)).as("the attacker is stopped").isPositive();

    // From the school's network or from home: the browser the teacher logged in with before.
    for (String from : List.of(school, freshAddress())) {
      browser.alwaysSend("X-Forwarded-For", from);
      long started = System.nanoTime();
      browser.login(teacher.login(), Fixtures.PASSWORD);
      long ms = (System.nanoTime() - started) / 1_000_000;
      assertThat(ms).as("logging in waits for no throttling delay").isLessThan(5_000);
      browser.postForm("/logout", Map.of());
    }
    // A typo there is an ordinary failure, not a refusal.
    browser.get("/login");
    assertThat(
            browser
                .postForm("/login", Map.of("login", teacher.login(), "password", "typo"))
                .status())
        .isEqualTo(401);
  }

  @Test
  void oneAddressTryingManyLoginsIsStoppedAtItsBudgetAndNobodyElseIs(Fixtures fx) throws Exception {
    String sprayer = freshAddress();
    String prefix = Fixtures.unique("nobody");
    int tries = LoginThrottle.PER_ADDRESS + 10;
    List<Api.Response> answers =
        inParallel(tries, i -> attempt(fx.api(), prefix + "-" + i, "Password1", sprayer));

    assertThat(withStatus(answers, 401)).isEqualTo(LoginThrottle.PER_ADDRESS);
    assertThat(withStatus(answers, 429)).isEqualTo(10);
    var teacher = fx.user("Учитель с другого адреса");
    assertThat(attempt(fx.api(), teacher.login(), Fixtures.PASSWORD, freshAddress()).status())
        .isEqualTo(200);
  }

  @Test
  void correctPasswordsNeverUseUpABudget(Fixtures fx) {
    var teacher = fx.user("Учитель, который часто входит");
    String address = freshAddress();
    for (int i = 0; i <= LoginThrottle.PER_LOGIN; i++) {
      assertThat(attempt(fx.api(), teacher.login(), Fixtures.PASSWORD, address).status())
          .isEqualTo(200);
    }
    assertThat(attempt(fx.api(), teacher.login(), "typo", address).status()).isEqualTo(401);
  }

  @Test
  void theLoginScreenSaysHowLongToWait(Fixtures fx) throws Exception {
    var teacher = fx.user("Учитель перед формой входа");
    inParallel(
        LoginThrottle.PER_LOGIN,
        i -> attempt(fx.api(), teacher.login(), "guess-" + i, freshAddress()));

    WebSession browser = new WebSession(fx.api()).alwaysSend("X-Forwarded-For", freshAddress());
    browser.get("/login");
    Api.Response form =
        browser.postForm("/login", Map.of("login", teacher.login(), "password", "guess"));

    assertThat(form.status()).isEqualTo(429);
    assertThat(Long.parseLong(form.headers().get("Retry-After"))).isPositive();
    assertThat(form.document().select("#login-error").text())
        .matches("Слишком много неудачных попыток входа\\. Попробуйте снова через \\d+ мин\\.");
    assertThat(form.document().select("#login").val()).isEqualTo(teacher.login());
  }
}
