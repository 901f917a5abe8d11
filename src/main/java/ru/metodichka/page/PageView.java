package ru.metodichka.page;

import java.time.OffsetDateTime;
import java.util.List;
import ru.metodichka.auth.Person;
import ru.metodichka.community.Community;

/**
 * A page as its reader sees it: the current revision with its HTML, and (on the page screen) the
 * authors from its history, the pages that link to it and where it stands in its community's
 * structure. The API's page has no authors, backlinks or placement (they have routes of their own):
 * they are empty there.
 */
public record PageView(
    VisiblePage visible,
    RenderedRevision current,
    List<Author> authors,
    List<Backlink> backlinks,
    Placement placement) {

  public PageView {
    authors = List.copyOf(authors);
    backlinks = List.copyOf(backlinks);
  }

  public Community community() {
    return visible.community();
  }

  public Page page() {
    return visible.page();
  }

  public Revision revision() {
    return current.revision();
  }

  public String html() {
    return current.html();
  }

  public String title() {
    return revision().title();
  }

  public String kind() {
    return revision().kind();
  }

  public PageStatus status() {
    return page().status();
  }

  public Metadata metadata() {
    return revision().metadata();
  }

  public Person lastAuthor() {
    return revision().author();
  }

  public OffsetDateTime updatedAt() {
    return revision().createdAt();
  }

  /** {@code /c/{community}/{slug}}, as templates write links (browsers encode Cyrillic). */
  public String path() {
    return "/c/" + community().slug() + "/" + page().slug();
  }

  /** Insiders edit an active community's pages, unless the page is retired. */
  public boolean canEdit() {
    return visible.access().canEdit() && !retired();
  }

  /**
   * Who may rename the page: its editors while the public does not read it, its moderators once it
   * is published (its address and title are the bank's).
   */
  public boolean canRename() {
    return canEdit() && (!page().published() || canModerate());
  }

  public boolean canModerate() {
    return visible.access().canModerate();
  }

  /**
   * For insiders of a published page: how many revisions were saved after the reviewed one (the
   * public does not read them yet); 0 for everyone else.
   */
  public int unreviewed() {
    return visible.access().insider() ? page().unreviewed() : 0;
  }

  /** Whether the page is retired to the archive: readable by its community, changed no more. */
  public boolean retired() {
    return page().status() == PageStatus.ARCHIVED;
  }

  /** Whether the page waits «на проверке» (a member asked for a review of a draft). */
  public boolean inReview() {
    return page().status() == PageStatus.REVIEW;
  }
}
