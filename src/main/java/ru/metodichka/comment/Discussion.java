package ru.metodichka.comment;

import java.util.List;
import ru.metodichka.page.VisiblePage;

/**
 * A page's discussion as one reader sees it: threads of a top-level comment and its replies, oldest
 * first.
 *
 * @param count the comments that are neither deleted nor hidden
 * @param canComment whether the reader may post (logged in, the page and community active)
 * @param moderator whether the reader moderates the page's community (reads hidden comments, hides)
 */
public record Discussion(
    VisiblePage page,
    List<ShownComment> threads,
    int count,
    boolean canComment,
    boolean moderator) {
  public Discussion {
    threads = List.copyOf(threads);
  }

  /** The page's address, {@code /c/{community}/{slug}}. */
  public String path() {
    return "/c/" + page.community().slug() + "/" + page.page().slug();
  }
}
