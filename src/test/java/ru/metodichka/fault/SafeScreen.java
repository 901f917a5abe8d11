package ru.metodichka.fault;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The test's own definition of a safe screen, independent of the sanitizer and the templates: a
 * whole HTML page (or a fragment of one) parsed as a browser would, listing everything that could
 * run code, load a document or submit data. The site's own scripts, JSON-LD block and forms are
 * recognised precisely (where they sit, what they point at), so a payload imitating one is caught.
 */
final class SafeScreen {
  private static final Set<String> FORBIDDEN =
      Set.of("iframe", "frame", "frameset", "object", "embed", "applet", "base");
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
          "cite",
          "ping",
          "manifest",
          "icon");
  private static final Pattern OWN_SCRIPT = Pattern.compile("/assets/[a-z0-9-]+\\.js");

  private SafeScreen() {}

  /**
   * Every reason a whole screen is unsafe; empty when safe. {@code page} is the page's own address
   * ("/c/{community}/{slug}"), whose forms (compare, revert, publish) the screen may carry.
   */
  static List<String> problems(String html, String page) {
    Document doc = Jsoup.parse(html);
    List<String> problems = new ArrayList<>();
    for (Element e : doc.getAllElements()) {
      check(e, problems);
      switch (e.normalName()) {
        case "script" -> script(e, problems);
        case "form" -> form(e, page, problems);
        default -> {}
      }
    }
    return problems;
  }

  /** Every reason an HTML fragment (a preview, a search snippet) is unsafe; it may hold no form. */
  static List<String> fragmentProblems(String html) {
    List<String> problems = new ArrayList<>();
    for (Element e : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      check(e, problems);
      if (e.normalName().equals("script") || e.normalName().equals("form")) {
        problems.add("<" + e.normalName() + "> in a fragment");
      }
    }
    return problems;
  }

  /** The page's JSON-LD blocks, each parsed; fails on one that is not a JSON object. */
  static List<JsonObject> jsonLd(String html) {
    List<JsonObject> blocks = new ArrayList<>();
    for (Element script : Jsoup.parse(html).select("script[type=application/ld+json]")) {
      blocks.add(new JsonObject(script.data()));
    }
    return blocks;
  }

  private static void check(Element e, List<String> problems) {
    String name = e.normalName();
    if (FORBIDDEN.contains(name)) {
      problems.add("<" + name + ">");
    }
    if (name.equals("meta") && e.hasAttr("http-equiv")) {
      problems.add("<meta http-equiv=" + e.attr("http-equiv") + ">");
    }
    for (Attribute a : e.attributes()) {
      String key = a.getKey().toLowerCase(Locale.ROOT);
      if (key.startsWith("on")) {
        problems.add(key + " attribute on <" + name + ">");
      }
      if (URL_ATTRIBUTES.contains(key) && isDangerousUrl(a.getValue())) {
        problems.add(key + "=" + a.getValue() + " on <" + name + ">");
      }
    }
  }

  /** Only the site's own script files (in the head, no inline code) and one valid JSON-LD block. */
  private static void script(Element script, List<String> problems) {
    boolean inHead = script.parent() != null && script.parent().normalName().equals("head");
    String type = script.attr("type");
    if (inHead
        && type.isEmpty()
        && OWN_SCRIPT.matcher(script.attr("src")).matches()
        && script.data().isBlank()) {
      return;
    }
    if (inHead && type.equals("application/ld+json") && !script.hasAttr("src")) {
      try {
        new JsonObject(script.data());
        return;
      } catch (DecodeException e) {
        problems.add("JSON-LD that is not a JSON object: " + script.data());
        return;
      }
    }
    problems.add("script " + script.outerHtml());
  }

  /**
   * The site's forms: log out and search in the layout, compare and revert on the history, publish
   * and unpublish on the page. Anything else, or one of these inside the rendered text, is not
   * ours.
   */
  private static void form(Element form, String page, List<String> problems) {
    String method = form.attr("method").toLowerCase(Locale.ROOT);
    String action = form.attr("action");
    boolean own =
        switch (method) {
          case "post" ->
              action.equals("/logout")
                  || action.equals(page + "/revert") && form.hasClass("revert")
                  || action.equals(page + "/revert") && form.id().equals("revert")
                  || action.equals(page + "/publish") && form.hasClass("inline")
                  || action.equals(page + "/unpublish") && form.hasClass("inline");
          case "get" ->
              action.equals("/search") && form.attr("role").equals("search")
                  || action.equals(page + "/diff") && form.id().equals("compare");
          default -> false;
        };
    boolean inText = form.closest(".page-body, .snippet, .hit") != null;
    if (!own || inText) {
      problems.add("form " + method + " " + action + (inText ? " inside the page text" : ""));
    }
  }

  /** jsoup has decoded entities; browsers also ignore whitespace and controls inside a scheme. */
  static boolean isDangerousUrl(String value) {
    String url = value.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
    return url.startsWith("javascript:")
        || url.startsWith("vbscript:")
        || url.startsWith("data:text/html")
        // srcset lists several URLs.
        || url.contains(",javascript:");
  }
}
