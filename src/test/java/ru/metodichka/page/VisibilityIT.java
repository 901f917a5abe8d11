package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.Api;
import ru.metodichka.AppExtension;
import ru.metodichka.Eventually;
import ru.metodichka.Fixtures;
import ru.metodichka.TestApp;

/**
 * The one visibility rule, checked over every reader of pages × every audience × draft, published
 * and archived. A published page is public; a draft or an archived page exists only for the
 * community's insiders (members, moderators, administrators); search, suggestions and similar
 * materials leave archived pages out for everyone; feeds and the sitemap list published pages only.
 */
@ExtendWith(AppExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityIT {
  /** Who reads, relative to community A (the one whose pages are read). */
  enum Audience {
    ANONYMOUS,
    OUTSIDER,
    MEMBER,
    FORMER_MEMBER,
    MODERATOR_ELSEWHERE,
    MODERATOR,
    EXPERT,
    ADMINISTRATOR
  }

  enum Status {
    DRAFT,
    PUBLISHED,
    ARCHIVED
  }

  private static final Set<Audience> INSIDERS =
      Set.of(Audience.MEMBER, Audience.MODERATOR, Audience.ADMINISTRATOR);

  private Api api;
  private String communityA;
  private String communityB;
  private final Map<Audience, String> tokens = new EnumMap<>(Audience.class);
  private final Map<Status, String> slugs = new EnumMap<>(Status.class);
  private final Map<Status, String> titles = new EnumMap<>(Status.class);
  private String word;
  private String hub;
  private String linking;

  @BeforeAll
  void setUp(Fixtures fx, TestApp app) throws Exception {
    api = fx.api();
    word = cyrillicWord();
    communityA = fx.community();
    communityB = fx.community();
    var member = fx.user("Участник А");
    var former = fx.user("Бывший участник А");
    var moderator = fx.methodist("Модератор А");
    var moderatorB = fx.methodist("Модератор Б");
    var outsider = fx.user("Учитель другой школы");
    var expert = fx.user("Эксперт");
    fx.join(communityA, member, "member");
    fx.join(communityA, former, "member");
    fx.join(communityA, moderator, "moderator");
    fx.join(communityB, moderatorB, "moderator");
    // Everyone logged in may edit in B, so previews in B can be tried by every audience.
    for (var user : List.of(member, former, moderator, outsider, expert)) {
      fx.join(communityB, user, "member");
    }
    tokens.put(Audience.OUTSIDER, outsider.token());
    tokens.put(Audience.MEMBER, member.token());
    tokens.put(Audience.FORMER_MEMBER, former.token());
    tokens.put(Audience.MODERATOR_ELSEWHERE, moderatorB.token());
    tokens.put(Audience.MODERATOR, moderator.token());
    tokens.put(Audience.EXPERT, expert.token());
    tokens.put(Audience.ADMINISTRATOR, fx.adminToken());

    hub = "узел-" + word;
    fx.save(communityA, hub, member.token(), "Узел " + word, "Сюда ведут ссылки.\n", 0);
    api.post(Api.page(communityA, hub, "publish"), moderator.token(), null);
    for (Status status : Status.values()) {
      String name = status.name().toLowerCase();
      slugs.put(status, name + "-" + word);
      titles.put(status, word + " " + name);
      String text =
          "Ксилофонный ансамбль "
              + word
              + " и ксилофонный оркестр "
              + word
              + ": мелодика, ритмика, ксилофонный строй.\n\nСсылка на [[Узел "
              + word
              + "]].\n";
      // The former member wrote the first revision, then left: /me must not follow the page.
      fx.save(communityA, slugs.get(status), former.token(), titles.get(status), text, 0);
    }
    api.post(Api.page(communityA, slugs.get(Status.PUBLISHED), "publish"), moderator.token(), null);
    api.delete(
        "/api" + Api.path("communities", communityA, "members", loginOf(app, former.token())),
        former.token());
    try (Connection db = app.jdbc();
        var archive = db.prepareStatement("UPDATE pages SET status = 'archived' WHERE slug = ?");
        var expertRole =
            db.prepareStatement(
                "INSERT INTO memberships (community_id, user_id, role, status, started_at)"
                    + " SELECT c.id, u.id, 'expert', 'active', now() FROM communities c, users u"
                    + " WHERE c.slug = ? AND u.login = ?")) {
      archive.setString(1, slugs.get(Status.ARCHIVED));
      archive.executeUpdate();
      expertRole.setString(1, communityA);
      expertRole.setString(2, loginOf(app, expert.token()));
      expertRole.executeUpdate();
    }
    linking = "ссылки-" + word;
    fx.save(communityB, linking, moderatorB.token(), "Ссылки " + word, links(), 0);
    api.post(Api.page(communityB, linking, "publish"), moderatorB.token(), null);
    // Search sees the archived status (and every page) once the indexer has caught up.
    Eventually.until(
        "the index to hold every page and the archived status",
        java.time.Duration.ofSeconds(30),
        () -> search(Audience.MEMBER),
        found ->
            found.containsAll(
                    List.of(slugs.get(Status.DRAFT), slugs.get(Status.PUBLISHED), linking))
                && !found.contains(slugs.get(Status.ARCHIVED)));
  }

  /** The markdown of a page in B that links to each of A's pages by its title. */
  private String links() {
    return Stream.of(Status.values())
        .map(s -> "[[" + communityA + ":" + titles.get(s) + "]]")
        .collect(Collectors.joining(" · "));
  }

  private static String loginOf(TestApp app, String token) {
    return app.api().get("/api/users/me", token).json().getString("login");
  }

  /** What the rule says: published for everyone, the rest for insiders only. */
  private static boolean maySee(Audience audience, Status status) {
    return status == Status.PUBLISHED || INSIDERS.contains(audience);
  }

  /** Search, suggestions and similar materials never list archived pages. */
  private static boolean mayFind(Audience audience, Status status) {
    return status != Status.ARCHIVED && maySee(audience, status);
  }

  private static boolean publishedOnly(Audience audience, Status status) {
    return status == Status.PUBLISHED;
  }

  @TestFactory
  Stream<DynamicTest> everyReaderAnswersByTheOneRule() {
    Map<String, Reader> readers = new java.util.LinkedHashMap<>();
    readers.put("page (API)", new Reader(this::pageApi, VisibilityIT::maySee));
    readers.put("page screen", new Reader(this::pageScreen, VisibilityIT::maySee));
    readers.put("revisions (API)", new Reader(this::revisionsApi, VisibilityIT::maySee));
    readers.put("revision (API)", new Reader(this::revisionApi, VisibilityIT::maySee));
    readers.put("history screen", new Reader(this::historyScreen, VisibilityIT::maySee));
    readers.put("diff (API)", new Reader(this::diffApi, VisibilityIT::maySee));
    readers.put("diff screen", new Reader(this::diffScreen, VisibilityIT::maySee));
    readers.put("backlinks (API)", new Reader(this::backlinks, VisibilityIT::maySee));
    readers.put(
        "backlinks on the page screen", new Reader(this::backlinksScreen, VisibilityIT::maySee));
    readers.put("page list (API)", new Reader(this::list, VisibilityIT::maySee));
    readers.put(
        "community screen's page list", new Reader(this::communityTree, VisibilityIT::maySee));
    readers.put(
        "community screen's recent changes", new Reader(this::recent, VisibilityIT::maySee));
    readers.put("front page", new Reader(this::home, VisibilityIT::maySee));
    readers.put("search (API)", new Reader(this::searchFinds, VisibilityIT::mayFind));
    readers.put("search screen", new Reader(this::searchScreen, VisibilityIT::mayFind));
    readers.put("suggest (API)", new Reader(this::suggest, VisibilityIT::mayFind));
    readers.put("similar materials", new Reader(this::similar, VisibilityIT::mayFind));
    readers.put("Atom feed", new Reader(this::feed, VisibilityIT::publishedOnly));
    readers.put("sitemap", new Reader(this::sitemap, VisibilityIT::publishedOnly));
    readers.put("wiki links on a page", new Reader(this::wikiLinks, VisibilityIT::maySee));
    readers.put("wiki links in a preview", new Reader(this::preview, VisibilityIT::maySee));
    List<DynamicTest> tests = new ArrayList<>();
    readers.forEach(
        (name, reader) -> {
          for (Audience audience : Audience.values()) {
            for (Status status : Status.values()) {
              if (status == Status.PUBLISHED && name.equals("similar materials")) {
                continue; // the page similar materials are shown under
              }
              tests.add(
                  DynamicTest.dynamicTest(
                      name + " × " + audience + " × " + status,
                      () ->
                          assertThat(reader.sees().test(audience, status))
                              .as("%s shows a %s page to %s", name, status, audience)
                              .isEqualTo(reader.expected().test(audience, status))));
            }
          }
        });
    return tests.stream();
  }

  private record Reader(
      BiPredicate<Audience, Status> sees, BiPredicate<Audience, Status> expected) {}

  private String token(Audience audience) {
    return tokens.get(audience);
  }

  private boolean pageApi(Audience a, Status s) {
    return ok(api.get(Api.page(communityA, slugs.get(s)), token(a)).status());
  }

  private boolean pageScreen(Audience a, Status s) {
    return ok(api.get(screen(communityA, slugs.get(s)), token(a)).status());
  }

  private boolean revisionsApi(Audience a, Status s) {
    return ok(api.get(Api.page(communityA, slugs.get(s), "revisions"), token(a)).status());
  }

  private boolean revisionApi(Audience a, Status s) {
    return ok(api.get(Api.page(communityA, slugs.get(s), "revisions", "1"), token(a)).status());
  }

  private boolean historyScreen(Audience a, Status s) {
    return ok(api.get(screen(communityA, slugs.get(s)) + "/history", token(a)).status());
  }

  private boolean diffApi(Audience a, Status s) {
    return ok(
        api.get(Api.page(communityA, slugs.get(s), "diff") + "?from=1&to=1", token(a)).status());
  }

  private boolean diffScreen(Audience a, Status s) {
    return ok(api.get(screen(communityA, slugs.get(s)) + "/diff?from=1&to=1", token(a)).status());
  }

  private boolean backlinks(Audience a, Status s) {
    JsonArray items = api.get(Api.page(communityA, hub, "backlinks"), token(a)).items();
    return slugsOf(items).contains(slugs.get(s));
  }

  private boolean backlinksScreen(Audience a, Status s) {
    Document page = api.get(screen(communityA, hub), token(a)).document();
    return !page.select("a[href=/c/" + communityA + "/" + slugs.get(s) + "]").isEmpty();
  }

  private boolean list(Audience a, Status s) {
    JsonArray items =
        api.get("/api" + Api.path("communities", communityA, "pages"), token(a)).items();
    return slugsOf(items).contains(slugs.get(s));
  }

  private boolean communityTree(Audience a, Status s) {
    Document page = api.get(screen(communityA), token(a)).document();
    return !page.select("ul.tree a[href=/c/" + communityA + "/" + slugs.get(s) + "]").isEmpty();
  }

  private boolean recent(Audience a, Status s) {
    Document page = api.get(screen(communityA), token(a)).document();
    return !page.select("ul.changes a[href=/c/" + communityA + "/" + slugs.get(s) + "]").isEmpty();
  }

  /**
   * The front page shows the dozen newest changes of the whole site, which other tests' saves may
   * have pushed ours out of: it can only be caught leaking, so a page it does not name counts as
   * what the rule expects.
   */
  private boolean home(Audience a, Status s) {
    boolean named = api.get("/", token(a)).text().contains(titles.get(s));
    return named || maySee(a, s);
  }

  private List<String> search(Audience a) {
    return slugsOf(api.get("/api/search?q=" + encode(word) + "&size=50", token(a)).items());
  }

  private boolean searchFinds(Audience a, Status s) {
    JsonObject result = api.get("/api/search?q=" + encode(word) + "&size=50", token(a)).json();
    long total = result.getLong("total");
    List<String> found = slugsOf(result.getJsonArray("items"));
    assertThat(total).as("the total counts only what is listed").isEqualTo(found.size());
    return found.contains(slugs.get(s));
  }

  private boolean searchScreen(Audience a, Status s) {
    String html = api.get("/search?q=" + encode(word), token(a)).text();
    return html.contains("/c/" + communityA + "/" + slugs.get(s) + "\"");
  }

  private boolean suggest(Audience a, Status s) {
    String prefix = titles.get(s).substring(0, titles.get(s).length() - 2);
    JsonArray items =
        api.get("/api/search/suggest?q=" + encode(prefix) + "&size=20", token(a)).items();
    return slugsOf(items).contains(slugs.get(s));
  }

  private boolean similar(Audience a, Status s) {
    Document page = api.get(screen(communityA, slugs.get(Status.PUBLISHED)), token(a)).document();
    return !page.select(".similar a[href=/c/" + communityA + "/" + slugs.get(s) + "]").isEmpty();
  }

  private boolean feed(Audience a, Status s) {
    String xml = api.get("/bank/feed.atom", token(a)).text();
    return xml.contains(encode(slugs.get(s))) || xml.contains(slugs.get(s));
  }

  private boolean sitemap(Audience a, Status s) {
    String xml = api.get("/sitemap.xml", token(a)).text();
    return xml.contains(encode(slugs.get(s))) || xml.contains(slugs.get(s));
  }

  private boolean wikiLinks(Audience a, Status s) {
    JsonObject page = api.get(Api.page(communityB, linking), token(a)).json();
    return linksTo(page.getString("html"), s);
  }

  private boolean preview(Audience a, Status s) {
    if (a == Audience.ANONYMOUS) {
      // Visitors have no editor; what they would see is the page's own rendering.
      return wikiLinks(a, s);
    }
    var answer =
        api.post(
            "/api" + Api.path("communities", communityB, "preview"),
            token(a),
            new JsonObject().put("markdown", links()));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return linksTo(answer.json().getString("html"), s);
  }

  /**
   * Whether the HTML links to the page; a page the reader may not see must read exactly like a
   * missing one, without its address anywhere.
   */
  private boolean linksTo(String html, Status s) {
    Document doc = org.jsoup.Jsoup.parseBodyFragment(html);
    String address = "/c/" + communityA + "/" + slugs.get(s);
    Element link = doc.selectFirst("a.wikilink[href=" + address + "]");
    if (link == null) {
      assertThat(html).doesNotContain(slugs.get(s));
      assertThat(doc.select("a.wikilink:not(.wikilink-missing)"))
          .noneMatch(e -> e.text().equals(titles.get(s)));
    }
    return link != null;
  }

  private static boolean ok(int status) {
    assertThat(status).isIn(200, 404);
    return status == 200;
  }

  private static String screen(String... segments) {
    return "/c" + Api.path(segments);
  }

  private static List<String> slugsOf(JsonArray items) {
    return items.stream().map(o -> ((JsonObject) o).getString("slug")).toList();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** A word no other test writes: eight Cyrillic letters. */
  private static String cyrillicWord() {
    String letters = "бвгджзклмнпрстфхцчшщ";
    String vowels = "аеиоуыэюя";
    StringBuilder word = new StringBuilder();
    java.util.Random random = new java.util.Random();
    for (int i = 0; i < 4; i++) {
      word.append(letters.charAt(random.nextInt(letters.length())));
      word.append(vowels.charAt(random.nextInt(vowels.length())));
    }
    return word.toString();
  }
}
