package ru.metodichka.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ConfigDocumentationTest {
  @Test
  void theReadmeListsEveryKeyWithItsEnvironmentNameFlagAndDefault() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (ConfigKey key : ConfigKey.ALL) {
      assertThat(readme)
          .as(key.name())
          .contains("`" + key.name() + "`")
          .contains("`" + key.envName() + "`")
          .contains("`" + key.flag() + "`");
      if (!key.defaultValue().isEmpty()) {
        assertThat(readme).as(key.name() + " default").contains("`" + key.defaultValue() + "`");
      }
    }
  }
}
