package ru.metodichka.render;

import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.NullableDataKey;
import java.util.Set;

/**
 * Renders flexmark's wiki link nodes through the resolver stored on the document being rendered, so
 * one renderer serves every page while each render resolves links its own way.
 */
final class WikiLinkNodeRenderer implements NodeRenderer {
  static final NullableDataKey<WikiLinkResolver> RESOLVER =
      new NullableDataKey<>("METODICHKA_WIKI_RESOLVER");
  private static final String MISSING_TITLE = "Страница ещё не создана";

  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    return Set.of(
        new NodeRenderingHandler<>(com.vladsch.flexmark.ext.wikilink.WikiLink.class, this::render));
  }

  private void render(
      com.vladsch.flexmark.ext.wikilink.WikiLink node,
      NodeRendererContext context,
      HtmlWriter html) {
    WikiLink link = WikiLink.parse(node.getLink().toString());
    String text =
        node.getText().isBlank()
            ? node.getLink().toString().strip()
            : node.getText().toString().strip();
    WikiLinkResolver resolver = RESOLVER.get(context.getDocument());
    if (resolver == null || link.target().isEmpty()) {
      html.text(node.getChars().toString());
      return;
    }
    WikiLinkResolver.Resolution resolution = resolver.resolve(link);
    html.attr("href", resolution.href());
    if (resolution.exists()) {
      html.attr("class", "wikilink");
    } else {
      html.attr("class", "wikilink wikilink-missing").attr("title", MISSING_TITLE);
    }
    html.withAttr().tag("a");
    html.text(text);
    html.tag("/a");
  }
}
