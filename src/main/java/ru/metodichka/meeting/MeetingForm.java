package ru.metodichka.meeting;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How a meeting is held (§4.3): in person at a place, or remote at a link. */
public enum MeetingForm {
  IN_PERSON("in-person"),
  REMOTE("remote");

  private final String code;

  MeetingForm(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  /** The form with this code, or null. */
  static MeetingForm of(String code) {
    return Arrays.stream(values()).filter(f -> f.code.equals(code)).findFirst().orElse(null);
  }

  static String allCodes() {
    return Arrays.stream(values()).map(MeetingForm::code).collect(Collectors.joining(", "));
  }
}
