package ru.metodichka.contribution;

import java.util.Locale;

/** Acts that count towards a community's evaluation (DESIGN.md "Contribution"). */
public enum ContributionKind {
  REVISION,
  PAGE_CREATED,
  COMMENT,
  UPLOAD,
  REVIEW,
  MEETING;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
