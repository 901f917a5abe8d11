package ru.metodichka.render;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * The one sanitizer policy every rendered page goes through. flexmark passes raw HTML along, so
 * this is what makes the output safe: an element, attribute or URL not allowed here is dropped (the
 * text inside a dropped element stays, escaped). Nothing here allows scripts, styles, event
 * handlers, frames, objects, forms, SVG or MathML; URLs are http, https, mailto or relative.
 */
final class HtmlPolicy {
  // Heading ids, which flexmark makes from the heading text ("Проектная деятельность" becomes
  // "проектная-деятельность"): letters of any script, digits, '-' and '_', so an id can neither
  // leave its attribute nor pose as a URL. Long headings make long ids.
  private static final Pattern HEADING_ID = Pattern.compile("[\\p{L}\\p{M}\\p{N}_-]{1,300}");
  // flexmark's footnotes: "fn-2" on the note, "fnref-2" and "fnref-2-1" on its references.
  private static final Pattern NOTE_ID = Pattern.compile("fn-\\d{1,5}");
  private static final Pattern NOTE_REF_ID = Pattern.compile("fnref-\\d{1,5}(?:-\\d{1,5})?");
  // The language of a fenced code block, for highlighting in the browser ("```js"), as CommonMark
  // takes it: the info string's first word, any characters but spaces. Inert in a class (the
  // sanitizer escapes the value); no class of the site's own starts with "language-".
  private static final Pattern CODE_CLASS = Pattern.compile("language-\\S{1,40}");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,9}");

  static final PolicyFactory POLICY = build();

  private HtmlPolicy() {}

  static String sanitize(String html) {
    return POLICY.sanitize(html);
  }

  private static PolicyFactory build() {
    HtmlPolicyBuilder policy = new HtmlPolicyBuilder();
    allowCommonMark(policy);
    allowExtensions(policy);
    allowHarmlessRawHtml(policy);
    allowLinksAndImages(policy);
    allowOwnClasses(policy);
    // Links that leave the site get rel="nofollow noopener".
    return policy.withPostprocessor(ExternalLinkRel::new).toFactory();
  }

  /** What CommonMark itself produces. */
  private static void allowCommonMark(HtmlPolicyBuilder policy) {
    policy
        // Paragraphs, quotes, breaks, lists, emphasis, headings, code; a and img get their
        // attributes in allowLinksAndImages.
        .allowElements("p", "blockquote", "hr", "br", "ul", "ol", "li", "em", "strong")
        .allowElements("h1", "h2", "h3", "h4", "h5", "h6", "pre", "code", "a", "img")
        // "3. third" starts an ordered list at 3.
        .allowAttributes("start")
        .matching(NUMBER)
        .onElements("ol")
        // Heading ids are what "#section" links and the table of contents point at.
        .allowAttributes("id")
        .matching(HEADING_ID)
        .onElements("h1", "h2", "h3", "h4", "h5", "h6");
  }

  /** What the GFM tables, strikethrough, task list and footnote extensions produce. */
  private static void allowExtensions(HtmlPolicyBuilder policy) {
    policy
        // Tables, and del for ~~strikethrough~~.
        .allowElements("table", "thead", "tbody", "tr", "th", "td", "del")
        // Column alignment from the ":--:" separator row; a fixed set of keywords.
        .allowAttributes("align")
        .matching(true, "left", "center", "right")
        .onElements("th", "td")
        // Footnotes: a superscript reference, and the notes in a div at the end (section is how
        // other renderers, and authors pasting from them, wrap notes). Ids are what the note and
        // back links jump between.
        .allowElements("sup", "div", "section")
        .allowAttributes("id")
        .matching(NOTE_REF_ID)
        .onElements("sup")
        .allowAttributes("id")
        .matching(NOTE_ID)
        .onElements("li")
        // Task lists: a checkbox, only ever as a disabled checkbox (see checkboxOnly), so no page
        // holds a live form control; "checked" shows a done item.
        .allowElements(HtmlPolicy::checkboxOnly, "input")
        .allowAttributes("type")
        .matching(true, "checkbox")
        .onElements("input")
        .allowAttributes("checked", "disabled")
        .onElements("input");
  }

  /**
   * Raw HTML authors use for formatting that Markdown lacks (spoilers with answers, keyboard keys,
   * chemical formulas, definition lists). None of these can run code or load anything.
   */
  private static void allowHarmlessRawHtml(HtmlPolicyBuilder policy) {
    policy
        .allowElements("b", "i", "u", "s", "ins", "sub", "mark", "kbd", "samp", "var", "small")
        .allowElements("abbr", "cite", "q", "span", "dl", "dt", "dd", "figure", "figcaption")
        .allowElements("details", "summary", "caption", "tfoot")
        // A spoiler may start open.
        .allowAttributes("open")
        .onElements("details")
        // Hand-written tables merge cells.
        .allowAttributes("colspan", "rowspan")
        .matching(NUMBER)
        .onElements("th", "td")
        // Expansions of abbreviations; plain text.
        .allowAttributes("title")
        .onElements("abbr");
  }

  /** Where links and images may point: http, https, mailto (links only) and relative URLs. */
  private static void allowLinksAndImages(HtmlPolicyBuilder policy) {
    policy
        // Applies to every URL attribute; relative URLs ("/c/…", "#цели", "файл.pdf") always pass.
        .allowUrlProtocols("http", "https", "mailto")
        // title: Markdown link titles, and the "not written yet" hint on missing wiki links.
        .allowAttributes("href", "title")
        .onElements("a")
        // An image is fetched by the reader's browser: only from the web or this site.
        .allowAttributes("src")
        .matching((element, attribute, value) -> isWebOrRelative(value) ? value : null)
        .onElements("img")
        // Text alternatives for readers who cannot see the image.
        .allowAttributes("alt", "title")
        .onElements("img")
        // Hand-written image sizes, in pixels (and those of a page's own images).
        .allowAttributes("width", "height")
        .matching(NUMBER)
        .onElements("img")
        // A page's own images load as the reader scrolls to them.
        .allowAttributes("loading")
        .matching(true, "lazy")
        .onElements("img");
  }

  /**
   * The classes our renderer emits and the site's stylesheet knows; any other class is dropped, so
   * authors cannot borrow the site's own styles or script hooks.
   */
  private static void allowOwnClasses(HtmlPolicyBuilder policy) {
    policy
        .allowAttributes("class")
        .matching(
            true,
            "wikilink",
            "wikilink wikilink-missing",
            "footnote-ref",
            "footnote-backref",
            "attachment-image",
            "attachment-file")
        .onElements("a")
        .allowAttributes("class")
        .matching(CODE_CLASS)
        .onElements("code")
        .allowAttributes("class")
        .matching(true, "task-list-item")
        .onElements("li")
        .allowAttributes("class")
        .matching(true, "task-list-item-checkbox")
        .onElements("input")
        .allowAttributes("class")
        .matching(true, "footnotes")
        .onElements("div")
        .allowAttributes("class")
        .matching(true, "wikilink-missing", "attachment-missing")
        .onElements("span");
  }

  /** Keeps an input only when it is a checkbox, and always disables it. */
  private static String checkboxOnly(String element, List<String> attributes) {
    // Attribute policies ran first, so a remaining "type" is "checkbox"; without one the browser
    // would make a text field. Names are at even positions, values at odd ones.
    boolean checkbox = false;
    boolean disabled = false;
    for (int i = 0; i < attributes.size(); i += 2) {
      checkbox |= attributes.get(i).equals("type");
      disabled |= attributes.get(i).equals("disabled");
    }
    if (!checkbox) {
      return null;
    }
    if (!disabled) {
      attributes.add("disabled");
      attributes.add("disabled");
    }
    return element;
  }

  /** True for http(s) URLs and for URLs without a scheme (relative to this site). */
  private static boolean isWebOrRelative(String url) {
    String lower = url.strip().toLowerCase(Locale.ROOT);
    for (int i = 0; i < lower.length(); i++) {
      switch (lower.charAt(i)) {
        case '/', '?', '#' -> {
          return true;
        }
        case ':' -> {
          return lower.startsWith("http:") || lower.startsWith("https:");
        }
        default -> {}
      }
    }
    return true;
  }
}
