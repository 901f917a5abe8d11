package ru.metodichka.render;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamEventReceiverWrapper;
import org.owasp.html.PolicyFactory;

/**
 * The one sanitizer policy every rendered page goes through. flexmark passes raw HTML along, so
 * this is what makes the output safe: anything not allowed here is dropped.
 */
final class HtmlPolicy {
  // Heading and footnote ids: letters of any script, digits, '-' and '_' — nothing that could
  // break out of an attribute or look like a URL.
  private static final Pattern SAFE_ID = Pattern.compile("[\\p{L}\\p{N}_-]{1,120}");
  // Only the classes our own renderer emits, so authors cannot borrow the site's styles or hooks.
  private static final Pattern OUR_CLASSES =
      Pattern.compile(
          "(?:(?:language-[A-Za-z0-9_+#-]{1,30}|wikilink|wikilink-missing|task-list-item"
              + "|task-list-item-checkbox|footnote-ref|footnote-backref|footnotes)(?:\\s+|$))+");
  private static final String[] HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"};

  static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          // The block and inline elements CommonMark and GFM produce, plus harmless HTML authors
          // use.
          .allowElements(
              "p",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "blockquote",
              "pre",
              "code",
              "hr",
              "br",
              "ul",
              "ol",
              "li",
              "dl",
              "dt",
              "dd",
              "em",
              "strong",
              "b",
              "i",
              "u",
              "s",
              "del",
              "ins",
              "sub",
              "sup",
              "mark",
              "kbd",
              "abbr",
              "small",
              "span",
              "div",
              "details",
              "summary",
              "table",
              "thead",
              "tbody",
              "tfoot",
              "tr",
              "th",
              "td",
              "caption",
              "a",
              "img")
          // Task lists: the checkbox only, always disabled, so no page contains a live form
          // control.
          .allowElements(HtmlPolicy::checkboxOnly, "input")
          .allowAttributes("type")
          .matching(true, "checkbox")
          .onElements("input")
          .allowAttributes("checked", "disabled")
          .onElements("input")
          .allowAttributes("id")
          .matching(SAFE_ID)
          .onElements(HEADINGS)
          .allowAttributes("id")
          .matching(SAFE_ID)
          .onElements("li", "sup", "div")
          .allowAttributes("class")
          .matching(OUR_CLASSES)
          .onElements("a", "code", "li", "input", "div", "sup")
          // Links and images: http, https, mailto and relative URLs; never javascript:, vbscript:
          // or data:.
          .allowAttributes("href")
          .onElements("a")
          .allowAttributes("src", "alt", "width", "height")
          .onElements("img")
          .allowUrlProtocols("http", "https", "mailto")
          .allowAttributes("title")
          .globally()
          .allowAttributes("align")
          .matching(true, "left", "center", "right")
          .onElements("th", "td")
          .allowAttributes("start")
          .matching(Pattern.compile("\\d{1,9}"))
          .onElements("ol")
          .allowAttributes("open")
          .onElements("details")
          .allowAttributes("colspan", "rowspan")
          .matching(Pattern.compile("\\d{1,3}"))
          .onElements("th", "td")
          .withPostprocessor(ExternalLinks::new)
          .toFactory();

  private HtmlPolicy() {}

  static String sanitize(String html) {
    return POLICY.sanitize(html);
  }

  private static String checkboxOnly(String element, List<String> attributes) {
    for (int i = 0; i + 1 < attributes.size(); i += 2) {
      if (attributes.get(i).equals("type") && attributes.get(i + 1).equalsIgnoreCase("checkbox")) {
        if (!attributes.contains("disabled")) {
          attributes.add("disabled");
          attributes.add("disabled");
        }
        return element;
      }
    }
    return null;
  }

  /** Gives links that leave the site {@code rel="nofollow noopener"}. */
  @SuppressWarnings("try") // close() is the wrapper's, inherited unchanged
  private static final class ExternalLinks extends HtmlStreamEventReceiverWrapper {
    ExternalLinks(HtmlStreamEventReceiver sink) {
      super(sink);
    }

    @Override
    public void openTag(String element, List<String> attributes) {
      if (element.equals("a") && isExternal(attributes)) {
        attributes.add("rel");
        attributes.add("nofollow noopener");
      }
      super.openTag(element, attributes);
    }

    private static boolean isExternal(List<String> attributes) {
      for (int i = 0; i + 1 < attributes.size(); i += 2) {
        if (attributes.get(i).equals("href")) {
          String href = attributes.get(i + 1).strip().toLowerCase(Locale.ROOT);
          return href.startsWith("http:") || href.startsWith("https:") || href.startsWith("//");
        }
      }
      return false;
    }
  }
}
