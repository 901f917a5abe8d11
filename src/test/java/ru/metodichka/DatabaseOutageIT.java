package ru.metodichka;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away under a running server and comes back. The server reaches PostgreSQL through
 * a TCP proxy in this test, so "the database is down" is the proxy refusing and cutting
 * connections, while the machine's PostgreSQL keeps serving the other tests.
 */
@FaultTest
class DatabaseOutageIT {
  private final Vertx vertx = Vertx.vertx();
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private NetServer proxy;
  private int proxyPort;
  private TestApp app;

  @BeforeEach
  void setUp() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      proxyPort = free.getLocalPort();
    }
    startProxy();
    app = TestApp.start("postgresql://postgres@127.0.0.1:" + proxyPort + "/", Map.of());
  }

  @AfterEach
  void tearDown() throws Exception {
    if (proxy == null) {
      startProxy();
    }
    app.close();
    vertx.close().await();
  }

  private void startProxy() {
    var client = vertx.createNetClient();
    proxy =
        vertx
            .createNetServer()
            .connectHandler(
                in -> {
                  sockets.add(in);
                  in.pause();
                  client
                      .connect(5432, "127.0.0.1")
                      .onSuccess(
                          out -> {
                            sockets.add(out);
                            in.pipeTo(out);
                            out.pipeTo(in);
                            in.resume();
                          })
                      .onFailure(e -> in.close());
                });
    proxy.listen(proxyPort, "127.0.0.1").await();
  }

  private void stopProxy() {
    proxy.close().await();
    proxy = null;
    sockets.forEach(NetSocket::close);
    sockets.clear();
  }

  private static long millis(Runnable action) {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  @Test
  void requestsFailFastWith503WhileTheDatabaseIsDownAndRecoverWithoutARestart() throws Exception {
    Fixtures fx = new Fixtures(app);
    Fixtures.Team team = fx.team();
    fx.save(
        team.community(), "до-сбоя", team.member().token(), "До сбоя", "Сохранено до сбоя.\n", 0);
    assertThat(app.api().get("/health", null).status()).isEqualTo(200);

    stopProxy();
    for (int i = 0; i < 3; i++) {
      long health =
          millis(
              () -> {
                var response = app.api().get("/health", null);
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.contentType()).startsWith("application/problem+json");
              });
      long read =
          millis(
              () -> {
                var response = app.api().get("/api/communities", null);
                assertThat(response.status()).isEqualTo(503);
                assertThat(response.json().getString("code")).isEqualTo("database_unavailable");
                assertThat(response.headers().get("Retry-After")).isNotBlank();
              });
      long write =
          millis(
              () ->
                  assertThat(
                          app.api()
                              .put(
                                  Api.page(team.community(), "во-время-сбоя"),
                                  team.member().token(),
                                  new JsonObject().put("title", "Т").put("markdown", "x"))
                              .status())
                      .isEqualTo(503));
      assertThat(health).isLessThan(5000);
      assertThat(read).isLessThan(5000);
      assertThat(write).isLessThan(5000);
    }

    startProxy();
    long recovered =
        millis(
            () ->
                Eventually.until(
                    "the server to be healthy again",
                    Duration.ofSeconds(5),
                    () -> app.api().get("/health", null).status() == 200));
    assertThat(recovered).as("healthy again within 5 s").isLessThan(5000);
    JsonObject page =
        app.api().get(Api.page(team.community(), "до-сбоя"), team.member().token()).json();
    assertThat(page.getString("markdown")).isEqualTo("Сохранено до сбоя.\n");
    fx.save(
        team.community(),
        "после-сбоя",
        team.member().token(),
        "После сбоя",
        "Снова работает.\n",
        0);
    assertThat(
            app.api()
                .get(Api.page(team.community(), "во-время-сбоя"), team.member().token())
                .status())
        .isEqualTo(404);
  }
}
