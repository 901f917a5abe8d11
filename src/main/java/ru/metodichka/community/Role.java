package ru.metodichka.community;

import java.util.Locale;

/** A user's role in one community (DESIGN.md "Who uses it"). */
public enum Role {
  MEMBER,
  MODERATOR,
  EXPERT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role for an API code, or null when there is none. */
  public static Role fromCode(String code) {
    for (Role role : values()) {
      if (role.code().equals(code)) {
        return role;
      }
    }
    return null;
  }
}
