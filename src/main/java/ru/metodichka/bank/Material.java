package ru.metodichka.bank;

import java.util.List;

/**
 * A published material as the bank's front page lists it.
 *
 * @param publishedAt RFC 3339
 * @param views all views counted so far
 * @param comments its comments that are neither deleted nor hidden
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
    long views,
    long comments) {

  public String path() {
    return "/c/" + community + "/" + slug;
  }
}
