package ru.metodichka.wordio;

import com.vladsch.flexmark.html2md.converter.FlexmarkHtmlConverter;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * HTML from elsewhere (a clipboard filled by Word, LibreOffice or Google Docs, or a Word document
 * walked by {@link DocxToHtml}) to the Markdown pages are written in. Three steps: what the office
 * programs mean by their styles is made plain HTML (Word's list paragraphs become lists, Google
 * Docs' bold and italic spans become {@code <strong>} and {@code <em>}); the result is sanitised by
 * an allow-list of structural tags (nothing executable, no styles, no images); flexmark's html2md
 * converter writes the Markdown (GFM tables). Pure and thread-safe; blocks for as long as the input
 * is long: call on a worker.
 */
public final class HtmlToMarkdown {
  private static final Pattern MSO_LIST = Pattern.compile("mso-list:\\s*(l\\d+)\\s+level(\\d+)");
  private static final Pattern ORDERED_MARKER = Pattern.compile("^[\\p{L}\\p{N}]{1,6}[.)]$");
  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "p",
              "br",
              "hr",
              "ul",
              "ol",
              "li",
              "strong",
              "b",
              "em",
              "i",
              "s",
              "del",
              "strike",
              "sub",
              "sup",
              "code",
              "pre",
              "blockquote",
              "a",
              "table",
              "thead",
              "tbody",
              "tfoot",
              "tr",
              "th",
              "td",
              "caption")
          .allowStandardUrlProtocols()
          .allowAttributes("href")
          .onElements("a")
          .toFactory();
  private static final FlexmarkHtmlConverter CONVERTER =
      FlexmarkHtmlConverter.builder(
              new MutableDataSet()
                  .set(FlexmarkHtmlConverter.SETEXT_HEADINGS, false)
                  .set(FlexmarkHtmlConverter.OUTPUT_ATTRIBUTES_ID, false)
                  .set(FlexmarkHtmlConverter.OUTPUT_UNKNOWN_TAGS, false)
                  .set(FlexmarkHtmlConverter.TYPOGRAPHIC_QUOTES, false)
                  .set(FlexmarkHtmlConverter.TYPOGRAPHIC_SMARTS, false)
                  .set(FlexmarkHtmlConverter.LISTS_END_ON_DOUBLE_BLANK, false)
                  .set(FlexmarkHtmlConverter.NBSP_TEXT, " ")
                  .set(FlexmarkHtmlConverter.UNORDERED_LIST_DELIMITER, '-'))
          .build();

  private HtmlToMarkdown() {}

  /** Pasted or converted HTML as Markdown; "" for HTML with no text. */
  public static String convert(String html) {
    Document doc = Jsoup.parse(html == null ? "" : html);
    unwrapGoogleDocs(doc);
    styledSpans(doc);
    spacesOutsideEmphasis(doc);
    wordLists(doc.body());
    String safe = POLICY.sanitize(doc.body().html());
    String markdown = CONVERTER.convert(safe);
    return tidy(markdown);
  }

  /** Collapses runs of blank lines the office programs' empty paragraphs leave. */
  private static String tidy(String markdown) {
    String text = markdown.replace('\u00a0', ' ').replaceAll("\n{3,}", "\n\n").strip();
    return text.isEmpty() ? "" : text + "\n";
  }

  /**
   * Google Docs wraps the whole clipboard in {@code <b style="font-weight:normal"
   * id="docs-internal-guid-…">}: not bold at all.
   */
  private static void unwrapGoogleDocs(Document doc) {
    for (Element b : doc.select("b[id^=docs-internal-guid]")) {
      b.unwrap();
    }
  }

  /** Bold and italic said by styles (Google Docs, LibreOffice) become elements. */
  private static void styledSpans(Document doc) {
    for (Element span : doc.select("span[style]")) {
      String style = span.attr("style").toLowerCase(Locale.ROOT).replace(" ", "");
      boolean bold = style.contains("font-weight:700") || style.contains("font-weight:bold");
      boolean italic = style.contains("font-style:italic");
      if (bold && italic) {
        span.tagName("strong").attributes().remove("style");
        span.wrap("<em></em>");
      } else if (bold) {
        span.tagName("strong").attributes().remove("style");
      } else if (italic) {
        span.tagName("em").attributes().remove("style");
      }
    }
  }

  /**
   * A bold or italic run that ends or starts with a space («<b>Цель: </b>научить», as Word writes a
   * label) has the space moved outside it. The converter drops spaces inside emphasis, and
   * «**Цель:**научить» is no bold in Markdown: a closing {@code **} after a punctuation mark must
   * be followed by a space or a punctuation mark. Innermost first, so that a space bubbles out of
   * nested emphasis; emphasis with no text left is unwrapped.
   */
  private static void spacesOutsideEmphasis(Document doc) {
    List<Element> emphasis = new ArrayList<>(doc.select("strong, b, em, i, s, del, strike"));
    for (Element e : emphasis.reversed()) {
      if (e.text().isBlank()) {
        e.unwrap();
        continue;
      }
      if (e.childNodeSize() > 0 && e.childNode(0) instanceof TextNode first) {
        String text = first.getWholeText();
        String stripped = text.stripLeading();
        if (stripped.length() < text.length()) {
          first.text(stripped);
          e.before(new TextNode(" "));
        }
      }
      if (e.childNodeSize() > 0 && e.childNode(e.childNodeSize() - 1) instanceof TextNode last) {
        String text = last.getWholeText();
        String stripped = text.stripTrailing();
        if (stripped.length() < text.length()) {
          last.text(stripped);
          e.after(new TextNode(" "));
        }
      }
    }
  }

  /**
   * Word puts a list on the clipboard as paragraphs ({@code <p class=MsoListParagraph…
   * style="mso-list:l0 level2 lfo1">}) whose number or bullet is text in a span marked {@code
   * mso-list:Ignore}. Consecutive such paragraphs become one list, nested by their level, ordered
   * when the marker is a number or letter with a dot.
   */
  private static void wordLists(Element root) {
    for (Element container : new ArrayList<>(root.select("body, div, td, th, blockquote"))) {
      List<Element> run = new ArrayList<>();
      for (Element child : new ArrayList<>(container.children())) {
        if (isWordListItem(child)) {
          run.add(child);
        } else {
          flush(run);
        }
      }
      flush(run);
    }
  }

  private static boolean isWordListItem(Element e) {
    return e.tagName().equals("p") && MSO_LIST.matcher(style(e)).find();
  }

  private static String style(Element e) {
    return e.attr("style").toLowerCase(Locale.ROOT).replace('\n', ' ');
  }

  private static void flush(List<Element> run) {
    if (run.isEmpty()) {
      return;
    }
    List<ListNesting.Item> items = new ArrayList<>();
    for (Element p : run) {
      Matcher m = MSO_LIST.matcher(style(p));
      int level = m.find() ? Integer.parseInt(m.group(2)) : 1;
      String marker = "";
      for (Element ignore : p.select("span[style*=mso-list]")) {
        if (style(ignore).contains("ignore")) {
          marker = marker.isEmpty() ? ignore.text().strip() : marker;
          ignore.remove();
        }
      }
      boolean ordered = ORDERED_MARKER.matcher(marker.replace('\u00a0', ' ').strip()).matches();
      items.add(new ListNesting.Item(level, ordered, p.html()));
    }
    Element list = ListNesting.build(items);
    run.getFirst().before(list);
    run.forEach(Element::remove);
    run.clear();
  }
}
