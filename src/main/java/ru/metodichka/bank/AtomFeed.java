package ru.metodichka.bank;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.ResourceBundle;
import ru.metodichka.page.FirstParagraph;
import ru.metodichka.web.Locales;
import ru.metodichka.web.Redirect;

/**
 * {@code /bank/feed.atom} (RFC 4287): the newest materials of the bank. In Russian whatever the
 * reader's language: a feed is one document for every subscriber.
 */
final class AtomFeed {
  static final String NAMESPACE = "http://www.w3.org/2005/Atom";
  private static final int SUMMARY_CHARS = 500;
  private static final ResourceBundle RUSSIAN = Locales.bundle("i18n/bank", Locales.RUSSIAN);
  private static final ResourceBundle KINDS = Locales.bundle("i18n/ui", Locales.RUSSIAN);

  private AtomFeed() {}

  /**
   * @param now the feed's {@code updated} when there are no entries yet
   */
  static String xml(String base, List<BankRepository.FeedEntry> entries, OffsetDateTime now) {
    String self = base + "/bank/feed.atom";
    Xml xml = new Xml().root("feed", NAMESPACE).attribute("xml:lang", "ru");
    xml.element("id", self)
        .element("title", RUSSIAN.getString("bank.feed.title"))
        .element("subtitle", RUSSIAN.getString("bank.feed.subtitle"))
        .element("updated", Xml.time(updated(entries, now)))
        .empty("link", "rel", "self", "type", "application/atom+xml", "href", self)
        .empty("link", "rel", "alternate", "type", "text/html", "href", base + "/bank")
        // Entries always name their authors; this covers a feed reader that wants one up here.
        .start("author")
        .element("name", KINDS.getString("site.name"))
        .end();
    String host = URI.create(base).getHost();
    for (BankRepository.FeedEntry entry : entries) {
      entry(xml, base, host, entry);
    }
    return xml.finish();
  }

  private static void entry(Xml xml, String base, String host, BankRepository.FeedEntry e) {
    String url = base + Redirect.encoded("/c/" + e.community() + "/" + e.slug());
    String summary = FirstParagraph.of(e.markdown(), SUMMARY_CHARS);
    xml.start("entry")
        .element("id", tag(host, e))
        .element("title", e.title())
        .empty("link", "rel", "alternate", "type", "text/html", "href", url)
        .element("published", Xml.time(e.publishedAt()))
        .element("updated", Xml.time(e.updatedAt()));
    for (String author : e.authors()) {
      xml.start("author").element("name", author).end();
    }
    xml.empty(
            "category",
            "term",
            e.kind(),
            "label",
            KINDS.getString("kind." + e.kind()),
            "scheme",
            base + "/bank#kind")
        .start("summary")
        .attribute("type", "text")
        .text(summary.isEmpty() ? e.communityName() : summary)
        .end()
        .end();
  }

  /**
   * A tag URI (RFC 4151) from the page's database id and the day it was created: it stays the same
   * when the page is renamed or moved, so readers do not show an old material as new.
   */
  static String tag(String host, BankRepository.FeedEntry e) {
    String day = e.createdAt().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().toString();
    return "tag:" + host + "," + day + ":page/" + e.id();
  }

  private static OffsetDateTime updated(
      List<BankRepository.FeedEntry> entries, OffsetDateTime now) {
    return entries.stream()
        .map(BankRepository.FeedEntry::updatedAt)
        .max(OffsetDateTime::compareTo)
        .orElse(now);
  }
}
