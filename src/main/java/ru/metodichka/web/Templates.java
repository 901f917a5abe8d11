package ru.metodichka.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.vertx.ext.web.RoutingContext;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders the screens: jte templates from {@code src/main/jte}, compiled into the jar at build time
 * and escaped by context (HTML, attribute, URL) as they are written. Every template receives the
 * request's {@link Ui} as {@code ui}.
 */
public final class Templates {
  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Csrf csrf;
  private final ZoneId zone;

  public Templates(Csrf csrf, ZoneId zone) {
    this.csrf = csrf;
    this.zone = zone;
  }

  public Ui ui(RoutingContext ctx) {
    Ui ui = ctx.get(Ui.class.getName());
    if (ui == null) {
      ui = new Ui(ctx, csrf, zone);
      ctx.put(Ui.class.getName(), ui);
    }
    return ui;
  }

  /** Renders {@code template} with {@code ui} and the given parameters and ends the response. */
  public void render(RoutingContext ctx, int status, String template, Map<String, Object> params) {
    String html = html(ctx, template, params);
    ctx.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .end(html);
  }

  public void render(RoutingContext ctx, String template, Map<String, Object> params) {
    render(ctx, 200, template, params);
  }

  /** The HTML of a template, for error pages and tests. */
  public String html(RoutingContext ctx, String template, Map<String, Object> params) {
    Map<String, Object> all = new HashMap<>(params);
    all.put("ui", ui(ctx));
    StringOutput output = new StringOutput(8192);
    engine.render(template, all, output);
    return output.toString();
  }

  /** Where a form should go next: only paths on this site, so a link cannot send users away. */
  public static String localPath(String candidate, String fallback) {
    boolean local =
        candidate != null
            && candidate.startsWith("/")
            && !candidate.startsWith("//")
            && !candidate.startsWith("/\\")
            && candidate.chars().noneMatch(c -> c < 0x20);
    return local ? candidate : fallback;
  }
}
