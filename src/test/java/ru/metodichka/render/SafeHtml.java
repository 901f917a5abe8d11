package ru.metodichka.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The test's own definition of "safe HTML", independent of the policy under test: it parses the
 * output as a browser would (jsoup decodes entities) and lists everything that could run code, load
 * a document or submit data.
 */
final class SafeHtml {
  private static final Set<String> FORBIDDEN_ELEMENTS =
      Set.of(
          "script",
          "iframe",
          "frame",
          "frameset",
          "object",
          "embed",
          "applet",
          "form",
          "base",
          "meta",
          "link",
          "style",
          "svg",
          "math",
          "textarea",
          "select",
          "button",
          "template");
  private static final Set<String> URL_ATTRIBUTES =
      Set.of(
          "href",
          "src",
          "action",
          "formaction",
          "xlink:href",
          "background",
          "poster",
          "srcset",
          "data",
          "lowsrc",
          "dynsrc",
          "cite");

  private SafeHtml() {}

  /** Every reason the HTML is unsafe; empty when it is safe. */
  static List<String> problems(String html) {
    List<String> problems = new ArrayList<>();
    for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      String name = e.normalName();
      if (FORBIDDEN_ELEMENTS.contains(name)) {
        problems.add("<" + name + ">");
      }
      if (name.equals("input") && !isDisabledCheckbox(e)) {
        problems.add("live <input " + e.attributes() + ">");
      }
      for (Attribute a : e.attributes()) {
        String key = a.getKey().toLowerCase(Locale.ROOT);
        if (key.startsWith("on") || key.equals("style")) {
          problems.add(key + " attribute");
        }
        if (URL_ATTRIBUTES.contains(key) && isDangerousUrl(a.getValue())) {
          problems.add(key + "=" + a.getValue());
        }
      }
    }
    return problems;
  }

  private static boolean isDisabledCheckbox(Element input) {
    return input.attr("type").equalsIgnoreCase("checkbox") && input.hasAttr("disabled");
  }

  /** jsoup has decoded entities already; browsers also ignore whitespace and controls in URLs. */
  static boolean isDangerousUrl(String value) {
    String url = value.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
    return url.startsWith("javascript:") || url.startsWith("vbscript:") || url.startsWith("data:");
  }
}
