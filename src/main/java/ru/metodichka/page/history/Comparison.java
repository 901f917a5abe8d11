package ru.metodichka.page.history;

import java.util.List;
import ru.metodichka.page.Revision;
import ru.metodichka.page.VisiblePage;

/**
 * What the diff screen shows: the page, both revisions (number, author, time, summary, title) and
 * the side-by-side rows. {@code from} is always the older revision.
 */
public record Comparison(
    VisiblePage visible, Revision from, Revision to, List<SideBySide.Row> rows) {

  public Comparison {
    rows = List.copyOf(rows);
  }

  static Comparison of(VisiblePage visible, Revision older, Revision newer) {
    return new Comparison(visible, older, newer, SideBySide.of(older.markdown(), newer.markdown()));
  }

  /** True when the title changed between the two revisions. */
  public boolean titleChanged() {
    return !from.title().equals(to.title());
  }

  /** True when there is nothing to show: same text, same title (or one revision twice). */
  public boolean identical() {
    return rows.isEmpty() && !titleChanged();
  }
}
