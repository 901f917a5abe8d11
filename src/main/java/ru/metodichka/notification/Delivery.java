package ru.metodichka.notification;

import java.util.Arrays;
import java.util.Optional;

/** How one kind of notification reaches a user by e-mail. */
public enum Delivery {
  IMMEDIATE("immediate"),
  DIGEST("digest"),
  OFF("off");

  private final String code;

  Delivery(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<Delivery> of(String code) {
    return Arrays.stream(values()).filter(d -> d.code.equals(code)).findFirst();
  }
}
