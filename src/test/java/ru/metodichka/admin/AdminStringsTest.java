package ru.metodichka.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A missing string shows its key on the screen: catch that here instead of in a browser. */
class AdminStringsTest {
  private static final Pattern KEY = Pattern.compile("\"(admin\\.[A-Za-z0-9_.-]+)\"");

  private static Properties bundle(String name) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = AdminStringsTest.class.getResourceAsStream("/i18n/" + name)) {
      properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return properties;
  }

  @Test
  void russianAndEnglishHaveTheSameStrings() throws IOException {
    Set<String> russian = new TreeSet<>(bundle("admin.properties").stringPropertyNames());
    Set<String> english = new TreeSet<>(bundle("admin_en.properties").stringPropertyNames());
    // English has no "few" plural form.
    russian.removeIf(key -> key.endsWith(".few"));
    assertThat(english).isEqualTo(russian);
  }

  @Test
  void everyKeyNamedInTheAdminTemplatesAndScreensExists() throws IOException {
    Properties russian = bundle("admin.properties");
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> files =
        Stream.concat(
            Files.list(Path.of("src/main/jte/admin")),
            Files.list(Path.of("src/main/java/ru/metodichka/admin")))) {
      for (Path file : files.toList()) {
        Matcher m = KEY.matcher(Files.readString(file));
        while (m.find()) {
          String key = m.group(1);
          // Keys ending in a dot are prefixes completed at run time (a status, a kind).
          boolean plural = russian.containsKey(key + ".one");
          if (!key.endsWith(".") && !plural && !russian.containsKey(key)) {
            missing.add(file.getFileName() + ": " + key);
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }
}
