package ru.metodichka.render;

import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.sequence.Escaping;
import java.util.Set;

/**
 * Renders plain text nodes exactly as flexmark's core renderer does, only faster. The core one runs
 * three regular expressions over every text node (unescape, normalise line ends, escape HTML),
 * which was about half of the rendering time of a typical article; here they run only when the text
 * contains a character they would change.
 */
final class TextNodeRenderer implements NodeRenderer {
  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    return Set.of(new NodeRenderingHandler<>(Text.class, TextNodeRenderer::render));
  }

  private static void render(Text node, NodeRendererContext context, HtmlWriter html) {
    String text = node.getChars().toString();
    if (text.indexOf('\\') >= 0 || text.indexOf('&') >= 0) {
      text = Escaping.unescapeString(text);
    }
    if (text.indexOf('\r') >= 0) {
      text = Escaping.normalizeEOL(text);
    }
    html.raw(escape(text));
  }

  /** Escapes the characters flexmark's {@code Escaping.escapeHtml} escapes, in one pass. */
  static String escape(String text) {
    StringBuilder escaped = null;
    int copied = 0;
    for (int i = 0; i < text.length(); i++) {
      String entity =
          switch (text.charAt(i)) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            default -> null;
          };
      if (entity != null) {
        if (escaped == null) {
          escaped = new StringBuilder(text.length() + 16);
        }
        escaped.append(text, copied, i).append(entity);
        copied = i + 1;
      }
    }
    return escaped == null ? text : escaped.append(text, copied, text.length()).toString();
  }
}
