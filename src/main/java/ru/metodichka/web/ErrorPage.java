package ru.metodichka.web;

import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** A small self-contained error page for people (the full UI's pages come with the templates). */
final class ErrorPage {
  private ErrorPage() {}

  static String render(JsonObject problem, Locale locale) {
    String lang = locale.getLanguage();
    String home = lang.equals("en") ? "Home page" : "На главную";
    return """
        <!DOCTYPE html>
        <html lang="%s"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%s — Методичка</title></head>
        <body><main><h1>%s</h1><p>%s</p><p><a href="/">%s</a></p></main></body></html>
        """
        .formatted(
            lang,
            escape(problem.getString("title")),
            escape(problem.getString("title")),
            escape(problem.getString("detail")),
            home);
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
