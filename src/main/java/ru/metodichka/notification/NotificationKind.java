package ru.metodichka.notification;

import java.util.Arrays;
import java.util.Optional;

/** What a notification is about; each kind has its own e-mail choice (immediate, digest, off). */
public enum NotificationKind {
  PAGE_CHANGED("page-changed"),
  COMMENT("comment"),
  REPLY("reply"),
  REVIEW_REQUEST("review-request"),
  REVIEW_DECISION("review-decision"),
  JOIN_REQUEST("join-request"),
  JOIN_DECISION("join-decision"),
  MEETING("meeting"),
  PLAN_ASSIGNED("plan-assigned"),
  PLAN_OVERDUE("plan-overdue"),
  REPORT_RESOLVED("report-resolved");

  private final String code;

  NotificationKind(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** Whether the time it is about is a day (a due date) rather than a moment (a meeting). */
  public boolean dateOnly() {
    return this == PLAN_ASSIGNED || this == PLAN_OVERDUE;
  }

  public static Optional<NotificationKind> of(String code) {
    return Arrays.stream(values()).filter(k -> k.code.equals(code)).findFirst();
  }
}
