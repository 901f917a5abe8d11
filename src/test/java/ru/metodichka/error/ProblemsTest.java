package ru.metodichka.error;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ProblemsTest {
  @Test
  void problemsAreRussianByDefaultWithCodeAndStatus() {
    JsonObject problem =
        Problems.toJson(AppError.notFound("page_not_found", "урок"), Locale.forLanguageTag("ru"));
    assertThat(problem.getInteger("status")).isEqualTo(404);
    assertThat(problem.getString("code")).isEqualTo("page_not_found");
    assertThat(problem.getString("title")).isEqualTo("Страница не найдена");
    assertThat(problem.getString("detail")).contains("«урок»");
    assertThat(problem.getString("type")).isEqualTo("urn:metodichka:problem:page-not-found");
  }

  @Test
  void englishIsUsedWhenAskedFor() {
    JsonObject problem =
        Problems.toJson(AppError.notFound("page_not_found", "lesson"), Locale.ENGLISH);
    assertThat(problem.getString("title")).isEqualTo("Page not found");
    assertThat(problem.getString("detail")).contains("'lesson'");
  }

  @Test
  void anUnsupportedLanguageFallsBackToRussianNotTheJvmDefault() {
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ENGLISH);
      assertThat(Problems.of(503, "database_unavailable", Locale.GERMAN).getString("title"))
          .isEqualTo("Сервис временно недоступен");
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void numbersAreNotGroupedAndExtrasAreKept() {
    JsonObject problem =
        Problems.toJson(
            AppError.conflict("edit_conflict", 12345).with("currentRevision", 12345),
            Locale.forLanguageTag("ru"));
    assertThat(problem.getString("detail")).contains("12345");
    assertThat(problem.getInteger("currentRevision")).isEqualTo(12345);
  }

  @Test
  void everyCodeHasRussianAndEnglishTexts() throws Exception {
    var ru = new java.util.Properties();
    var en = new java.util.Properties();
    try (var r = Problems.class.getResourceAsStream("/i18n/errors.properties");
        var e = Problems.class.getResourceAsStream("/i18n/errors_en.properties")) {
      ru.load(new java.io.InputStreamReader(r, java.nio.charset.StandardCharsets.UTF_8));
      en.load(new java.io.InputStreamReader(e, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(en.stringPropertyNames()).isEqualTo(ru.stringPropertyNames());
  }

  /** A code thrown in the sources with no text would reach people as its bare key. */
  @Test
  void everyCodeTheSourcesFailWithHasItsTexts() throws Exception {
    var ru = new java.util.Properties();
    try (var r = Problems.class.getResourceAsStream("/i18n/errors.properties")) {
      ru.load(new java.io.InputStreamReader(r, java.nio.charset.StandardCharsets.UTF_8));
    }
    var thrown =
        java.util.regex.Pattern.compile(
            "AppError\\.(?:badRequest|unauthorized|forbidden|notFound|conflict|unavailable)\\(\\s*\"([a-z_]+)\"");
    var missing = new java.util.TreeSet<String>();
    try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
      for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        var matcher = thrown.matcher(java.nio.file.Files.readString(file));
        while (matcher.find()) {
          if (!ru.containsKey(matcher.group(1) + ".title")
              || !ru.containsKey(matcher.group(1) + ".detail")) {
            missing.add(matcher.group(1));
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }
}
