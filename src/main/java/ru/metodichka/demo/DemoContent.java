package ru.metodichka.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ru.metodichka.auth.NewUser;
import ru.metodichka.community.MemberRole;
import ru.metodichka.community.NewCommunity;
import ru.metodichka.community.Role;

/**
 * The demo district, read from {@code demo/seed.json} and the Markdown files under {@code
 * demo/pages}. Loading checks that every page author belongs to the page's community, so a broken
 * seed file fails before anything is written rather than half-way through.
 */
record DemoContent(
    String password,
    List<Institution> institutions,
    List<Person> people,
    List<DemoCommunity> communities,
    List<DemoPage> pages) {
  private static final String SEED = "demo/seed.json";

  static DemoContent load() {
    JsonObject seed = new JsonObject(resource(SEED));
    DemoContent content =
        new DemoContent(
            seed.getString("password"),
            list(seed, "institutions", Institution::from),
            list(seed, "users", Person::from),
            list(seed, "communities", DemoCommunity::from),
            list(seed, "pages", DemoPage::from));
    content.pages().forEach(content::checkAuthors);
    return content;
  }

  List<String> logins() {
    return people.stream().map(Person::login).toList();
  }

  List<String> communitySlugs() {
    return communities.stream().map(c -> c.community().slug()).toList();
  }

  DemoCommunity community(String slug) {
    return communities.stream()
        .filter(c -> c.community().slug().equals(slug))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("No demo community " + slug));
  }

  long published() {
    return pages.stream().filter(DemoPage::publish).count();
  }

  private void checkAuthors(DemoPage page) {
    Map<String, Role> members = community(page.community()).members();
    for (DemoPage.DemoRevision revision : page.revisions()) {
      if (!members.containsKey(revision.author())) {
        throw new IllegalStateException(
            "Demo page " + page.slug() + ": author " + revision.author() + " is not a member");
      }
    }
  }

  private static <T> List<T> list(JsonObject seed, String key, Function<JsonObject, T> from) {
    return seed.getJsonArray(key).stream().map(o -> from.apply((JsonObject) o)).toList();
  }

  static String resource(String path) {
    try (InputStream in = DemoContent.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Demo resource " + path + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An educational organisation of the district. */
  record Institution(String name, String shortName, String kind) {
    static Institution from(JsonObject json) {
      return new Institution(
          json.getString("name"), json.getString("short"), json.getString("kind"));
    }
  }

  /** A demo teacher or methodist. */
  record Person(String login, String name, String institution, String position, boolean methodist) {
    static Person from(JsonObject json) {
      return new Person(
          json.getString("login"),
          json.getString("name"),
          json.getString("institution"),
          json.getString("position"),
          json.getBoolean("methodist", false));
    }

    /** The account to create; the e-mail is in the reserved {@code .example} domain. */
    NewUser account(String password) {
      String email = login + "@demo.example";
      return new NewUser(login, password, name, email, institution, position, false, methodist);
    }
  }

  /**
   * A community, its members in the order they join, the order of the centre that confirmed its
   * composition (§4.4), and the structure its moderator gives its pages (§4.8), as the API takes
   * it.
   */
  record DemoCommunity(
      NewCommunity community,
      Map<String, Role> members,
      String orderNumber,
      LocalDate orderDate,
      JsonArray structure) {
    static DemoCommunity from(JsonObject json) {
      JsonObject roles = json.getJsonObject("members");
      Map<String, Role> members = new LinkedHashMap<>();
      roles
          .fieldNames()
          .forEach(login -> members.put(login, Role.fromCode(roles.getString(login))));
      JsonObject order = json.getJsonObject("order");
      return new DemoCommunity(
          new NewCommunity(
              json.getString("slug"),
              json.getString("name"),
              json.getString("task"),
              json.getString("description")),
          members,
          order.getString("number"),
          LocalDate.parse(order.getString("date")),
          json.getJsonArray("structure", new JsonArray()));
    }

    MemberRole role(String login) {
      return new MemberRole(members.get(login), orderNumber, orderDate);
    }

    String moderator() {
      return members.entrySet().stream()
          .filter(e -> e.getValue() == Role.MODERATOR)
          .map(Map.Entry::getKey)
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("No moderator in " + community.slug()));
    }
  }
}
