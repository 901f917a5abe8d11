package ru.metodichka.bank;

import java.util.ArrayList;
import java.util.List;
import ru.metodichka.page.ResultKind;

/**
 * One kind of result on the bank's front page: its newest materials, and the most viewed of those
 * that have been viewed at all.
 */
public record KindShelf(String kind, List<Material> newest, List<Material> mostViewed) {

  /**
   * One shelf per kind, in the order of the regulation's list (§4.9), each list keeping the order
   * it was read in.
   */
  static List<KindShelf> of(List<Material> newest, List<Material> mostViewed) {
    List<KindShelf> shelves = new ArrayList<>();
    for (ResultKind kind : ResultKind.values()) {
      shelves.add(new KindShelf(kind.code(), ofKind(newest, kind), ofKind(mostViewed, kind)));
    }
    return shelves;
  }

  private static List<Material> ofKind(List<Material> materials, ResultKind kind) {
    return materials.stream().filter(m -> m.kind().equals(kind.code())).toList();
  }

  public boolean empty() {
    return newest.isEmpty();
  }
}
