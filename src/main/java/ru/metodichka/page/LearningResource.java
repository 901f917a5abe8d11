package ru.metodichka.page;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.ResourceBundle;
import ru.metodichka.db.Rows;
import ru.metodichka.web.Locales;

/**
 * A published page described for search engines and link previews: schema.org {@code
 * LearningResource} as JSON-LD. The labels are Russian whatever the reader's language, like the
 * materials themselves ({@code inLanguage: ru}).
 */
final class LearningResource {
  private static final ResourceBundle RUSSIAN = Locales.bundle("i18n/ui", Locales.RUSSIAN);

  private LearningResource() {}

  /**
   * The JSON-LD of a page as {@link PageReader#view} reads it (a document for search engines, made
   * here rather than in a route because it travels inside the page's HTML).
   *
   * @param url the page's absolute address
   * @param communityUrl its community's absolute address
   */
  static JsonObject of(PageView page, String description, String url, String communityUrl) {
    Metadata meta = page.metadata();
    JsonObject json =
        new JsonObject()
            .put("@context", "https://schema.org")
            .put("@type", "LearningResource")
            .put("name", page.title())
            .put("description", description)
            .put("url", url)
            .put("inLanguage", "ru")
            .put("learningResourceType", label("kind." + page.kind()))
            .put("datePublished", Rows.time(page.page().publishedAt()))
            .put("dateModified", Rows.time(page.updatedAt()))
            .put(
                "isPartOf",
                new JsonObject()
                    .put("@type", "Collection")
                    .put("name", page.community().name())
                    .put("url", communityUrl))
            .put("author", authors(page.authors()));
    if (!meta.levels().isEmpty()) {
      json.put(
          "educationalLevel",
          new JsonArray(meta.levels().stream().map(l -> label("level." + l)).toList()));
    }
    if (!meta.subjects().isEmpty()) {
      json.put(
          "about", new JsonArray(meta.subjects().stream().map(LearningResource::thing).toList()));
    }
    if (!meta.tags().isEmpty()) {
      json.put("keywords", String.join(", ", meta.tags()));
    }
    String licence = Metadata.licenceUrl(meta.licence());
    if (licence != null) {
      json.put("license", licence);
    }
    return json;
  }

  /**
   * The JSON for inside {@code <script type="application/ld+json">}: {@code <}, {@code >} and
   * {@code &} become JSON escapes, so no title can close the script element or open a comment, and
   * the line separators JavaScript once rejected are escaped too. These characters can only occur
   * inside JSON strings, where the escapes mean the same.
   */
  static String script(JsonObject json) {
    return json.encode()
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029");
  }

  private static JsonArray authors(List<Author> authors) {
    JsonArray people = new JsonArray();
    for (Author author : authors) {
      JsonObject person = new JsonObject().put("@type", "Person").put("name", author.name());
      if (author.institution() != null) {
        person.put(
            "affiliation",
            new JsonObject()
                .put("@type", "EducationalOrganization")
                .put("name", author.institution()));
      }
      people.add(person);
    }
    return people;
  }

  private static JsonObject thing(String name) {
    return new JsonObject().put("@type", "Thing").put("name", name);
  }

  private static String label(String key) {
    return RUSSIAN.containsKey(key) ? RUSSIAN.getString(key) : key;
  }
}
