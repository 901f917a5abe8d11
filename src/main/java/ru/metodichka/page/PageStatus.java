package ru.metodichka.page;

import java.util.Locale;

/**
 * Where a page stands: a draft, in review, published to the bank, or archived (kept, out of the
 * bank). Who may see a page of each status is {@link Visibility}'s rule.
 */
public enum PageStatus {
  DRAFT,
  REVIEW,
  PUBLISHED,
  ARCHIVED;

  /** The code in the database and the API: {@code draft}, {@code review}… */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The status for a database or API code; fails on an unknown one (the schema's CHECK). */
  public static PageStatus of(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
