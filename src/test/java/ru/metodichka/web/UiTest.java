package ru.metodichka.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class UiTest {

  @Test
  void everyUiStringExistsInRussianAndInEnglish() throws IOException {
    for (String name : new String[] {"ui", "editor", "history", "admin"}) {
      Properties russian = load("/i18n/" + name + ".properties");
      Properties english = load("/i18n/" + name + "_en.properties");
      assertThat(english.stringPropertyNames())
          .as(name + "_en.properties has every key of " + name + ".properties")
          .containsExactlyInAnyOrderElementsOf(russian.stringPropertyNames());
    }
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

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (var in = UiTest.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
