package ru.metodichka.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {
  @Test
  void libpqStyleUrlsParse() {
    assertThat(DatabaseUrl.parse("postgresql://postgres@127.0.0.1:5432/metodichka"))
        .isEqualTo(new DatabaseUrl("127.0.0.1", 5432, "metodichka", "postgres", null));
    assertThat(DatabaseUrl.parse("postgres://app:p%40ss%3Aw0rd@db.local/m"))
        .isEqualTo(new DatabaseUrl("db.local", 5432, "m", "app", "p@ss:w0rd"));
  }

  @Test
  void jdbcUrlsParseWithUserAndPasswordParameters() {
    assertThat(DatabaseUrl.parse("jdbc:postgresql://db:6543/metodichka?user=app&password=x%26y"))
        .isEqualTo(new DatabaseUrl("db", 6543, "metodichka", "app", "x&y"));
  }

  @Test
  void malformedUrlsAreRejectedWithoutShowingThePassword() {
    assertThatThrownBy(() -> DatabaseUrl.parse("mysql://root:topsecret@db/m"))
        .hasMessageContaining("postgresql://")
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://app:topsecret@db"))
        .hasMessageContaining("database")
        .hasMessageNotContaining("topsecret");
  }

  @Test
  void maskingHidesPasswords() {
    assertThat(DatabaseUrl.masked("postgresql://app:secret@db/m"))
        .isEqualTo("postgresql://app:***@db/m");
    assertThat(DatabaseUrl.masked("jdbc:postgresql://db/m?user=a&password=secret"))
        .endsWith("password=***");
  }
}
