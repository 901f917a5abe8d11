package ru.metodichka.meeting;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ru.metodichka.community.Slugs;
import ru.metodichka.error.AppError;
import ru.metodichka.page.Markdown;
import ru.metodichka.web.JsonInput;

/**
 * Reads meetings from a request body, the API's or a screen's form made into one, with the same
 * rules; every problem of form is listed at once (422). A time is an RFC 3339 moment or a local
 * date and time ({@code 2026-12-10T18:00}, what a browser's form sends) in the site's time zone.
 * Rules across fields ({@link #check}) are applied to the meeting as it would be after the change.
 */
public final class MeetingInput {
  static final int MAX_TITLE = 300;
  static final int MAX_PLACE = 500;
  static final int MAX_LINK = 2_000;
  static final int MAX_AGENDA = 20_000;
  static final int MAX_ATTENDEES = 500;
  private static final int MAX_LOGIN = 64;

  private MeetingInput() {}

  /** The body of {@code POST .../meetings}. */
  public static MeetingPatch draft(JsonObject body, ZoneId zone) {
    JsonInput in = JsonInput.of(body);
    String title = in.requiredText("title", MAX_TITLE);
    OffsetDateTime starts = time(in, "startsAt", zone, true);
    OffsetDateTime ends = time(in, "endsAt", zone, true);
    MeetingForm form = form(in);
    if (form == null && !in.hasError("form")) {
      in.reject("form", "required");
    }
    String place = in.optionalText("place", MAX_PLACE, "");
    String link = link(in);
    String agenda = agenda(in);
    Long planItem = planItem(in);
    String minutes = minutes(in);
    in.validate();
    return MeetingPatch.draft(title, starts, ends, form, place, link, agenda, planItem, minutes);
  }

  /** The body of {@code PATCH .../meetings/{id}}: the fields to change. */
  public static MeetingPatch patch(JsonObject body, ZoneId zone) {
    JsonInput in = JsonInput.of(body);
    String title = in.optionalText("title", MAX_TITLE, null);
    if (title != null && title.isEmpty()) {
      in.reject("title", "required");
    }
    OffsetDateTime starts = time(in, "startsAt", zone, false);
    OffsetDateTime ends = time(in, "endsAt", zone, false);
    MeetingForm form = form(in);
    String place = in.optionalText("place", MAX_PLACE, null);
    String link = link(in);
    String agenda = agenda(in);
    Long planItem = planItem(in);
    // "planItem": null takes the meeting off the plan; an absent key leaves it.
    boolean clearPlanItem = body.containsKey("planItem") && body.getValue("planItem") == null;
    String minutes = minutes(in);
    in.validate();
    return new MeetingPatch(
        title, starts, ends, form, place, link, agenda, planItem, clearPlanItem, minutes);
  }

  /** The body of {@code PUT .../rsvp}: yes, no or maybe. */
  public static String answer(JsonObject body) {
    JsonInput in = JsonInput.of(body);
    String answer = in.optionalText("answer", 10, null);
    if (answer == null && !in.hasError("answer")) {
      in.reject("answer", "required");
    } else if (answer != null && !List.of("yes", "no", "maybe").contains(answer)) {
      in.reject("answer", "one_of", "yes, no, maybe");
    }
    in.validate();
    return answer;
  }

  /** The body of {@code PUT .../attendance}: the logins of everyone who came. */
  public static List<String> attendance(JsonObject body) {
    JsonInput in = JsonInput.of(body);
    List<String> logins = in.optionalTextList("logins", MAX_ATTENDEES, MAX_LOGIN);
    if (logins == null && !in.hasError("logins")) {
      in.reject("logins", "required");
    }
    in.validate();
    return logins.stream().distinct().toList();
  }

  /**
   * The rules across fields, on the meeting as it would be: it ends after it starts; a meeting in
   * person has a place, a remote one a link.
   */
  static void check(Content c) {
    List<AppError.FieldError> errors = new ArrayList<>();
    if (!c.endsAt().isAfter(c.startsAt())) {
      errors.add(new AppError.FieldError("endsAt", "meeting_ends_before_start"));
    }
    if (c.form() == MeetingForm.IN_PERSON && c.place().isBlank()) {
      errors.add(new AppError.FieldError("place", "meeting_place_required"));
    }
    if (c.form() == MeetingForm.REMOTE && c.link().isBlank()) {
      errors.add(new AppError.FieldError("link", "meeting_link_required"));
    }
    if (!errors.isEmpty()) {
      throw AppError.invalid(errors);
    }
  }

  private static OffsetDateTime time(JsonInput in, String field, ZoneId zone, boolean required) {
    String text = in.optionalText(field, 40, null);
    if (text == null || text.isEmpty()) {
      if (required && !in.hasError(field)) {
        in.reject(field, "required");
      }
      return null;
    }
    try {
      return OffsetDateTime.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toOffsetDateTime();
      } catch (DateTimeParseException local) {
        in.reject(field, "meeting_time");
        return null;
      }
    }
  }

  private static MeetingForm form(JsonInput in) {
    String code = in.optionalText("form", 20, null);
    MeetingForm form = code == null ? null : MeetingForm.of(code);
    if (code != null && form == null) {
      in.reject("form", "one_of", MeetingForm.allCodes());
    }
    return form;
  }

  /** An absolute http or https address with a host ("" clears it). */
  private static String link(JsonInput in) {
    String link = in.optionalText("link", MAX_LINK, null);
    if (link == null || link.isEmpty()) {
      return link;
    }
    try {
      URI uri = new URI(link);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return link;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    in.reject("link", "meeting_link");
    return null;
  }

  private static String agenda(JsonInput in) {
    String raw = in.rawText("agenda", MAX_AGENDA);
    return raw == null ? null : Markdown.normalize(raw);
  }

  private static Long planItem(JsonInput in) {
    int id = in.optionalInt("planItem", 1, Integer.MAX_VALUE, 0);
    return id == 0 ? null : (long) id;
  }

  /** The minutes page's slug ("" takes the minutes off the meeting). */
  private static String minutes(JsonInput in) {
    String slug = in.optionalText("minutesPage", Slugs.MAX_LENGTH, null);
    if (slug != null && !slug.isEmpty() && !Slugs.isValid(slug)) {
      in.reject("minutesPage", "slug");
      return null;
    }
    return slug;
  }
}
