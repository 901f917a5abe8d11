package ru.metodichka.bank;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import ru.metodichka.page.ResultKind;

/**
 * One kind of result on the bank's front page: its newest materials, and the most viewed of those
 * that have been viewed at all.
 */
public record KindShelf(String kind, List<Material> newest, List<Material> mostViewed) {

  /** One shelf per kind, in the order of the regulation's list (§4.9), from the ranked rows. */
  static List<KindShelf> of(List<Material> rows, int limit) {
    List<KindShelf> shelves = new ArrayList<>();
    for (ResultKind kind : ResultKind.values()) {
      List<Material> ofKind = rows.stream().filter(m -> m.kind().equals(kind.code())).toList();
      shelves.add(
          new KindShelf(
              kind.code(),
              ofKind.stream()
                  .filter(m -> m.newestRank() <= limit)
                  .sorted(Comparator.comparingLong(Material::newestRank))
                  .toList(),
              ofKind.stream()
                  .filter(m -> m.viewedRank() <= limit && m.views() > 0)
                  .sorted(Comparator.comparingLong(Material::viewedRank))
                  .toList()));
    }
    return shelves;
  }

  public boolean empty() {
    return newest.isEmpty();
  }
}
