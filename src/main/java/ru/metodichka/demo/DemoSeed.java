package ru.metodichka.demo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.Services;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.NewUser;
import ru.metodichka.community.MemberRole;
import ru.metodichka.community.NewCommunity;
import ru.metodichka.community.Role;
import ru.metodichka.page.SaveRequest;

/**
 * Fills an empty database with a Russian demo district ({@code --demo}). Everything goes through
 * the real services, so revisions, links, memberships and the contribution ledger are written as
 * for real users. Runs once: a marker in {@code app_state} makes a second run a no-op.
 */
public final class DemoSeed {
  private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);
  private static final String MARKER = "demo_seeded";
  private static final String FIND_MARKER = "SELECT 1 FROM app_state WHERE key = $1";
  private static final String COUNT_COMMUNITIES = "SELECT count(*) FROM communities";
  private static final String FIND_ADMIN =
      "SELECT id, login, display_name FROM users WHERE login_key = 'admin'";
  private static final String SAVE_MARKER = "INSERT INTO app_state (key, value) VALUES ($1, $2)";
  private static final String ADD_INSTITUTION =
      """
      INSERT INTO institutions (name, short_name, kind) VALUES ($1, $2, $3)
      ON CONFLICT (name) DO UPDATE SET short_name = EXCLUDED.short_name, kind = EXCLUDED.kind
      """;

  private final Services services;
  private final Map<String, CurrentUser> users = new LinkedHashMap<>();

  public DemoSeed(Services services) {
    this.services = services;
  }

  /** Seeds unless already seeded or the database already holds communities of its own. */
  public Future<Void> run() {
    var pool = services.pool();
    return pool.preparedQuery(FIND_MARKER)
        .execute(Tuple.of(MARKER))
        .compose(
            marker -> {
              if (marker.size() > 0) {
                LOG.info("Demo content is already in the database");
                return Future.succeededFuture();
              }
              return pool.query(COUNT_COMMUNITIES)
                  .execute()
                  .compose(
                      count -> {
                        if (count.iterator().next().getLong(0) > 0) {
                          LOG.info(
                              "Demo content skipped: the database already has communities of its own");
                          return Future.succeededFuture();
                        }
                        return seed(DemoContent.load());
                      });
            });
  }

  private Future<Void> seed(DemoContent content) {
    long started = System.nanoTime();
    return admin()
        .compose(
            admin ->
                institutions(content)
                    .compose(v -> people(admin, content))
                    .compose(v -> communities(admin, content)))
        .compose(v -> pages(content))
        .compose(
            v ->
                services
                    .pool()
                    .preparedQuery(SAVE_MARKER)
                    .execute(Tuple.of(MARKER, LocalDate.now().toString())))
        .onSuccess(
            v ->
                LOG.info(
                    "Demo content added in {} ms: {} communities, {} pages. Demo logins {} — password {}",
                    (System.nanoTime() - started) / 1_000_000,
                    content.communities().size(),
                    content.pages().size(),
                    String.join(", ", users.keySet()),
                    content.password()))
        .mapEmpty();
  }

  private Future<CurrentUser> admin() {
    return services
        .pool()
        .query(FIND_ADMIN)
        .execute()
        .map(
            rows -> {
              var row = rows.iterator().next();
              return new CurrentUser(
                  row.getLong("id"), row.getString("login"), row.getString("display_name"), true);
            });
  }

  private Future<Void> institutions(DemoContent content) {
    Future<Void> chain = Future.succeededFuture();
    for (Object o : content.institutions()) {
      JsonObject i = (JsonObject) o;
      chain =
          chain.compose(
              v ->
                  services
                      .pool()
                      .preparedQuery(ADD_INSTITUTION)
                      .execute(
                          Tuple.of(i.getString("name"), i.getString("short"), i.getString("kind")))
                      .mapEmpty());
    }
    return chain;
  }

  private Future<Void> people(CurrentUser admin, DemoContent content) {
    Future<Void> chain = Future.succeededFuture();
    for (Object o : content.users()) {
      JsonObject u = (JsonObject) o;
      NewUser user =
          new NewUser(
              u.getString("login"),
              content.password(),
              u.getString("name"),
              u.getString("login") + "@example.edu.ru",
              u.getString("institution"),
              u.getString("position"),
              false,
              u.getBoolean("methodist", false));
      chain =
          chain
              .compose(v -> services.users().create(admin, user))
              .map(
                  created -> {
                    users.put(created.login(), created.asCurrentUser());
                    return null;
                  });
    }
    return chain;
  }

  private Future<Void> communities(CurrentUser admin, DemoContent content) {
    Future<Void> chain = Future.succeededFuture();
    for (Object o : content.communities()) {
      JsonObject c = (JsonObject) o;
      NewCommunity community =
          new NewCommunity(
              c.getString("slug"),
              c.getString("name"),
              c.getString("task"),
              c.getString("description"));
      JsonObject order = c.getJsonObject("order");
      chain = chain.compose(v -> services.communities().create(admin, community)).mapEmpty();
      for (String login : c.getJsonObject("members").fieldNames()) {
        MemberRole role =
            new MemberRole(
                Role.fromCode(c.getJsonObject("members").getString(login)),
                order.getString("number"),
                LocalDate.parse(order.getString("date")));
        chain =
            chain
                .compose(v -> services.communities().setRole(admin, community.slug(), login, role))
                .mapEmpty();
      }
    }
    return chain;
  }

  private Future<Void> pages(DemoContent content) {
    Future<Void> chain = Future.succeededFuture();
    for (DemoContent.DemoPage page : content.pages()) {
      for (int i = 0; i < page.revisions().size(); i++) {
        DemoContent.DemoRevision revision = page.revisions().get(i);
        SaveRequest request =
            new SaveRequest(page.title(), revision.markdown(), i, revision.summary(), page.kind());
        chain =
            chain
                .compose(
                    v ->
                        services
                            .pages()
                            .service()
                            .save(
                                users.get(revision.author()),
                                page.community(),
                                page.slug(),
                                request,
                                null))
                .mapEmpty();
      }
      if (page.publish()) {
        CurrentUser moderator = moderatorOf(content, page.community());
        chain =
            chain
                .compose(
                    v ->
                        services
                            .pages()
                            .service()
                            .setStatus(moderator, page.community(), page.slug(), "published"))
                .mapEmpty();
      }
    }
    return chain;
  }

  private CurrentUser moderatorOf(DemoContent content, String community) {
    for (Object o : content.communities()) {
      JsonObject c = (JsonObject) o;
      if (c.getString("slug").equals(community)) {
        JsonObject members = c.getJsonObject("members");
        return members.fieldNames().stream()
            .filter(l -> members.getString(l).equals("moderator"))
            .map(users::get)
            .findFirst()
            .orElseThrow();
      }
    }
    throw new IllegalStateException("No community " + community + " in the demo content");
  }
}
