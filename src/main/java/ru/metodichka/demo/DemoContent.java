package ru.metodichka.demo;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The demo district, read from {@code demo/seed.json} and the Markdown files next to it. Each page
 * has revisions by different authors: the first is a whole text, later ones append a file or
 * replace a passage, as real edits do.
 */
record DemoContent(
    String password,
    JsonArray institutions,
    JsonArray users,
    JsonArray communities,
    List<DemoPage> pages) {

  static DemoContent load() {
    JsonObject seed = new JsonObject(resource("demo/seed.json"));
    List<DemoPage> pages =
        seed.getJsonArray("pages").stream().map(o -> DemoPage.from((JsonObject) o)).toList();
    return new DemoContent(
        seed.getString("password"),
        seed.getJsonArray("institutions"),
        seed.getJsonArray("users"),
        seed.getJsonArray("communities"),
        pages);
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

  /** One page and the texts of its revisions in order. */
  record DemoPage(
      String community,
      String slug,
      String title,
      String kind,
      boolean publish,
      List<DemoRevision> revisions) {

    static DemoPage from(JsonObject page) {
      JsonArray edits = page.getJsonArray("revisions");
      String text = "";
      List<DemoRevision> revisions = new java.util.ArrayList<>();
      for (int i = 0; i < edits.size(); i++) {
        JsonObject edit = edits.getJsonObject(i);
        text = apply(text, edit);
        revisions.add(new DemoRevision(edit.getString("author"), edit.getString("summary"), text));
      }
      return new DemoPage(
          page.getString("community"),
          page.getString("slug"),
          page.getString("title"),
          page.getString("kind"),
          page.getBoolean("publish"),
          List.copyOf(revisions));
    }

    private static String apply(String text, JsonObject edit) {
      if (edit.containsKey("file")) {
        return resource("demo/pages/" + edit.getString("file"));
      }
      if (edit.containsKey("append")) {
        return text + resource("demo/pages/" + edit.getString("append"));
      }
      JsonArray replace = edit.getJsonArray("replace");
      if (!text.contains(replace.getString(0))) {
        throw new IllegalStateException("Demo edit does not apply: " + replace.getString(0));
      }
      return text.replace(replace.getString(0), replace.getString(1));
    }
  }

  /** A revision to save: who, why, and the whole text after the edit. */
  record DemoRevision(String author, String summary, String markdown) {}
}
