package ru.metodichka.render;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.gfm.tasklist.TaskListExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.wikilink.WikiLinkExtension;
import com.vladsch.flexmark.ext.wikilink.WikiNode;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.NodeVisitor;
import com.vladsch.flexmark.util.ast.VisitHandler;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Markdown to safe HTML: flexmark (CommonMark with GFM tables, strikethrough, task lists,
 * autolinks, footnotes, heading ids and wiki links), then the sanitizer's {@link HtmlPolicy}.
 * Thread-safe and costly to build: make one and reuse it for pages, previews and exports.
 *
 * <p>Each call gives flexmark a time budget (see {@link TimedText}): a text it cannot render in
 * time is shown as written. Calls take up to the budget: run them on a worker, never on an event
 * loop.
 */
public final class MarkdownRenderer {
  /**
   * How long one parse and render may take. The largest legitimate page (1 MB, the request limit,
   * of real articles) renders in about 0.3 s on a busy two-core machine; the inputs flexmark parses
   * in quadratic time take minutes.
   */
  public static final Duration BUDGET = Duration.ofSeconds(3);

  private static final Logger LOG = LoggerFactory.getLogger(MarkdownRenderer.class);
  private final Parser parser;
  private final HtmlRenderer renderer;
  private final Duration budget;

  /** Builds the parser, the HTML renderer and (once per class) the sanitizer policy. */
  public MarkdownRenderer() {
    this(BUDGET);
  }

  /** A renderer with another time budget per call (tests use a short one). */
  public MarkdownRenderer(Duration budget) {
    this.budget = Objects.requireNonNull(budget, "budget");
    DataHolder options = options();
    this.parser = Parser.builder(options).build();
    this.renderer =
        HtmlRenderer.builder(options)
            // Ours take precedence over the core and extension renderers of the same nodes.
            .nodeRendererFactory(unused -> new WikiLinkNodeRenderer())
            .nodeRendererFactory(unused -> new TextNodeRenderer())
            .nodeRendererFactory(unused -> new AttachmentNodeRenderer())
            .build();
  }

  /**
   * Renders and sanitises. Never returns unsafe HTML, whatever the input; never loses the text:
   * what cannot be rendered within the budget (or nests too deeply) is shown as written,
   * preformatted.
   *
   * @param resolver decides each wiki link's address and whether its page exists
   */
  public String render(String markdown, WikiLinkResolver resolver) {
    return render(markdown, resolver, AttachmentResolver.NONE);
  }

  /**
   * Renders and sanitises a page's text, its references to its files ({@code
   * ![подпись](attachment:схема.png)}) resolved by {@code files}; see {@link #render(String,
   * WikiLinkResolver)}.
   */
  public String render(String markdown, WikiLinkResolver resolver, AttachmentResolver files) {
    Objects.requireNonNull(markdown, "markdown");
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(files, "files");
    try {
      return HtmlPolicy.sanitize(renderer.render(parse(markdown, resolver, files)));
    } catch (StackOverflowError e) {
      // flexmark recurses per nesting level and some of its regular expressions per character:
      // about a thousand '>' or two thousand '*' in a row exhaust a default thread stack. Nothing
      // shared is left half-done (each call has its own document), so show the text as written.
      LOG.warn(
          "Markdown of {} characters nests too deeply to render; shown as text", markdown.length());
      return asText(markdown);
    } catch (TimedText.OutOfTime e) {
      LOG.warn(
          "Markdown of {} characters took over {} ms to render; shown as text",
          markdown.length(),
          budget.toMillis());
      return asText(markdown);
    }
  }

  /** flexmark's HTML before the sanitizer, for tests that tell apart what each stage does. */
  String unsanitized(String markdown, WikiLinkResolver resolver) {
    return renderer.render(parse(markdown, resolver, AttachmentResolver.NONE));
  }

