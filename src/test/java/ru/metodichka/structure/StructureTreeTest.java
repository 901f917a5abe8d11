package ru.metodichka.structure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.metodichka.page.PageStatus;
import ru.metodichka.page.Placement;
import ru.metodichka.structure.StructureTree.Branch;

class StructureTreeTest {

  private static StructurePage page(long id, Long parent, int position, boolean visible) {
    return new StructurePage(
        id, "p" + id, visible ? "P" + id : null, PageStatus.PUBLISHED, parent, position, visible);
  }

  private static List<String> outline(List<StructureNode> nodes) {
    List<String> lines = new ArrayList<>();
    outline(nodes, 0, lines);
    return lines;
  }

  private static void outline(List<StructureNode> nodes, int depth, List<String> lines) {
    for (StructureNode node : nodes) {
      lines.add(depth + ":" + node.slug());
      outline(node.children(), depth + 1, lines);
    }
  }

  private static List<String> branches(List<Branch> tree) {
    List<String> lines = new ArrayList<>();
    for (StructureTree.Placed p : StructureTree.placements(tree)) {
      lines.add(p.id() + "<" + p.parentId());
    }
    return lines;
  }

  @Test
  void buildsTheTreeInOrderWithPagesOutsideItApart() {
    var built =
        StructureTree.of(
            List.of(
                page(1, null, 0, true),
                page(2, 1L, 1, true),
                page(3, 2L, 2, true),
                page(4, 1L, 3, true),
                page(5, null, 4, true),
                page(6, null, Placement.UNPLACED, true)));
    assertThat(outline(built.tree())).containsExactly("0:p1", "1:p2", "2:p3", "1:p4", "0:p5");
    assertThat(outline(built.unplaced())).containsExactly("0:p6");
  }

  @Test
  void theChildrenOfAHiddenPageStandUnderItsNearestVisibleAncestorInItsPlace() {
    var built =
        StructureTree.of(
            List.of(
                page(1, null, 0, true),
                page(2, 1L, 1, true),
                page(3, 1L, 2, false),
                page(4, 3L, 3, true),
                page(5, 4L, 4, true),
                page(6, 1L, 5, true),
                page(7, null, 6, false),
                page(8, 7L, 7, true),
                page(9, null, Placement.UNPLACED, false)));
    assertThat(outline(built.tree()))
        .containsExactly("0:p1", "1:p2", "1:p4", "2:p5", "1:p6", "0:p8");
    assertThat(built.unplaced()).isEmpty();
  }

  @Test
  void storedPlacesArePositionsInReadingOrderWithTheirParents() {
    List<Branch> tree = new ArrayList<>();
    tree.add(new Branch(10, new ArrayList<>(List.of(new Branch(11, new ArrayList<>())))));
    tree.add(new Branch(12, new ArrayList<>()));
    assertThat(StructureTree.placements(tree))
        .containsExactly(
            new StructureTree.Placed(10, null, 0),
            new StructureTree.Placed(11, 10L, 1),
            new StructureTree.Placed(12, null, 2));
  }

  private static List<Branch> abc() {
    // 1 { 2, 3 { 4 } }, 5
    List<Branch> tree = new ArrayList<>();
    Branch three = new Branch(3, new ArrayList<>(List.of(new Branch(4, new ArrayList<>()))));
    tree.add(new Branch(1, new ArrayList<>(List.of(new Branch(2, new ArrayList<>()), three))));
    tree.add(new Branch(5, new ArrayList<>()));
    return tree;
  }

  @Test
  void stepsMoveAPageWithEverythingUnderIt() {
    List<Branch> up = abc();
    assertThat(Move.UP.apply(up, 3)).isTrue();
    assertThat(branches(up)).containsExactly("1<null", "3<1", "4<3", "2<1", "5<null");

    List<Branch> outdent = abc();
    assertThat(Move.OUTDENT.apply(outdent, 3)).isTrue();
    assertThat(branches(outdent)).containsExactly("1<null", "2<1", "3<null", "4<3", "5<null");

    List<Branch> indent = abc();
    assertThat(Move.INDENT.apply(indent, 5)).isTrue();
    assertThat(branches(indent)).containsExactly("1<null", "2<1", "3<1", "4<3", "5<1");

    List<Branch> unplace = abc();
    assertThat(Move.UNPLACE.apply(unplace, 1)).isTrue();
    assertThat(branches(unplace)).containsExactly("2<null", "3<null", "4<3", "5<null");

    List<Branch> place = abc();
    assertThat(Move.PLACE.apply(place, 9)).isTrue();
    assertThat(branches(place)).endsWith("9<null");
  }

  @Test
  void aStepThatCannotBeMadeChangesNothing() {
    List<Branch> tree = abc();
    assertThat(Move.UP.apply(tree, 1)).isFalse();
    assertThat(Move.DOWN.apply(tree, 5)).isFalse();
    assertThat(Move.INDENT.apply(tree, 2)).isFalse();
    assertThat(Move.OUTDENT.apply(tree, 5)).isFalse();
    assertThat(Move.PLACE.apply(tree, 4)).isFalse();
    assertThat(Move.UP.apply(tree, 99)).isFalse();
    assertThat(branches(tree)).containsExactly("1<null", "2<1", "3<1", "4<3", "5<null");
  }
}
