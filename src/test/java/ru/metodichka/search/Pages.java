package ru.metodichka.search;

import java.time.Instant;
import java.util.List;
import ru.metodichka.render.PlainText;
import ru.metodichka.search.index.SearchDocument;

/** Builds test documents with sensible defaults. */
final class Pages {
  private Pages() {}

  /**
   * A page's one document: public when published, else its community's insiders'. {@code key} is
   * the page id (a number); other texts name pages of their own, numbered by their hash.
   */
  static SearchDocument page(
      String key, long community, String title, String kind, String status, String markdown) {
    boolean published = "published".equals(status);
    long id =
        key.chars().allMatch(Character::isDigit)
            ? Long.parseLong(key)
            : 1_000_000L + (key.hashCode() & 0xfffffL);
    return new SearchDocument(
        id,
        published ? SearchDocument.Audience.PUBLIC : SearchDocument.Audience.INSIDERS,
        community,
        "c" + community,
        "Сообщество " + community,
        key,
        title,
        kind,
        status,
        PlainText.of(markdown),
        List.of("информатика"),
        List.of("basic-general"),
        "CC BY 4.0",
        2025,
        "published".equals(status) ? Instant.parse("2025-01-01T00:00:00Z") : null,
        Instant.parse("2025-02-01T00:00:00Z"),
        0,
        List.of("Анна Иванова", "Олег Петров"),
        false);
  }
}
