package ru.metodichka.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.pgclient.PgConnectOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {
  @Test
  void libpqStyleUrlsParse() {
    assertThat(DatabaseUrl.parse("postgresql://postgres@127.0.0.1:5432/metodichka"))
        .isEqualTo(new DatabaseUrl("127.0.0.1", 5432, "metodichka", "postgres", null));
    assertThat(DatabaseUrl.parse("postgres://app:p%40ss%3Aw0rd@db.local/m"))
        .isEqualTo(new DatabaseUrl("db.local", 5432, "m", "app", "p@ss:w0rd"));
  }

  @Test
  void queryParametersAfterTheDatabaseAreAllowed() {
    assertThat(DatabaseUrl.parse("postgresql://app@db:6000/m?sslmode=disable&application_name=x"))
        .isEqualTo(new DatabaseUrl("db", 6000, "m", "app", null));
  }

  @Test
  void jdbcUrlsParseWithUserAndPasswordParameters() {
    assertThat(DatabaseUrl.parse("jdbc:postgresql://db:6543/metodichka?user=app&password=x%26y"))
        .isEqualTo(new DatabaseUrl("db", 6543, "metodichka", "app", "x&y"));
  }

  @Test
  void passwordsAreDecodedExactlyAndPlusStaysAPlus() {
    assertThat(DatabaseUrl.parse("postgresql://%D1%83%D1%87:a+b%2Fc%25@h/d").password())
        .isEqualTo("a+b/c%");
    assertThat(DatabaseUrl.parse("postgresql://%D1%83%D1%87:a+b%2Fc%25@h/d").user())
        .isEqualTo("уч");
  }

  @Test
  void anUnencodedAtSignInThePasswordStillParses() {
    assertThat(DatabaseUrl.parse("postgresql://app:p@ss@db/m"))
        .isEqualTo(new DatabaseUrl("db", 5432, "m", "app", "p@ss"));
  }

  @Test
  void ipv6HostsAreWrittenInBrackets() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://app@[::1]:5433/m");
    assertThat(url).isEqualTo(new DatabaseUrl("::1", 5433, "m", "app", null));
    assertThat(DatabaseUrl.jdbcUrl(url.host(), url.port(), url.database()))
        .isEqualTo("jdbc:postgresql://[::1]:5433/m");
  }

  @Test
  void aUrlWithoutUserMeansThePostgresUser() {
    assertThat(DatabaseUrl.parse("postgresql://db/m").user()).isEqualTo("postgres");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "mysql://root:topsecret@db/m",
        "postgresql://app:topsecret@db",
        "postgresql://app:topsecret@db/",
        "postgresql://app:topsecret@db:54x/m",
        "postgresql://app:topsecret@db:70000/m",
        "postgresql://app:topsecret@/m",
        "postgresql://app:topsecret@a,b/m",
        "postgresql://app:top%zzsecret@db/m",
        "jdbc:postgresql://db/m?user=app&password=topsecret%"
      })
  void malformedUrlsAreRejectedWithoutShowingThePassword(String url) {
    assertThatThrownBy(() -> DatabaseUrl.parse(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid database URL")
        .hasMessageNotContaining("topsecret")
        .hasMessageNotContaining("secret");
  }

  @Test
  void errorsSayWhatIsWrong() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://db/m"))
        .hasMessageContaining("postgresql://");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db")).hasMessageContaining("database");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://db:x/m")).hasMessageContaining("port");
    assertThatThrownBy(() -> DatabaseUrl.parse(" ")).hasMessageContaining("empty");
  }

  @Test
  void maskingHidesPasswords() {
    assertThat(DatabaseUrl.masked("postgresql://app:secret@db/m"))
        .isEqualTo("postgresql://app:***@db/m");
    assertThat(DatabaseUrl.masked("postgresql://app:se@cr/et@db/m"))
        .isEqualTo("postgresql://app:***@db/m");
    assertThat(DatabaseUrl.masked("jdbc:postgresql://db/m?user=a&password=secret&ssl=true"))
        .isEqualTo("jdbc:postgresql://db/m?user=a&password=***&ssl=true");
  }

  @Test
  void neitherTheUrlNorTheResolvedDatabaseShowsThePasswordWhenPrinted() {
    DatabaseUrl url = DatabaseUrl.parse("postgresql://app:secret@db:5433/m");
    assertThat(url).hasToString("postgresql://app@db:5433/m");
    ResolvedDatabase db =
        new ResolvedDatabase("db", 5433, "m", "app", "secret", ResolvedDatabase.Source.LOCAL, null);
    assertThat(db.toString()).doesNotContain("secret").contains("postgresql://app@db:5433/m");
  }

  @Test
  void theResolvedDatabaseGivesJdbcAndReactiveSettings() {
    ResolvedDatabase db =
        new ResolvedDatabase(
            "db", 5433, "мет одичка", "app", "pw", ResolvedDatabase.Source.CONFIGURED, null);
    assertThat(db.jdbcUrl())
        .isEqualTo(
            "jdbc:postgresql://db:5433/%D0%BC%D0%B5%D1%82+%D0%BE%D0%B4%D0%B8%D1%87%D0%BA%D0%B0");
    assertThat(db.jdbcProperties()).containsEntry("user", "app").containsEntry("password", "pw");
    PgConnectOptions options = db.connectOptions();
    assertThat(options.getHost()).isEqualTo("db");
    assertThat(options.getPort()).isEqualTo(5433);
    assertThat(options.getDatabase()).isEqualTo("мет одичка");
    assertThat(options.getUser()).isEqualTo("app");
    assertThat(options.getPassword()).isEqualTo("pw");
  }
}
