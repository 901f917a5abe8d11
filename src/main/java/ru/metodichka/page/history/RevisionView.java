package ru.metodichka.page.history;

import ru.metodichka.page.RenderedRevision;
import ru.metodichka.page.Revision;
import ru.metodichka.page.VisiblePage;

/** One revision of a page, with its HTML (empty where a screen shows no text, as the revert's). */
public record RevisionView(VisiblePage visible, RenderedRevision rendered) {
  public Revision revision() {
    return rendered.revision();
  }

  public String html() {
    return rendered.html();
  }

  /** Whether this is the page's current revision. */
  public boolean current() {
    return revision().number() == visible.page().currentRevision();
  }
}
