package ru.metodichka.structure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.page.Placement;

/**
 * Builds a community's tree from its pages as stored (parent and position, see V20__structure.sql)
 * for one reader, and back. Pure.
 *
 * <p>A page the reader may not see is left out, and the pages under it are <em>lifted</em>: each
 * stands under its nearest ancestor the reader may see (at the top when there is none), in the
 * place the hidden page had. So a published page in a section whose heading page is still a draft
 * keeps its order and stays reachable for the public, and nothing about the draft shows, not even
 * that there is one.
 */
final class StructureTree {
  /** Deeper than anyone arranges pages; bounds the walk up a parent chain. */
  static final int MAX_DEPTH = 32;

  private StructureTree() {}

  /** The tree and the pages outside it, as {@code pages} (in stored order) show them. */
  static Built of(List<StructurePage> pages) {
    Map<Long, StructurePage> byId = new HashMap<>();
    pages.forEach(p -> byId.put(p.id(), p));
    Map<Long, List<StructureNode>> children = new HashMap<>();
    Map<Long, Long> parents = new LinkedHashMap<>();
    List<StructurePage> unplaced = new ArrayList<>();
    for (StructurePage page : pages) {
      if (!page.visible()) {
        continue;
      }
      if (page.position() == Placement.UNPLACED) {
        unplaced.add(page);
      } else {
        parents.put(page.id(), visibleAncestor(page, byId));
        children.put(page.id(), new ArrayList<>());
      }
    }
    // Children are added deepest last: build bottom-up by walking the placed pages in reverse.
    List<Long> order = new ArrayList<>(parents.keySet());
    Map<Long, StructureNode> nodes = new HashMap<>();
    List<StructureNode> roots = new ArrayList<>();
    for (int i = order.size() - 1; i >= 0; i--) {
      long id = order.get(i);
      StructurePage page = byId.get(id);
      List<StructureNode> under = children.get(id).reversed();
      StructureNode node =
          new StructureNode(id, page.slug(), page.title(), page.status(), List.copyOf(under));
      nodes.put(id, node);
      Long parent = parents.get(id);
      (parent == null ? roots : children.get(parent)).add(node);
    }
    List<StructureNode> outside =
        unplaced.stream()
            .map(p -> new StructureNode(p.id(), p.slug(), p.title(), p.status(), List.of()))
            .toList();
    return new Built(roots.reversed(), outside);
  }

  /** The tree and the pages outside it. */
  record Built(List<StructureNode> tree, List<StructureNode> unplaced) {}

  /** The nearest placed ancestor the reader may see, or null. */
  private static Long visibleAncestor(StructurePage page, Map<Long, StructurePage> byId) {
    Long parent = page.parentId();
    for (int depth = 0; parent != null && depth < MAX_DEPTH * 4; depth++) {
      StructurePage above = byId.get(parent);
      if (above == null) {
        return null;
      }
      if (above.visible() && above.position() != Placement.UNPLACED) {
        return above.id();
      }
      parent = above.parentId();
    }
    return null;
  }

  /**
   * The stored form of a tree: each page's parent and its position in the tree read in order (depth
   * first), from 0.
   */
  static List<Placed> placements(List<Branch> tree) {
    List<Placed> placed = new ArrayList<>();
    place(tree, null, placed);
    return placed;
  }

  private static void place(List<Branch> branches, Long parent, List<Placed> placed) {
    for (Branch branch : branches) {
      placed.add(new Placed(branch.id(), parent, placed.size()));
      place(branch.children(), branch.id(), placed);
    }
  }

  /** A page's stored place. */
  record Placed(long id, Long parentId, int position) {}

  /** A page of a tree being arranged, with the pages under it (a mutable list). */
  record Branch(long id, List<Branch> children) {
    static Branch of(StructureNode node) {
      List<Branch> under = new ArrayList<>();
      node.children().forEach(child -> under.add(of(child)));
      return new Branch(node.id(), under);
    }

    static List<Branch> of(List<StructureNode> nodes) {
      List<Branch> branches = new ArrayList<>();
      nodes.forEach(node -> branches.add(of(node)));
      return branches;
    }
  }
}
