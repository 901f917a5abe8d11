package ru.metodichka;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates users and communities through the API, each with a name no other test uses. */
public final class Fixtures {
  private static final AtomicInteger COUNTER = new AtomicInteger();
  public static final String PASSWORD = "secret-password-1";
  private final Api api;
  private String adminToken;

  public Fixtures(TestApp app) {
    this(app.api());
  }

  /** Fixtures made through any server's API (one in another JVM, say). */
  public Fixtures(Api api) {
    this.api = api;
  }

  public static String unique(String prefix) {
    return prefix
        + COUNTER.incrementAndGet()
        + "-"
        + Long.toHexString(System.nanoTime() & 0xffffff);
  }

  public Api api() {
    return api;
  }

  public synchronized String adminToken() {
    if (adminToken == null) {
      adminToken = login("admin", TestApp.ADMIN_PASSWORD);
    }
    return adminToken;
  }

  public String login(String login, String password) {
    var response =
        api.post(
            "/api/session", null, new JsonObject().put("login", login).put("password", password));
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json().getString("token");
  }

  /** A new user (a teacher), logged in. */
  public TestUser user(String name) {
    return account(name, false);
  }

  /** A new methodist of the centre (who may be appointed moderator), logged in. */
  public TestUser methodist(String name) {
    return account(name, true);
  }

  private TestUser account(String name, boolean methodist) {
    String login = unique("u");
    var response =
        api.post(
            "/api/users",
            adminToken(),
            new JsonObject()
                .put("login", login)
                .put("password", PASSWORD)
                .put("name", name)
                .put("email", login + "@school.example")
                .put("institution", "МБОУ СОШ № 1")
                .put("position", methodist ? "методист" : "учитель")
                .put("methodist", methodist));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return new TestUser(login, login(login, PASSWORD));
  }

  /** A new community (slug returned). */
  public String community() {
    String slug = unique("c");
    var response =
        api.post(
            "/api/communities",
            adminToken(),
            new JsonObject()
                .put("slug", slug)
                .put("name", "Сообщество " + slug)
                .put("task", "Проектная деятельность в начальной школе")
                .put("description", "Тестовое"));
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return slug;
  }

  /** Gives the user a role in the community (as the administrator). */
  public void join(String community, TestUser user, String role) {
    var response =
        api.put(
            "/api" + Api.path("communities", community, "members", user.login()),
            adminToken(),
            new JsonObject().put("role", role));
    assertThat(response.status()).as(response.toString()).isIn(200, 201);
  }

  /** A community with a member and a moderator. */
  public Team team() {
    String community = community();
    TestUser member = user("Анна Петровна Иванова");
    TestUser moderator = methodist("Ольга Сергеевна Смирнова");
    join(community, member, "member");
    join(community, moderator, "moderator");
    return new Team(community, member, moderator);
  }

  /** Saves a page, asserting success; returns the response body. */
  public JsonObject save(
      String community, String slug, String token, String title, String markdown, int base) {
    var response =
        api.put(
            Api.page(community, slug),
            token,
            new JsonObject()
                .put("title", title)
                .put("markdown", markdown)
                .put("baseRevision", base));
    assertThat(response.status()).as(response.toString()).isIn(200, 201);
    return response.json();
  }

  /** A logged-in test user. */
  public record TestUser(String login, String token) {}

  /** A community with one member and one moderator. */
  public record Team(String community, TestUser member, TestUser moderator) {}
}
