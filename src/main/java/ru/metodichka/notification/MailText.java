package ru.metodichka.notification;

import java.text.MessageFormat;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import ru.metodichka.web.Locales;
import ru.metodichka.web.Redirect;

/**
 * The Russian text of notification e-mails: a subject, the sentence, a link to the thing, and at
 * the foot where to change the settings and the one-click unsubscribe link.
 */
final class MailText {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", Locales.RUSSIAN);
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locales.RUSSIAN);
  private final ResourceBundle strings = Locales.bundle("i18n/notification", Locales.RUSSIAN);
  private final ZoneId zone;

  MailText(ZoneId zone) {
    this.zone = zone;
  }

  record Text(String subject, String body) {}

  /** One notification's mail; {@code base} the site's address, {@code extra} a line or null. */
  Text single(Notification n, String recipient, String base, String extra, String unsubscribe) {
    String sentence = sentence(n);
    StringBuilder body = new StringBuilder();
    body.append(t("mail.greeting", recipient)).append("\n\n").append(sentence).append('\n');
    if (extra != null && !extra.isBlank()) {
      body.append(t("mail.remoteLink", extra)).append('\n');
    }
    body.append('\n').append(t("mail.open", absolute(base, n.link()))).append('\n');
    footer(body, base, unsubscribe);
    return new Text(t("mail.subject", sentence), body.toString());
  }

  /** A daily digest of several notifications. */
  Text digest(List<Notification> notes, String recipient, String base, String unsubscribe) {
    StringBuilder body = new StringBuilder();
    body.append(t("mail.greeting", recipient)).append("\n\n").append(t("mail.digestIntro"));
    body.append("\n\n");
    for (Notification n : notes) {
      body.append("• ").append(sentence(n)).append("\n  ").append(absolute(base, n.link()));
      body.append("\n\n");
    }
    footer(body, base, unsubscribe);
    return new Text(t("mail.digestSubject", notes.size()), body.toString());
  }

  private void footer(StringBuilder body, String base, String unsubscribe) {
    body.append("\n-- \n")
        .append(t("mail.why"))
        .append('\n')
        .append(t("mail.settings", base + "/me/notifications/settings"))
        .append('\n')
        .append(t("mail.unsubscribe", unsubscribe))
        .append('\n');
  }

  String sentence(Notification n) {
    String key = NoticeText.key(n);
    if (!strings.containsKey(key)) {
      key = "notice.fallback";
    }
    return new MessageFormat(strings.getString(key), Locales.RUSSIAN)
        .format(NoticeText.args(n, time(n)));
  }

  private String time(Notification n) {
    OffsetDateTime at = n.at();
    if (at == null) {
      return "";
    }
    return (n.kind().dateOnly() ? DATE : TIME).format(at.atZoneSameInstant(zone));
  }

  static String absolute(String base, String path) {
    return base + Redirect.encoded(path);
  }

  private String t(String key, Object... args) {
    return new MessageFormat(strings.getString(key), Locale.forLanguageTag("ru")).format(args);
  }
}
