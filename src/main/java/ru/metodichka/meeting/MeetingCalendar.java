package ru.metodichka.meeting;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Categories;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Meetings as an iCalendar file (RFC 5545), written with ical4j. Each meeting is one VEVENT with a
 * stable UID ({@code meeting-<id>@metodichka}, the same in every file and on every server), its
 * SEQUENCE (the number of changes), STATUS CONFIRMED or CANCELLED, and its times in the site's time
 * zone (TZID) with a VTIMEZONE for it. What a file shows is what its reader may see: the meetings
 * given are already read for that reader, so a remote meeting's link (in DESCRIPTION) is there only
 * for insiders. Pure: call it from a worker (it formats text).
 */
final class MeetingCalendar {
  /** The UIDs' domain: fixed, so a meeting keeps its UID whatever address the site moves to. */
  static final String UID_DOMAIN = "metodichka";

  private static final Duration ZONE_PAST = Duration.ofDays(800);
  private static final Duration ZONE_FUTURE = Duration.ofDays(5 * 366);
  private final ZoneId zone;

  MeetingCalendar(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * The calendar's text.
   *
   * @param name the calendar's name (X-WR-CALNAME)
   * @param base the site's address, for each meeting's page (URL)
   * @param text the reader's strings, by key of the meeting bundle
   */
  String ics(String name, String base, List<Meeting> meetings, Function<String, String> text) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Metodichka//Meetings//RU"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.PUBLISH);
    calendar.add(new XProperty("X-WR-CALNAME", name));
    calendar.add(new XProperty("X-WR-TIMEZONE", zone.getId()));
    calendar.add(timeZone(Instant.now()));
    for (Meeting m : meetings) {
      calendar.add(event(m, base, text));
    }
    StringWriter out = new StringWriter();
    try {
      // Not validated on output: the file is made from checked records, and ical4j's validation
      // logs a warning for every DTSTAMP its own VEvent adds.
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  static String uid(long id) {
    return "meeting-" + id + "@" + UID_DOMAIN;
  }

  private VEvent event(Meeting m, String base, Function<String, String> text) {
    VEvent event = new VEvent(); // adds DTSTAMP
    event.add(new Uid(uid(m.id())));
    event.add(local(new DtStart<>(m.startsAt().atZoneSameInstant(zone).toLocalDateTime())));
    event.add(local(new DtEnd<>(m.endsAt().atZoneSameInstant(zone).toLocalDateTime())));
    event.add(new Summary(m.title()));
    event.add(new Sequence(m.sequence()));
    event.add(m.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
    event.add(new LastModified(m.changedAt().toInstant()));
    event.add(new Categories(text.apply("meeting.form." + m.form().code())));
    String place = m.remote() ? text.apply("meeting.form.remote") : m.place();
    if (!place.isBlank()) {
      event.add(new Location(place));
    }
    String page = base + "/c/" + m.community() + "/meetings/" + m.id();
    event.add(new Url(URI.create(page)));
    event.add(new Description(description(m, page, text)));
    return event;
  }

  /** The form, the link (insiders only: the meeting was read for the reader), the agenda. */
  private static String description(Meeting m, String page, Function<String, String> text) {
    StringBuilder d = new StringBuilder();
    d.append(m.communityName()).append(". ").append(text.apply("meeting.form." + m.form().code()));
    if (!m.link().isEmpty()) {
      d.append("\n").append(text.apply("meeting.link")).append(": ").append(m.link());
    }
    if (!m.agenda().isBlank()) {
      d.append("\n\n").append(m.agenda().strip());
    }
    d.append("\n\n").append(page);
    return d.toString();
  }

  private <T extends net.fortuna.ical4j.model.property.DateProperty<?>> T local(T property) {
    property.add(new TzId(zone.getId()));
    return property;
  }

  /**
   * The zone's VTIMEZONE, from the JDK's rules (the ones the server itself computes times with):
   * one observance per transition from a little before now to a few years ahead, and the last
   * transition before that (for Europe/Moscow: the move to +03:00 on 26 October 2014, the only
   * one). Explicit transitions rather than ical4j's bundled definitions: ical4j 4.1.1 reads its own
   * Europe/Moscow as +04:00.
   */
  VTimeZone timeZone(Instant now) {
    ZoneRules rules = zone.getRules();
    VTimeZone timeZone = new VTimeZone();
    timeZone.add(new net.fortuna.ical4j.model.property.TzId(zone.getId()));
    Instant from = now.minus(ZONE_PAST);
    Instant to = now.plus(ZONE_FUTURE);
    List<ZoneOffsetTransition> transitions = new ArrayList<>();
    ZoneOffsetTransition before = rules.previousTransition(from);
    if (before != null) {
      transitions.add(before);
    }
    for (ZoneOffsetTransition t = rules.nextTransition(from);
        t != null && t.getInstant().isBefore(to);
        t = rules.nextTransition(t.getInstant())) {
      transitions.add(t);
    }
    if (transitions.isEmpty()) {
      // A zone that never changed (UTC): one observance of its one offset.
      Standard always = new Standard();
      always.add(new DtStart<>(java.time.LocalDateTime.of(1970, 1, 1, 0, 0)));
      always.add(new TzOffsetFrom(rules.getOffset(now)));
      always.add(new TzOffsetTo(rules.getOffset(now)));
      timeZone.add(always);
    }
    for (ZoneOffsetTransition t : transitions) {
      Observance o = rules.isDaylightSavings(t.getInstant()) ? new Daylight() : new Standard();
      o.add(new DtStart<>(t.getDateTimeBefore()));
      o.add(new TzOffsetFrom(t.getOffsetBefore()));
      o.add(new TzOffsetTo(t.getOffsetAfter()));
      timeZone.add(o);
    }
    return timeZone;
  }
}
