package ru.metodichka.render;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * The tests' own definition of safe HTML, independent of the sanitizer and the templates under
 * test: the HTML parsed as a browser would (jsoup decodes entities), listing everything that could
 * run code, load a document or submit data. Rendered text (the renderer's output, a preview, a
 * search snippet, the text regions of a screen) may hold nothing active at all. A whole screen may
 * also hold the site's own scripts, JSON-LD block and forms, recognised precisely (where they sit,
 * what they point at), so a payload imitating one is caught. Used by the renderer's unit tests and
 * by the hostile-input suite over HTTP.
 */
public final class SafeHtml {
  /** Never allowed, in text or anywhere on a screen. */
  private static final Set<String> FORBIDDEN =
      Set.of("iframe", "frame", "frameset", "object", "embed", "applet", "base");

  /** The layout may use these (under the rules below); rendered text never. */
  private static final Set<String> NOT_IN_TEXT =
      Set.of(
          "script",
          "form",
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
          "cite",
          "ping",
          "manifest",
          "icon");

  /** The parts of a screen that show rendered text, titles or snippets of authors. */
  private static final String TEXT_REGIONS = ".page-body, .snippet, .hit";

  private static final Pattern OWN_SCRIPT = Pattern.compile("/assets/[a-z0-9-]+\\.js");

  private SafeHtml() {}

  /**
   * Every reason an HTML fragment of rendered text (the renderer's output, a preview, a search
   * title or snippet) is unsafe; empty when it is safe.
   */
  public static List<String> problems(String fragment) {
    List<String> problems = new ArrayList<>();
    for (Element e : Jsoup.parseBodyFragment(fragment).body().getAllElements()) {
      text(e, problems);
    }
    return problems;
  }

  /**
   * Every reason a whole screen is unsafe; empty when safe. {@code page} is the page's own address
   * ("/c/{community}/{slug}"), whose forms (compare, revert, publish) the screen may carry.
   */
  public static List<String> screenProblems(String html, String page) {
    List<String> problems = new ArrayList<>();
    for (Element e : Jsoup.parse(html).getAllElements()) {
      if (e.closest(TEXT_REGIONS) != null) {
        text(e, problems);
        continue;
      }
      anywhere(e, problems, false);
      switch (e.normalName()) {
        case "script" -> script(e, problems);
        case "form" -> form(e, page, problems);
        default -> {}
      }
    }
    return problems;
  }

  /** The page's JSON-LD blocks, each parsed; fails on one that is not a JSON object. */
  public static List<JsonObject> jsonLd(String html) {
    List<JsonObject> blocks = new ArrayList<>();
    for (Element script : Jsoup.parse(html).select("script[type=application/ld+json]")) {
      blocks.add(new JsonObject(script.data()));
    }
    return blocks;
  }

  /** Rendered text: nothing active, no styling, no inputs but the task lists' disabled boxes. */
  private static void text(Element e, List<String> problems) {
    anywhere(e, problems, true);
    String name = e.normalName();
    if (NOT_IN_TEXT.contains(name)) {
      problems.add("<" + name + "> in text");
    }
    if (name.equals("input") && !isDisabledCheckbox(e)) {
      problems.add("live <input " + e.attributes() + ">");
    }
    if (e.hasAttr("style")) {
      problems.add("style attribute on <" + name + ">");
    }
  }

  private static void anywhere(Element e, List<String> problems, boolean inText) {
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
      if (URL_ATTRIBUTES.contains(key) && isDangerous(key, a.getValue(), inText)) {
        problems.add(key + "=" + a.getValue() + " on <" + name + ">");
      }
    }
  }

  private static boolean isDisabledCheckbox(Element input) {
    return input.attr("type").equalsIgnoreCase("checkbox") && input.hasAttr("disabled");
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
   * The site's forms: log out and search in the layout, compare and revert on the history; publish
   * (under the checklist too), unpublish, review, request a review, retire and restore on the page.
   * Anything else is not ours (one inside the text is caught as text).
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
                  || action.equals(page + "/publish") && form.id().equals("checklist-form")
                  || action.equals(page + "/unpublish") && form.hasClass("inline")
                  || action.equals(page + "/review") && form.hasClass("inline")
                  || action.equals(page + "/retire") && form.hasClass("inline")
                  || action.equals(page + "/restore") && form.hasClass("inline")
                  || action.equals(page + "/request-review") && form.id().equals("request-review")
                  // The discussion under the page: comment, reply, edit, delete, hide, report.
                  || action.matches(
                          java.util.regex.Pattern.quote(page)
                              + "/comments(/[0-9]+/(edit|delete|hide))?")
                      && !form.parents().select("section.discussion").isEmpty()
                  || action.equals("/reports")
                      && !form.parents().select("details.report-form").isEmpty()
                  || action.equals(page + "/files/hide") && form.hasClass("inline")
                  || action.endsWith("/attachments") && form.id().equals("upload-form")
                  // Watching the page (notifications).
                  || (action.equals("/watch") || action.equals("/unwatch"))
                      && form.hasClass("inline");
          case "get" ->
              action.equals("/search") && form.attr("role").equals("search")
                  || action.equals(page + "/diff") && form.id().equals("compare");
          default -> false;
        };
    if (!own) {
      problems.add("form " + method + " " + action);
    }
  }

  /** A URL attribute's value; {@code srcset} lists several URLs, separated by commas. */
  private static boolean isDangerous(String key, String value, boolean inText) {
    if (key.equals("srcset")) {
      for (String candidate : value.split(",")) {
        if (isDangerousUrl(candidate, inText)) {
          return true;
        }
      }
      return false;
    }
    return isDangerousUrl(value, inText);
  }

  /**
   * jsoup has decoded entities; browsers also ignore whitespace and controls inside a scheme. In
   * text no {@code data:} URL at all (an image could carry an SVG document); the layout may use
   * inert ones.
   */
  private static boolean isDangerousUrl(String value, boolean inText) {
    String url = value.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
    return url.startsWith("javascript:")
        || url.startsWith("vbscript:")
        || url.startsWith(inText ? "data:" : "data:text/html");
  }
}
