package ru.metodichka.search;

import java.time.Instant;
import java.util.List;
import ru.metodichka.render.PlainText;
import ru.metodichka.search.index.SearchDocument;

/** Builds test documents with sensible defaults. */
final class Pages {
  private Pages() {}

  static SearchDocument page(
      String key, long community, String title, String kind, String status, String markdown) {
    return new SearchDocument(
        key,
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
        List.of("Анна Иванова", "Олег Петров"));
  }
}
