package ru.metodichka.render;

import com.vladsch.flexmark.ext.wikilink.WikiNode;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.NullableDataKey;
import java.util.Objects;
import java.util.Set;

/**
 * Renders flexmark's wiki link nodes through the resolver stored on the document being rendered, so
 * one renderer serves every page while each render resolves links its own way.
 */
final class WikiLinkNodeRenderer implements NodeRenderer {
  /** Where {@link MarkdownRenderer#render} puts the caller's resolver for this one document. */
  static final NullableDataKey<WikiLinkResolver> RESOLVER =
      new NullableDataKey<>("METODICHKA_WIKI_LINK_RESOLVER");

  private static final String MISSING_TITLE = "Страница ещё не создана";

  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    // flexmark's node class shares its simple name with our record, hence the full name.
    return Set.of(
        new NodeRenderingHandler<>(
            com.vladsch.flexmark.ext.wikilink.WikiLink.class, WikiLinkNodeRenderer::render));
  }

  private static void render(WikiNode node, NodeRendererContext context, HtmlWriter html) {
    WikiLink link = WikiLinkSyntax.link(node);
    WikiLinkResolver resolver = RESOLVER.get(context.getDocument());
    if (link.target().isEmpty() || resolver == null) {
      // "[[]]" or "[[|text]]" link nowhere: show what the author wrote.
      html.text(node.getChars());
      return;
    }
    WikiLinkResolver.Resolution resolution =
        Objects.requireNonNull(resolver.resolve(link), "the resolver returned no resolution");
    // Text, never markup: a hostile "[[x|<script>]]" is shown as written.
    String text = WikiLinkSyntax.text(node, link);
    switch (resolution.kind()) {
      case EXISTING -> html.attr("href", resolution.href()).attr("class", "wikilink");
      case MISSING ->
          html.attr("href", resolution.href())
              .attr("class", "wikilink wikilink-missing")
              .attr("title", MISSING_TITLE);
      case TEXT -> {
        html.attr("class", "wikilink-missing").withAttr().tag("span");
        html.text(text);
        html.tag("/span");
        return;
      }
    }
    html.withAttr().tag("a");
    html.text(text);
    html.tag("/a");
  }
}
