package ru.metodichka.contribution;

import java.util.Locale;

/** Acts that count towards a community's evaluation (DESIGN.md "Contribution"). */
public enum ContributionKind {
  REVISION,
  PAGE_CREATED,
  COMMENT,
  UPLOAD,
  REVIEW,
  MEETING,
  /** A plan item done (§4.8), for each person responsible for it: once per item and person. */
  PLAN_ITEM;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
