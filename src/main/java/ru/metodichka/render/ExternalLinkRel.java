package ru.metodichka.render;

import java.util.List;
import java.util.Locale;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamEventReceiverWrapper;

/**
 * Gives links that leave the site {@code rel="nofollow noopener"}: search engines should not credit
 * pages linked from an open wiki, and the opened page gets no handle on ours. Runs after the
 * policy, so the only {@code href}s it sees are allowed ones; links within the site are untouched.
 */
// The wrapper's close() is inherited unchanged; javac's "try" lint about it does not apply.
@SuppressWarnings("try")
final class ExternalLinkRel extends HtmlStreamEventReceiverWrapper {
  ExternalLinkRel(HtmlStreamEventReceiver sink) {
    super(sink);
  }

  @Override
  public void openTag(String element, List<String> attributes) {
    if (element.equals("a") && isExternal(href(attributes))) {
      attributes.add("rel");
      attributes.add("nofollow noopener");
    }
    super.openTag(element, attributes);
  }

  private static String href(List<String> attributes) {
    for (int i = 0; i + 1 < attributes.size(); i += 2) {
      if (attributes.get(i).equals("href")) {
        return attributes.get(i + 1);
      }
    }
    return null;
  }

  /** Absolute web URLs, and "//host" or "\\host", which browsers read as another host. */
  static boolean isExternal(String href) {
    if (href == null) {
      return false;
    }
    String url = href.strip().toLowerCase(Locale.ROOT);
    return url.startsWith("http:")
        || url.startsWith("https:")
        || url.length() > 1 && isSlash(url.charAt(0)) && isSlash(url.charAt(1));
  }

  private static boolean isSlash(char c) {
    return c == '/' || c == '\\';
  }
}
