package ru.metodichka.community;

import ru.metodichka.error.AppError;

/**
 * Why a membership ends: the member left ({@code left}, also what a moderator records when a member
 * asked to leave) or was removed ({@code removed}), with an optional note — the history shows both
 * and who ended it.
 */
record MembershipEnd(String reason, String note) {
  static final int MAX_NOTE = 1000;

  public MembershipEnd {
    if (!"left".equals(reason) && !"removed".equals(reason)) {
      throw AppError.invalid("reason", "one_of", "left, removed");
    }
    if (note != null) {
      note = note.strip();
      if (note.isEmpty()) {
        note = null;
      } else if (note.length() > MAX_NOTE || note.indexOf('\u0000') >= 0) {
        throw AppError.invalid("note", "too_long", MAX_NOTE);
      }
    }
  }

  /**
   * The reason and note a request gives (query parameters or form fields); without a reason, a
   * member ending their own membership leaves and a moderator removes.
   */
  static MembershipEnd of(String reason, String note, boolean self) {
    if (self) {
      return new MembershipEnd("left", note);
    }
    return new MembershipEnd(reason == null || reason.isBlank() ? "removed" : reason.strip(), note);
  }
}