  /** The text as written, escaped, in a {@code <pre>}: what a page shows when it cannot render. */
  static String asText(String markdown) {
    return HtmlPolicy.sanitize("<pre>" + TextNodeRenderer.escape(markdown) + "</pre>");
  }

  /**
   * Whether {@link #wikiLinks} may find any: false for a text without {@code [[}, which is told
   * without parsing it.
   */
  public static boolean mayHaveWikiLinks(String markdown) {
    return markdown.contains("[[");
  }

  /**
   * Distinct wiki links in order of first appearance. Links inside code spans and code blocks are
   * text, not links; so are {@code [[]]} and {@code [[|text]]}. Text too deeply nested or too slow
   * to parse has no links, as {@link #render} shows it as plain text. Takes up to the budget.
   */
  public List<WikiLink> wikiLinks(String markdown) {
    Objects.requireNonNull(markdown, "markdown");
    if (!mayHaveWikiLinks(markdown)) {
      // Most pages have no wiki link, and parsing a long page only to learn that took a tenth of a
      // save's time.
      return List.of();
    }
    Set<WikiLink> links = new LinkedHashSet<>();
    NodeVisitor visitor =
        new NodeVisitor(
            new VisitHandler<>(
                com.vladsch.flexmark.ext.wikilink.WikiLink.class, node -> add(links, node)));
    try {
      visitor.visit(parser.parse(TimedText.of(markdown, budget)));
    } catch (StackOverflowError | TimedText.OutOfTime e) {
      LOG.warn("Markdown of {} characters could not be parsed for links", markdown.length());
      return List.of();
    }
    return List.copyOf(links);
  }

  private Document parse(String markdown, WikiLinkResolver resolver, AttachmentResolver files) {
    Document document = parser.parse(TimedText.of(markdown, budget));
    FootnoteOrder.fix(document);
    // The resolvers travel with this document only, so concurrent renders never share one.
    document.set(WikiLinkNodeRenderer.RESOLVER, resolver);
    document.set(AttachmentNodeRenderer.RESOLVER, files);
    return document;
  }

  private static void add(Set<WikiLink> links, WikiNode node) {
    WikiLink link = WikiLinkSyntax.link(node);
    if (!link.target().isEmpty()) {
      links.add(link);
    }
  }

  /**
   * The parser options pages are rendered with (extensions, wiki-link syntax), for other readers of
   * the same Markdown such as the search index's plain-text extraction.
   */
  public static DataHolder parserOptions() {
    return options();
  }

  private static DataHolder options() {
    return new MutableDataSet()
        .set(
            Parser.EXTENSIONS,
            List.of(
                TablesExtension.create(),
                StrikethroughExtension.create(),
                TaskListExtension.create(),
                AutolinkExtension.create(),
                FootnoteExtension.create(),
                WikiLinkExtension.create()))
        // [[Target|text]]: the target first, as in MediaWiki, which teachers are most likely to
        // have seen; a '#' is part of the target, for the resolver to interpret.
        .set(WikiLinkExtension.LINK_FIRST_SYNTAX, true)
        .set(WikiLinkExtension.ALLOW_ANCHORS, false)
        // Tables as GitHub makes them: "|-|" is enough of a separator, one header row, rows
        // padded or cut to the header's width, no column spans.
        .set(TablesExtension.MIN_SEPARATOR_DASHES, 1)
        .set(TablesExtension.MAX_HEADER_ROWS, 1)
        .set(TablesExtension.COLUMN_SPANS, false)
        .set(TablesExtension.APPEND_MISSING_COLUMNS, true)
        .set(TablesExtension.DISCARD_EXTRA_COLUMNS, true)
        .set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, true)
        // Ids on headings so that "#section" links and a table of contents work; flexmark keeps
        // Cyrillic letters ("## Цели урока" gets id "цели-урока").
        .set(HtmlRenderer.GENERATE_HEADER_ID, true)
        .set(HtmlRenderer.RENDER_HEADER_ID, true)
        .toImmutable();
  }
}
