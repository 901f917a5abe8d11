package ru.metodichka.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where an item of the plan stands. Planned and in-progress items are open (overdue once their due
 * date has passed); done ones count towards the plan's completion; cancelled ones count nowhere.
 */
public enum PlanStatus {
  PLANNED,
  IN_PROGRESS,
  DONE,
  CANCELLED;

  /** The code in the database and the API: {@code planned}, {@code in-progress}… */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The status for a code, or null when there is none. */
  public static PlanStatus of(String code) {
    for (PlanStatus status : values()) {
      if (status.code().equals(code)) {
        return status;
      }
    }
    return null;
  }

  /** Not done and not cancelled: still to be done. */
  public boolean open() {
    return this == PLANNED || this == IN_PROGRESS;
  }

  /** Every code, for the message that lists them. */
  static String allCodes() {
    return Arrays.stream(values()).map(PlanStatus::code).collect(Collectors.joining(", "));
  }
}
