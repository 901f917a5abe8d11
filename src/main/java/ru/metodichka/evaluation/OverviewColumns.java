package ru.metodichka.evaluation;

import java.util.List;

/**
 * The columns of the administrators' overview, in the order every export and the screen show them:
 * each a code (CSV header, sort key) and how a community's evaluation fills it.
 */
enum OverviewColumns {
  COMMUNITY("community"),
  NAME("name"),
  MEMBERS("members"),
  JOINED("joined"),
  LEFT("left"),
  ACTIVE("active"),
  ACTIVE_FIVE("activeFive"),
  ACTIVE_PREVIOUS("activePrevious"),
  GROWTH("growth"),
  GROWTH_PERCENT("growthPercent"),
  PLANNED("planned"),
  DONE("done"),
  CANCELLED("cancelled"),
  COMPLETION_PERCENT("completionPercent"),
  RELEVANCE("relevance"),
  SOLUTION("solution"),
  PUBLISHED("published"),
  KINDS_USED("kindsUsed"),
  VIEWS("views"),
  DOWNLOADS("downloads"),
  CITATIONS("citations"),
  COMMENTS("comments");

  static final List<String> CODES = java.util.Arrays.stream(values()).map(c -> c.code).toList();
  final String code;

  OverviewColumns(String code) {
    this.code = code;
  }

  /** The column for a code, or null. */
  static OverviewColumns of(String code) {
    for (OverviewColumns c : values()) {
      if (c.code.equals(code)) {
        return c;
      }
    }
    return null;
  }

  /** The value of this column for a community: a number, text, or null when there is none. */
  Object value(Evaluation e) {
    Participants p = e.participants();
    Tasks t = e.tasks();
    Results r = e.results();
    return switch (this) {
      case COMMUNITY -> e.community().slug();
      case NAME -> e.community().name();
      case MEMBERS -> p.members();
      case JOINED -> p.joined();
      case LEFT -> p.left();
      case ACTIVE -> p.active();
      case ACTIVE_FIVE -> p.activeFive();
      case ACTIVE_PREVIOUS -> p.activePrevious();
      case GROWTH -> p.growth();
      case GROWTH_PERCENT -> p.growthPercent();
      case PLANNED -> t.planned();
      case DONE -> t.done();
      case CANCELLED -> t.cancelled();
      case COMPLETION_PERCENT -> t.completionPercent();
      case RELEVANCE -> t.assessment() == null ? null : t.assessment().relevance();
      case SOLUTION -> t.assessment() == null ? null : t.assessment().solution();
      case PUBLISHED -> r.published();
      case KINDS_USED -> r.kindsUsed();
      case VIEWS -> r.views();
      case DOWNLOADS -> r.downloads();
      case CITATIONS -> r.citations();
      case COMMENTS -> r.comments();
    };
  }

  static List<String> cells(Evaluation e) {
    return java.util.Arrays.stream(values())
        .map(c -> c.value(e))
        .map(v -> v == null ? "" : String.valueOf(v))
        .toList();
  }
}
