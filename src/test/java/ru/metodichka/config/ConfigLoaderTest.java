package ru.metodichka.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir Path dir;

  @Test
  void defaultsApplyWhenNothingIsGiven() {
    AppConfig config = ConfigLoader.load(new String[0], Map.of());
    assertThat(config.command()).isEqualTo("serve");
    assertThat(config.http().port()).isEqualTo(8080);
    assertThat(config.http().bodyLimit()).isEqualTo(2 * 1024 * 1024);
    assertThat(config.db().url()).isEmpty();
    assertThat(config.db().localUrl()).isEqualTo("postgresql://postgres@127.0.0.1:5432/metodichka");
    assertThat(config.dataDir()).isEqualTo(Path.of("data"));
    assertThat(config.adminPassword()).isEmpty();
    assertThat(config.demo()).isFalse();
    assertThat(config.tuneJvm()).isTrue();
    assertThat(config.http().trustedProxies()).isEmpty();
  }

  @Test
  void theCentresNameHeadsItsOrdersAndMayNotBeBlank() throws IOException {
    assertThat(ConfigLoader.load(new String[0], Map.of()).centreName())
        .isEqualTo("ГБУ ИМЦ Петродворцового района Санкт-Петербурга");
    Path file = dir.resolve("centre.properties");
    Files.writeString(file, "centre.name = МКУ «ИМЦ» Кировского района\n");
    assertThat(ConfigLoader.load(new String[] {"--config=" + file}, Map.of()).centreName())
        .isEqualTo("МКУ «ИМЦ» Кировского района");
    assertThatThrownBy(
            () -> ConfigLoader.load(new String[0], Map.of("METODICHKA_CENTRE_NAME", "  ")))
        .hasMessageContaining("centre.name");
  }

  @Test
  void fileBeatsDefaultsEnvironmentBeatsFileAndFlagsBeatEverything() throws IOException {
    Path file = dir.resolve("metodichka.properties");
    Files.writeString(file, "http.port=9000\ndata.dir=/srv/file\ndemo=true\ndb.pool-size=4\n");
    Map<String, String> env =
        Map.of(
            "METODICHKA_HTTP_PORT",
            "9100",
            "METODICHKA_DATA_DIR",
            "/srv/env",
            "METODICHKA_DB_URL",
            "postgresql://app@db:5432/m",
            "METODICHKA_ADMIN_PASSWORD",
            "s3cret!");
    AppConfig config =
        ConfigLoader.load(new String[] {"--config=" + file, "--http-port=9200"}, env);
    assertThat(config.http().port()).isEqualTo(9200);
    assertThat(config.dataDir()).isEqualTo(Path.of("/srv/env"));
    assertThat(config.demo()).isTrue();
    assertThat(config.db().poolSize()).isEqualTo(4);
    assertThat(config.db().url()).contains("postgresql://app@db:5432/m");
    assertThat(config.adminPassword()).contains("s3cret!");
  }

  @Test
  void aBareFlagMeansTrueAndAWordIsTheCommand() {
    AppConfig config = ConfigLoader.load(new String[] {"--demo", "reindex"}, Map.of());
    assertThat(config.demo()).isTrue();
    assertThat(config.command()).isEqualTo("reindex");
    assertThat(ConfigLoader.load(new String[0], Map.of("METODICHKA_DEMO", "true")).demo()).isTrue();
    assertThat(ConfigLoader.load(new String[] {"--jvm-tune=false"}, Map.of()).tuneJvm()).isFalse();
  }

  @Test
  void badValuesAndUnknownKeysAreRejectedWithTheirName() throws IOException {
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--http-port=eighty"}, Map.of()))
        .hasMessageContaining("http.port");
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--no-such-thing=1"}, Map.of()))
        .hasMessageContaining("--no-such-thing");
    assertThatThrownBy(() -> ConfigLoader.load(new String[0], Map.of("METODICHKA_DEMO", "maybe")))
        .hasMessageContaining("demo");
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "http.prot=1\n");
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--config=" + file}, Map.of()))
        .hasMessageContaining("http.prot");
  }

  @Test
  void aPasswordResetNeedsThePasswordToResetTo() {
    assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--admin-reset-password"}, Map.of()))
        .hasMessageContaining("admin.reset-password")
        .hasMessageContaining("admin.password");
    AppConfig config =
        ConfigLoader.load(
            new String[] {"--admin-reset-password", "--admin-password=new"}, Map.of());
    assertThat(config.adminResetPassword()).isTrue();
    assertThat(ConfigLoader.load(new String[0], Map.of()).adminResetPassword()).isFalse();
  }

  @Test
  void everyKeyHasEnvironmentAndFlagSpellings() {
    ConfigKey port = ConfigKey.byName("http.port");
    assertThat(port.envName()).isEqualTo("METODICHKA_HTTP_PORT");
    assertThat(port.flag()).isEqualTo("--http-port");
    assertThat(ConfigKey.byName("db.url").envName()).isEqualTo("METODICHKA_DB_URL");
    assertThat(ConfigKey.byName("data.dir").envName()).isEqualTo("METODICHKA_DATA_DIR");
    assertThat(ConfigKey.byName("admin.password").envName()).isEqualTo("METODICHKA_ADMIN_PASSWORD");
    assertThat(ConfigKey.byName("demo").envName()).isEqualTo("METODICHKA_DEMO");
  }

  @Test
  void thePublicUrlIsAnHttpAddressKeptWithoutItsTrailingSlash() {
    assertThat(ConfigLoader.load(new String[0], Map.of()).http().publicUrl()).isEmpty();
    AppConfig config =
        ConfigLoader.load(
            new String[0], Map.of("METODICHKA_PUBLIC_URL", "https://metodichka.example.ru/"));
    assertThat(config.http().publicUrl()).contains("https://metodichka.example.ru");
    for (String bad : new String[] {"metodichka.example.ru", "ftp://x.ru", "https://x.ru/?a=1"}) {
      assertThatThrownBy(() -> ConfigLoader.load(new String[] {"--public-url=" + bad}, Map.of()))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("public-url");
    }
  }
}
