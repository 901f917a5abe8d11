package ru.metodichka.page;

import java.time.OffsetDateTime;
import java.util.Locale;
import ru.metodichka.auth.Person;

/**
 * One act of the review workflow about one revision: a member asked for a review, a moderator
 * returned the page for more work, or a moderator reviewed it (the public reads it from then on).
 */
public record ReviewEvent(int revision, Kind kind, Person by, String note, OffsetDateTime at) {

  /** What happened. */
  public enum Kind {
    REQUESTED,
    RETURNED,
    REVIEWED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }
}
