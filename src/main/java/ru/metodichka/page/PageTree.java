package ru.metodichka.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A community's pages arranged by its structure: each page under its parent, in the listed order. A
 * page whose parent is not in the list (a draft the reader cannot see, or a page in another part of
 * a long list) stands at the top level.
 */
public record PageTree(ListedPage page, List<PageTree> children) {

  public static List<PageTree> of(List<ListedPage> pages) {
    Map<String, PageTree> bySlug = new HashMap<>();
    for (ListedPage page : pages) {
      bySlug.put(page.slug(), new PageTree(page, new ArrayList<>()));
    }
    List<PageTree> roots = new ArrayList<>();
    for (ListedPage page : pages) {
      PageTree node = bySlug.get(page.slug());
      PageTree parent = page.parent() == null ? null : bySlug.get(page.parent());
      if (parent != null && parent != node) {
        parent.children().add(node);
      } else {
        roots.add(node);
      }
    }
    return roots;
  }
}
