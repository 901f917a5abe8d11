package ru.metodichka.meeting;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import ru.metodichka.error.AppError;
import ru.metodichka.error.Problems;

/**
 * A meeting's form on the screen: the values as typed (or as the meeting has them) and what was
 * wrong with each field. Turned into the API's JSON body, so it goes through the same rules.
 */
public final class MeetingFields {
  static final String[] NAMES = {
    "title", "startsAt", "endsAt", "form", "place", "link", "agenda", "planItem", "minutesPage"
  };
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
  private final Map<String, String> values = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();

  private MeetingFields() {}

  /** An empty form (a new meeting held in person). */
  static MeetingFields blank() {
    MeetingFields f = new MeetingFields();
    f.values.put("form", MeetingForm.IN_PERSON.code());
    return f;
  }

  /** The form as typed. */
  static MeetingFields read(RoutingContext ctx) {
    MeetingFields f = new MeetingFields();
    for (String name : NAMES) {
      String value = ctx.request().getFormAttribute(name);
      f.values.put(name, value == null ? "" : value);
    }
    return f;
  }

  /** The meeting's values, in the site's time zone. */
  static MeetingFields of(Meeting m, ZoneId zone) {
    MeetingFields f = new MeetingFields();
    f.values.put("title", m.title());
    f.values.put("startsAt", LOCAL.format(m.startsAt().atZoneSameInstant(zone)));
    f.values.put("endsAt", LOCAL.format(m.endsAt().atZoneSameInstant(zone)));
    f.values.put("form", m.form().code());
    f.values.put("place", m.place());
    f.values.put("link", m.link());
    f.values.put("agenda", m.agenda());
    f.values.put("planItem", m.planItem() == null ? "" : String.valueOf(m.planItem()));
    f.values.put("minutesPage", m.minutesSlug() == null ? "" : m.minutesSlug());
    return f;
  }

  /** The API's body: every field as typed; an empty plan item is none. */
  JsonObject body() {
    JsonObject body = new JsonObject();
    values.forEach(
        (name, value) -> {
          if (name.equals("planItem")) {
            if (value.isBlank()) {
              body.putNull(name);
            } else {
              try {
                body.put(name, Long.parseLong(value.strip()));
              } catch (NumberFormatException e) {
                body.put(name, value);
              }
            }
          } else {
            body.put(name, value);
          }
        });
    return body;
  }

  MeetingFields rejected(AppError error, Locale locale) {
    for (AppError.FieldError e : error.fieldErrors()) {
      errors.merge(e.field(), Problems.fieldMessage(e, locale), (a, b) -> a + " " + b);
    }
    return this;
  }

  public String value(String field) {
    return values.getOrDefault(field, "");
  }

  public String error(String field) {
    return errors.getOrDefault(field, "");
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }
}
