package ru.metodichka.wordio;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Nested HTML lists from a flat run of list paragraphs, each with its level (1 = outermost), as
 * Word stores them both in documents (numbering levels) and on the clipboard ({@code mso-list}).
 */
final class ListNesting {
  private ListNesting() {}

  /** One list paragraph: its level, whether numbered, and its inner HTML. */
  record Item(int level, boolean ordered, String html) {}

  /** The outermost list holding every item, deeper levels nested in the item before them. */
  static Element build(List<Item> items) {
    Deque<Element> open = new ArrayDeque<>();
    Element outer = null;
    for (Item item : items) {
      int level = Math.max(1, Math.min(9, item.level()));
      while (open.size() > level) {
        open.pop();
      }
      while (open.size() < level) {
        Element list = new Element(item.ordered() ? "ol" : "ul");
        if (open.isEmpty()) {
          outer = list;
        } else {
          // Inside the last item of the list above; a list starting deeper goes in directly.
          Element above = open.peek();
          Element last = above.children().isEmpty() ? above : above.child(above.childrenSize() - 1);
          last.appendChild(list);
        }
        open.push(list);
      }
      open.peek().appendElement("li").html(item.html());
    }
    return outer == null ? new Element("ul") : outer;
  }
}
