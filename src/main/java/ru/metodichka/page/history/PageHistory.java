package ru.metodichka.page.history;

import java.util.List;
import ru.metodichka.page.VisiblePage;

/** A page and a part of its history, newest first. */
public record PageHistory(VisiblePage visible, List<RevisionEntry> revisions) {
  public PageHistory {
    revisions = List.copyOf(revisions);
  }
}
