package ru.metodichka.render;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.util.TextCollectingVisitor;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.data.NullableDataKey;
import java.util.Objects;
import java.util.Set;

/**
 * Renders images and links whose destination is one of the page's files ({@code
 * attachment:схема.png}) through the {@link AttachmentResolver} stored on the document: an image
 * becomes its preview inside a link to the whole file, a link leads to the file, and a file that is
 * not there becomes a visible «нет файла …» mark instead of a broken image. Every other image and
 * link is rendered by flexmark's own renderer.
 */
final class AttachmentNodeRenderer implements NodeRenderer {
  /** Where {@link MarkdownRenderer#render} puts the caller's resolver for this one document. */
  static final NullableDataKey<AttachmentResolver> RESOLVER =
      new NullableDataKey<>("METODICHKA_ATTACHMENT_RESOLVER");

  static final String MISSING = "нет файла";

  @Override
  public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
    return Set.of(
        new NodeRenderingHandler<>(Image.class, AttachmentNodeRenderer::image),
        new NodeRenderingHandler<>(Link.class, AttachmentNodeRenderer::link));
  }

  private static AttachmentResolver.Resolution resolve(String name, NodeRendererContext context) {
    AttachmentResolver resolver = RESOLVER.get(context.getDocument());
    if (resolver == null) {
      resolver = AttachmentResolver.NONE;
    }
    return Objects.requireNonNull(resolver.resolve(name), "the resolver returned no resolution");
  }

  private static void image(Image node, NodeRendererContext context, HtmlWriter html) {
    String name = AttachmentResolver.name(node.getUrl().toString());
    if (name == null || context.isDoNotRenderLinks()) {
      context.delegateRender();
      return;
    }
    AttachmentResolver.Resolution file = resolve(name, context);
    String alt = new TextCollectingVisitor().collectAndGetText(node);
    switch (file.kind()) {
      case IMAGE -> {
        // Inside a link of the author's, the image leads where that link does.
        boolean linked = !(node.getParent() instanceof Link);
        if (linked) {
          html.attr("href", file.href()).attr("class", "attachment-image").withAttr().tag("a");
        }
        html.attr("src", file.src()).attr("alt", alt);
        if (!node.getTitle().isEmpty()) {
          html.attr("title", node.getTitle().toString());
        }
        if (file.width() != null && file.height() != null) {
          html.attr("width", file.width().toString()).attr("height", file.height().toString());
        }
        html.attr("loading", "lazy").withAttr().tagVoid("img");
        if (linked) {
          html.tag("/a");
        }
      }
      case FILE -> {
        html.attr("href", file.href()).attr("class", "attachment-file").withAttr().tag("a");
        html.text(alt.isBlank() ? name : alt);
        html.tag("/a");
      }
      case MISSING -> missing(html, name);
    }
  }

  private static void link(Link node, NodeRendererContext context, HtmlWriter html) {
    String name = AttachmentResolver.name(node.getUrl().toString());
    if (name == null || context.isDoNotRenderLinks()) {
      context.delegateRender();
      return;
    }
    AttachmentResolver.Resolution file = resolve(name, context);
    if (file.kind() == AttachmentResolver.Kind.MISSING) {
      context.renderChildren(node);
      html.raw(" ");
      missing(html, name);
      return;
    }
    html.attr("href", file.href()).attr("class", "attachment-file");
    if (!node.getTitle().isEmpty()) {
      html.attr("title", node.getTitle().toString());
    }
    html.withAttr().tag("a");
    context.renderChildren(node);
    html.tag("/a");
  }

  /** Text, never markup: a hostile name is shown as written. */
  private static void missing(HtmlWriter html, String name) {
    html.attr("class", "attachment-missing").withAttr().tag("span");
    html.text(MISSING + " «" + name + "»");
    html.tag("/span");
  }
}
