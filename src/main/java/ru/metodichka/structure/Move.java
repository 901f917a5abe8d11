package ru.metodichka.structure;

import java.util.ArrayList;
import java.util.List;
import ru.metodichka.structure.StructureTree.Branch;

/**
 * One step of arranging the tree, as the structure screen's buttons make them without JavaScript. A
 * step that cannot be made (the first page moved up, a top page outdented) changes nothing.
 */
enum Move {
  /** Before the previous page of its section. */
  UP,
  /** After the next page of its section. */
  DOWN,
  /** Under the previous page of its section, as its last page. */
  INDENT,
  /** Out of its section, right after the page it stood under. */
  OUTDENT,
  /** A page outside the tree into it, at the end of the top level. */
  PLACE,
  /** Out of the tree; the pages under it take its place. */
  UNPLACE;

  static Move of(String code) {
    for (Move move : values()) {
      if (move.name().equalsIgnoreCase(code)) {
        return move;
      }
    }
    return null;
  }

  /**
   * Makes this step with the page {@code id} in {@code tree} (changed in place).
   *
   * @return whether anything changed
   */
  boolean apply(List<Branch> tree, long id) {
    if (this == PLACE) {
      if (find(tree, id) != null) {
        return false;
      }
      tree.add(new Branch(id, new ArrayList<>()));
      return true;
    }
    Found found = find(tree, id);
    if (found == null) {
      return false;
    }
    List<Branch> section = found.section();
    int at = found.index();
    Branch branch = section.get(at);
    switch (this) {
      case UP -> {
        if (at == 0) {
          return false;
        }
        section.add(at - 1, section.remove(at));
      }
      case DOWN -> {
        if (at == section.size() - 1) {
          return false;
        }
        section.add(at + 1, section.remove(at));
      }
      case INDENT -> {
        if (at == 0) {
          return false;
        }
        section.remove(at);
        section.get(at - 1).children().add(branch);
      }
      case OUTDENT -> {
        if (found.parent() == null) {
          return false;
        }
        section.remove(at);
        Found parent = find(tree, found.parent().id());
        parent.section().add(parent.index() + 1, branch);
      }
      case UNPLACE -> {
        section.remove(at);
        section.addAll(at, branch.children());
      }
      default -> throw new IllegalStateException(name());
    }
    return true;
  }

  /** Where a page stands: its section, its index there, and the page it stands under (or null). */
  private record Found(List<Branch> section, int index, Branch parent) {}

  private static Found find(List<Branch> section, long id) {
    return find(section, id, null);
  }

  private static Found find(List<Branch> section, long id, Branch parent) {
    for (int i = 0; i < section.size(); i++) {
      Branch branch = section.get(i);
      if (branch.id() == id) {
        return new Found(section, i, parent);
      }
      Found below = find(branch.children(), id, branch);
      if (below != null) {
        return below;
      }
    }
    return null;
  }
}
