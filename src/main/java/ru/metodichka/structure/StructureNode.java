package ru.metodichka.structure;

import java.util.List;
import ru.metodichka.page.PageStatus;

/** A page in a community's structure, with the pages under it in order. */
public record StructureNode(
    long id, String slug, String title, PageStatus status, List<StructureNode> children) {

  public StructureNode {
    children = List.copyOf(children);
  }

  /** The number of pages in this node's subtree, the node itself included. */
  public int size() {
    return 1 + children.stream().mapToInt(StructureNode::size).sum();
  }
}
