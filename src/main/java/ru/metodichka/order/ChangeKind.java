package ru.metodichka.order;

import java.util.Locale;

/**
 * What one change of a community's composition was (§4.4). A role change ends one membership period
 * and starts another at the same moment; the two are one change, named after what it did.
 */
public enum ChangeKind {
  /** A teacher became a member. */
  JOINED,
  /** A methodist became a moderator (a member appointed, or a newcomer). */
  APPOINTED_MODERATOR,
  /** A moderator was relieved: left the role, staying a member or not. */
  RELIEVED_MODERATOR,
  /** A member left of their own will. */
  LEFT,
  /** A member was removed (by a moderator or the centre). */
  REMOVED;

  /** The API code: {@code joined}, {@code appointed_moderator}… */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
