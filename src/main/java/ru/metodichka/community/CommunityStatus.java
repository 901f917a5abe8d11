package ru.metodichka.community;

import java.util.Locale;

/** A community works ({@code active}) or is kept read-only for the record ({@code archived}). */
public enum CommunityStatus {
  ACTIVE,
  ARCHIVED;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status for a database or API code; fails on an unknown one (the schema's CHECK). */
  public static CommunityStatus of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
