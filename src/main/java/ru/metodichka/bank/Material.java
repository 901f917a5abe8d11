package ru.metodichka.bank;

import java.util.List;

/**
 * A published material as the bank's front page lists it.
 *
 * @param publishedAt RFC 3339
 * @param views all views counted so far
 */
public record Material(
    String community,
    String communityName,
    String slug,
    String title,
    String kind,
    String publishedAt,
    List<String> subjects,
    List<String> levels,
    long views) {

  public String path() {
    return "/c/" + community + "/" + slug;
  }
}
