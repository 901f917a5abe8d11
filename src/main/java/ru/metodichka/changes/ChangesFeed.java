package ru.metodichka.changes;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ResourceBundle;
import ru.metodichka.bank.Xml;
import ru.metodichka.web.Locales;
import ru.metodichka.web.Redirect;

/**
 * The Atom feed (RFC 4287) of recent changes for one user: each revision they may see, linked to
 * its difference from the previous revision. In Russian whatever the reader's language, like the
 * bank's feed. The feed's own address is not written into it (it carries the user's secret token).
 */
final class ChangesFeed {
  private static final String NAMESPACE = "http://www.w3.org/2005/Atom";
  private static final ResourceBundle RUSSIAN = Locales.bundle("i18n/review", Locales.RUSSIAN);
  private static final ResourceBundle UI = Locales.bundle("i18n/ui", Locales.RUSSIAN);

  private ChangesFeed() {}

  static String xml(String base, String userName, ChangeSlice slice, OffsetDateTime now) {
    Xml xml = new Xml().root("feed", NAMESPACE).attribute("xml:lang", "ru");
    String host = URI.create(base).getHost();
    xml.element("id", "tag:" + host + ",2026:changes")
        .element("title", RUSSIAN.getString("changes.feed.title") + " — " + userName)
        .element(
            "updated",
            Xml.time(slice.items().isEmpty() ? now : slice.items().getFirst().createdAt()))
        .empty("link", "rel", "alternate", "type", "text/html", "href", base + "/changes")
        .start("author")
        .element("name", UI.getString("site.name"))
        .end();
    for (ChangeEntry e : slice.items()) {
      entry(xml, base, host, e);
    }
    return xml.finish();
  }

  private static void entry(Xml xml, String base, String host, ChangeEntry e) {
    String page = base + Redirect.encoded(e.path());
    String link =
        e.revision() > 1
            ? page + "/diff?from=" + (e.revision() - 1) + "&to=" + e.revision()
            : page + "/revisions/" + e.revision();
    StringBuilder summary = new StringBuilder(e.communityName());
    if (e.summary() != null && !e.summary().isBlank()) {
      summary.append(": ").append(e.summary());
    }
    for (String mark : e.marks()) {
      summary.append(" · ").append(RUSSIAN.getString("changes.mark." + mark));
    }
    xml.start("entry")
        .element("id", "tag:" + host + ",2026:revision/" + e.id())
        .element(
            "title",
            e.title() + " (" + RUSSIAN.getString("changes.revision") + " " + e.revision() + ")")
        .empty("link", "rel", "alternate", "type", "text/html", "href", link)
        .element("updated", Xml.time(e.createdAt()))
        .start("author")
        .element("name", e.author().name())
        .end()
        .start("summary")
        .attribute("type", "text")
        .text(summary.toString())
        .end()
        .end();
  }
}
