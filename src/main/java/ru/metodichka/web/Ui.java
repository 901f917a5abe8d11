package ru.metodichka.web;

import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import ru.metodichka.auth.CurrentUser;

/**
 * What every template needs about the request it answers: the language and its strings, the user,
 * the CSRF token for forms, and dates formatted in the site's time zone. One per request.
 */
public final class Ui {
  private static final DateTimeFormatter RU_DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locales.RUSSIAN);
  private static final DateTimeFormatter RU_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locales.RUSSIAN);
  private static final DateTimeFormatter EN_DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter EN_DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
  private final RoutingContext ctx;
  private final Csrf csrf;
  private final Locale locale;

  /**
   * The UI's strings, one bundle per feature so features do not edit one shared file; a key is
   * looked up in each in turn. Russian is each bundle's base file, English its {@code _en} file.
   */
  static final List<String> BUNDLES =
      List.of(
          "i18n/ui",
          "i18n/editor",
          "i18n/history",
          "i18n/admin",
          "i18n/search",
          "i18n/bank",
          "i18n/review",
          "i18n/lifecycle",
          "i18n/plan",
          "i18n/orders",
          "i18n/structure",
          "i18n/expert",
          "i18n/evaluation",
          "i18n/discussion",
          "i18n/meeting",
          "i18n/accounts",
          "i18n/attachments",
          "i18n/notification");

  private List<ResourceBundle> strings; // looked up on the first string asked for
  private final ZoneId zone;
  private String csrfToken;

  Ui(RoutingContext ctx, Csrf csrf, ZoneId zone) {
    this.ctx = ctx;
    this.csrf = csrf;
    this.locale = Locales.of(ctx);
    this.zone = zone;
  }

  /**
   * The bundles of the request's language, looked up when a string is first asked for: a page
   * served from memory (an anonymous visitor's cached page view) asks for none.
   */
  private List<ResourceBundle> strings() {
    if (strings == null) {
      strings = BUNDLES.stream().map(name -> Locales.bundle(name, locale)).toList();
    }
    return strings;
  }

  /** The string for a key in the user's language; {@code {0}}-style arguments are filled in. */
  public String t(String key, Object... args) {
    for (ResourceBundle bundle : strings()) {
      if (bundle.containsKey(key)) {
        String text = bundle.getString(key);
        return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
      }
    }
    return key;
  }

  /**
   * A count with the noun in the right form: {@code key.one}, {@code key.few} or {@code key.many}
   * (Russian: 1 участник, 3 участника, 5 участников, 21 участник).
   */
  public String count(String key, long n) {
    return t(key + "." + pluralForm(lang(), n), n);
  }

  static String pluralForm(String lang, long n) {
    if (!lang.equals("ru")) {
      return n == 1 ? "one" : "many";
    }
    long tens = n % 100;
    long units = n % 10;
    if (units == 1 && tens != 11) {
      return "one";
    }
    return units >= 2 && units <= 4 && (tens < 12 || tens > 14) ? "few" : "many";
  }

  /** {@code ru} or {@code en}, for {@code <html lang>}. */
  /** The site's time zone, in which dates are shown ({@code ui.time-zone}). */
  public ZoneId zone() {
    return zone;
  }

  public String lang() {
    return locale.getLanguage();
  }

  public Locale locale() {
    return locale;
  }

  public CurrentUser user() {
    return CurrentUser.of(ctx);
  }

  /** Where the number of things waiting for the user's decision is kept for the request. */
  public static final String ATTENTION = "metodichka.attention";

  /**
   * How many things wait for this user's decision (join requests in the communities they
   * moderate…), for the header; 0 for visitors.
   */
  public long attention() {
    Long count = ctx.get(ATTENTION);
    return count == null ? 0 : count;
  }

  /** Where the number of the user's unread notifications is kept for the request. */
  public static final String UNREAD = "metodichka.unread";

  /** How many of the user's notifications are unread, for the header; 0 for visitors. */
  public long unread() {
    Long count = ctx.get(UNREAD);
    return count == null ? 0 : count;
  }

  /** Where a feature notes for the request that the user holds the expert right (§5.2). */
  public static final String EXPERT = "metodichka.expert";

  /** Whether the user holds the expert right, for the header's «Мои экспертизы». */
  public boolean expert() {
    return Boolean.TRUE.equals(ctx.get(EXPERT));
  }

  public boolean loggedIn() {
    return !user().anonymous();
  }

  /** The token every form must carry in the hidden field {@value Csrf#FIELD}. */
  public String csrf() {
    if (csrfToken == null) {
      csrfToken = csrf.token(ctx);
    }
    return csrfToken;
  }

  /** The path and query of this request, to come back to after logging in or switching language. */
  public String here() {
    return ctx.request().uri();
  }

  /** {@link #here()} encoded for a {@code ?back=} parameter, its own query included. */
  public String hereAsParam() {
    return URLEncoder.encode(here(), StandardCharsets.UTF_8);
  }

  /** A timestamp from the API ({@code 2026-11-27T10:15:00Z}) as people read it, or "" if absent. */
  public String dateTime(String rfc3339) {
    return formatDateTime(rfc3339, zone, lang());
  }

  public String date(String rfc3339) {
    return formatDate(rfc3339, zone, lang());
  }

  static String formatDateTime(String rfc3339, ZoneId zone, String lang) {
    return format(rfc3339, zone, lang.equals("en") ? EN_DATE_TIME : RU_DATE_TIME);
  }

  static String formatDate(String rfc3339, ZoneId zone, String lang) {
    return format(rfc3339, zone, lang.equals("en") ? EN_DATE : RU_DATE);
  }

  /** The machine-readable form for {@code <time datetime>}. */
  public String isoDateTime(String rfc3339) {
    return rfc3339 == null ? "" : rfc3339;
  }

  /** A moment as people read it, in the site's time zone; "" for none. */
  public String dateTime(OffsetDateTime time) {
    return time == null ? "" : dateTime(iso(time));
  }

  public String date(OffsetDateTime time) {
    return time == null ? "" : date(iso(time));
  }

  /** The machine-readable form for {@code <time datetime>}; "" for none. */
  public String isoDateTime(OffsetDateTime time) {
    return time == null ? "" : iso(time);
  }

  /** The day of a moment in the site's time zone as {@code 2026-12-01}, for date inputs. */
  public String isoDate(OffsetDateTime time) {
    return time == null ? "" : time.atZoneSameInstant(zone).toLocalDate().toString();
  }

  private static String iso(OffsetDateTime time) {
    return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  public String kind(String code) {
    return t("kind." + code);
  }

  public String status(String code) {
    return t("status." + code);
  }

  public String role(String code) {
    return code == null ? "" : t("role." + code);
  }

  /** A size change for history lists: {@code +120}, {@code −45}, {@code 0}. */
  public String delta(int chars) {
    return chars > 0 ? "+" + chars : chars < 0 ? "−" + (-chars) : "0";
  }

  private static String format(String rfc3339, ZoneId zone, DateTimeFormatter formatter) {
    if (rfc3339 == null || rfc3339.isEmpty()) {
      return "";
    }
    try {
      return OffsetDateTime.parse(rfc3339).atZoneSameInstant(zone).format(formatter);
    } catch (DateTimeParseException e) {
      return rfc3339;
    }
  }
}
