package ru.metodichka.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class UiTest {
  private static final String[] BUNDLES = {
    "ui", "editor", "history", "admin", "search", "bank", "plan"
  };

  /** A literal key handed to {@code ui.t(...)} or {@code ui.count(...)} in a template or screen. */
  private static final Pattern USED_KEY =
      Pattern.compile("(?:\\bt|\\bcount)\\(\\s*\"([a-zA-Z][A-Za-z0-9_.-]*)\"");

  @Test
  void everyUiStringExistsInRussianAndInEnglish() throws IOException {
    for (String name : BUNDLES) {
      Set<String> russian = new TreeSet<>(load(name + ".properties").stringPropertyNames());
      // English nouns have no "few" form: 1 member, 2 members, 5 members.
      russian.removeIf(key -> key.endsWith(".few"));
      Set<String> english = new TreeSet<>(load(name + "_en.properties").stringPropertyNames());
      english.removeIf(key -> key.endsWith(".few"));
      assertThat(english).as(name + "_en.properties vs " + name + ".properties").isEqualTo(russian);
    }
  }

  @Test
  void everyKeyTheScreensAskForExists() throws IOException {
    Properties all = new Properties();
    for (String name : BUNDLES) {
      all.putAll(load(name + ".properties"));
    }
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> files =
        Stream.concat(Files.walk(Path.of("src/main/jte")), Files.walk(Path.of("src/main/java")))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Matcher m = USED_KEY.matcher(Files.readString(file));
        while (m.find()) {
          String key = m.group(1);
          // A key ending in a dot is a prefix completed at run time (a status, a kind).
          boolean known = all.containsKey(key) || all.containsKey(key + ".one");
          if (!key.endsWith(".") && !known) {
            missing.add(file.getFileName() + ": " + key);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  @Test
  void russianBundleIsChosenForRussianEvenWhenTheJvmSpeaksEnglish() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ENGLISH);
      assertThat(Locales.bundle("i18n/ui", Locales.RUSSIAN).getString("nav.login"))
          .isEqualTo("Войти");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void russianCountsTakeTheNounFormTheNumberAsks() {
    assertThat(Ui.pluralForm("ru", 1)).isEqualTo("one");
    assertThat(Ui.pluralForm("ru", 21)).isEqualTo("one");
    assertThat(Ui.pluralForm("ru", 11)).isEqualTo("many");
    assertThat(Ui.pluralForm("ru", 3)).isEqualTo("few");
    assertThat(Ui.pluralForm("ru", 24)).isEqualTo("few");
    assertThat(Ui.pluralForm("ru", 12)).isEqualTo("many");
    assertThat(Ui.pluralForm("ru", 5)).isEqualTo("many");
    assertThat(Ui.pluralForm("ru", 0)).isEqualTo("many");
    assertThat(Ui.pluralForm("en", 1)).isEqualTo("one");
    assertThat(Ui.pluralForm("en", 2)).isEqualTo("many");
  }

  private static Properties load(String file) throws IOException {
    Properties properties = new Properties();
    try (var in = UiTest.class.getResourceAsStream("/i18n/" + file)) {
      assertThat(in).as(file).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
