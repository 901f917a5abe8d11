package ru.metodichka.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** 100 × part / whole, rounded half up to one decimal, as the definitions state it. */
final class Percent {
  private Percent() {}

  static double of(long part, long whole) {
    return BigDecimal.valueOf(100L * part)
        .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP)
        .doubleValue();
  }
}
