package ru.metodichka.plan;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How an item of the plan is held (§4.3: in-person and remote interaction). */
public enum PlanForm {
  IN_PERSON,
  REMOTE,
  MIXED;

  /** The code in the database and the API: {@code in-person}, {@code remote}, {@code mixed}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The form for a code, or null when there is none. */
  public static PlanForm of(String code) {
    for (PlanForm form : values()) {
      if (form.code().equals(code)) {
        return form;
      }
    }
    return null;
  }

  /** Every code, for the message that lists them. */
  static String allCodes() {
    return Arrays.stream(values()).map(PlanForm::code).collect(Collectors.joining(", "));
  }
}
