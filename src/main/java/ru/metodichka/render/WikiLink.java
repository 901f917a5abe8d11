package ru.metodichka.render;

import java.util.Objects;

/**
 * A wiki link as written: {@code [[Target]]}, {@code [[Target|text]]}, {@code [[community:Target]]}
 * or {@code [[community:Target|text]]}.
 *
 * @param community the target community's slug as written, or null for the page's own community
 * @param target the page title or slug, trimmed, as written (never null, never blank when it comes
 *     from {@link MarkdownRenderer})
 */
public record WikiLink(String community, String target) {
  public WikiLink {
    Objects.requireNonNull(target, "target");
  }
}
