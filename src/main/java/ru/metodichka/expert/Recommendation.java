package ru.metodichka.expert;

import java.util.Locale;

/** An expert's overall recommendation (§5.2). */
public enum Recommendation {
  /** Рекомендовать к трансляции. */
  RECOMMEND,
  /** Доработать. */
  REVISE,
  /** Не рекомендовать. */
  REJECT;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The recommendation for an API code, or null. */
  public static Recommendation fromCode(String code) {
    for (Recommendation r : values()) {
      if (r.code().equals(code)) {
        return r;
      }
    }
    return null;
  }
}
