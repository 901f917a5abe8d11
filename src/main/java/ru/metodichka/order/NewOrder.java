package ru.metodichka.order;

import io.vertx.core.json.JsonArray;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import ru.metodichka.community.Slugs;
import ru.metodichka.web.JsonInput;

/**
 * The body of {@code POST /api/orders} (and of the form on {@code /admin/orders}): the order's
 * number and date as signed, the communities whose pending changes it confirms, and a note.
 *
 * @param number as the centre writes it, without a leading «№»: {@code 15-од}
 * @param communities slugs, each once
 */
public record NewOrder(String number, LocalDate date, List<String> communities, String note) {
  static final int MAX_NUMBER = 50;
  static final int MAX_NOTE = 1000;
  static final int MAX_COMMUNITIES = 200;

  /** Orders recorded here are signed in this century; an earlier date is a typing slip. */
  static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

  public NewOrder {
    communities = List.copyOf(communities);
  }

  /**
   * Reads and checks the body, listing every problem at once (422): the number (1–50 characters, a
   * leading «№» dropped), the date ({@code YYYY-MM-DD}, not after {@code today}), the communities
   * (a non-empty list of slugs, none twice) and the optional note.
   */
  public static NewOrder from(JsonInput in, LocalDate today) {
    String number = number(in.requiredText("number", MAX_NUMBER));
    if (number.isEmpty() && !in.hasError("number")) {
      in.reject("number", "required");
    }
    LocalDate date = date(in, today);
    List<String> communities = communities(in);
    String note = in.optionalText("note", MAX_NOTE, null);
    in.validate();
    return new NewOrder(number, date, communities, note == null || note.isEmpty() ? null : note);
  }

  /** The number without a leading «№» (the documents print their own) and outer spaces. */
  static String number(String raw) {
    String number = raw.strip();
    while (number.startsWith("№")) {
      number = number.substring(1).strip();
    }
    return number;
  }

  /** The number compared for uniqueness: «15-ОД», «15-од» and «15 - од» are one number. */
  static String numberKey(String number) {
    String normal = Normalizer.normalize(number, Normalizer.Form.NFC);
    return normal.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }

  private static LocalDate date(JsonInput in, LocalDate today) {
    String raw = in.requiredText("date", 20);
    if (raw.isEmpty()) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(raw);
      if (date.isAfter(today)) {
        in.reject("date", "date_in_future", today.format(OrderRef.DATE));
      } else if (date.isBefore(EARLIEST)) {
        in.reject("date", "date_too_early", EARLIEST.format(OrderRef.DATE));
      }
      return date;
    } catch (DateTimeParseException e) {
      in.reject("date", "date");
      return null;
    }
  }

  private static List<String> communities(JsonInput in) {
    JsonArray array = in.optionalArray("communities");
    if (array == null || array.isEmpty()) {
      if (!in.hasError("communities")) {
        in.reject("communities", "communities_required");
      }
      return List.of();
    }
    if (array.size() > MAX_COMMUNITIES) {
      in.reject("communities", "too_many_items", MAX_COMMUNITIES);
      return List.of();
    }
    List<String> slugs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String field = "communities[" + i + "]";
      if (!(array.getValue(i) instanceof String s) || s.isBlank() || s.length() > 100) {
        in.reject(field, "community_slug");
      } else if (!seen.add(Slugs.key(s.strip()))) {
        in.reject(field, "community_repeated", s.strip());
      } else {
        slugs.add(s.strip());
      }
    }
    return slugs;
  }
}
