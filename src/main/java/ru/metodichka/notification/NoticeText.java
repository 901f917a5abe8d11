package ru.metodichka.notification;

import java.util.Set;

/**
 * The sentence a notification reads as, the same in the app and in e-mails: the key {@code
 * notice.<kind>} (or {@code notice.<kind>.<detail>} for the kinds whose detail is a variant: a
 * decision, a meeting's change, a report's outcome) of the {@code notification} bundle, with {@code
 * {0}} who did it, {@code {1}} the title, {@code {2}} the detail and {@code {3}} the time.
 */
public final class NoticeText {
  private static final Set<NotificationKind> VARIANTS =
      Set.of(
          NotificationKind.REVIEW_DECISION,
          NotificationKind.JOIN_DECISION,
          NotificationKind.MEETING,
          NotificationKind.REPORT_RESOLVED);

  private NoticeText() {}

  public static String key(Notification n) {
    return key(n.kind(), n.detail());
  }

  static String key(NotificationKind kind, String detail) {
    return VARIANTS.contains(kind)
        ? "notice." + kind.code() + "." + detail
        : "notice." + kind.code();
  }

  /** The sentence's arguments, the time already formatted by the caller. */
  public static Object[] args(Notification n, String time) {
    return new Object[] {n.actorName() == null ? "" : n.actorName(), n.title(), n.detail(), time};
  }
}
