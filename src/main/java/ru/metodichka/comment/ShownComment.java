package ru.metodichka.comment;

import java.util.List;

/**
 * A comment as one reader sees it: its HTML when they may read its text ("" otherwise: deleted, or
 * hidden from a reader who does not moderate the community), whether it is theirs, and its replies.
 */
public record ShownComment(Comment comment, String html, boolean mine, List<ShownComment> replies) {
  public ShownComment {
    replies = List.copyOf(replies);
  }

  /** Whether the reader reads its text (visible, or hidden and the reader moderates). */
  public boolean readable() {
    return !html.isEmpty() || comment.state() == Comment.State.VISIBLE;
  }
}
