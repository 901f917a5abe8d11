package ru.metodichka.page;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A community's pages arranged by its structure: each page under its parent, in the listed order. A
 * page whose parent is not in the list (a draft the reader cannot see, or a page in another part of
 * a long list) stands at the top level.
 */
public record PageTree(JsonObject page, List<PageTree> children) {

  public static List<PageTree> of(JsonArray pages) {
    Map<String, PageTree> bySlug = new HashMap<>();
    for (Object item : pages) {
      JsonObject page = (JsonObject) item;
      bySlug.put(page.getString("slug"), new PageTree(page, new ArrayList<>()));
    }
    List<PageTree> roots = new ArrayList<>();
    for (Object item : pages) {
      JsonObject page = (JsonObject) item;
      PageTree node = bySlug.get(page.getString("slug"));
      PageTree parent = bySlug.get(page.getString("parent"));
      if (parent != null && parent != node) {
        parent.children().add(node);
      } else {
        roots.add(node);
      }
    }
    return roots;
  }
}
