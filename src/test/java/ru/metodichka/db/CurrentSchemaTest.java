package ru.metodichka.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurrentSchemaTest {
  @TempDir Path dir;

  @Test
  void theChecksumIgnoresLineEndingsAndAByteOrderMarkAsFlywaysDoes() throws IOException {
    int plain = checksum("CREATE TABLE a (id int);\nSELECT 1;\n");
    assertThat(checksum("CREATE TABLE a (id int);\r\nSELECT 1;\r\n")).isEqualTo(plain);
    assertThat(checksum("\uFEFFCREATE TABLE a (id int);\nSELECT 1;")).isEqualTo(plain);
    assertThat(checksum("CREATE TABLE a (id int);\nSELECT 2;\n")).isNotEqualTo(plain);
    // CRC-32 of the lines' bytes one after the other, as a signed int.
    CRC32 crc = new CRC32();
    crc.update("CREATE TABLE a (id int);SELECT 1;".getBytes(StandardCharsets.UTF_8));
    assertThat(plain).isEqualTo((int) crc.getValue());
  }

  @Test
  void theMigrationsInAJarAreListedWithTheirChecksums() throws IOException {
    Path jar =
        jar(
            Map.of(
                "db/migration/V1__core.sql", "CREATE TABLE a (id int);",
                "db/migration/V2__more.sql", "SELECT 1;",
                "db/migration/README.txt", "not a migration",
                "db/other/V9__elsewhere.sql", "SELECT 9;",
                "ru/Some.class", "x"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThat(CurrentSchema.migrationFiles(loader))
          .contains(
              Map.of(
                  "V1__core.sql", checksum("CREATE TABLE a (id int);"),
                  "V2__more.sql", checksum("SELECT 1;")));
    }
  }

  @Test
  void aMigrationInASubfolderIsLeftToFlyway() throws IOException {
    Path jar =
        jar(
            Map.of(
                "db/migration/V1__core.sql", "SELECT 1;",
                "db/migration/later/V2__more.sql", "SELECT 2;"));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThat(CurrentSchema.migrationFiles(loader)).isEmpty();
    }
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes.resolve("db/migration/later"));
    Files.writeString(classes.resolve("db/migration/V1__core.sql"), "SELECT 1;");
    Files.writeString(classes.resolve("db/migration/later/V2__more.sql"), "SELECT 2;");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
      assertThat(CurrentSchema.migrationFiles(loader)).isEmpty();
    }
  }

  @Test
  void theSameMigrationInTwoRootsIsLeftToFlyway() throws IOException {
    Path one = jar(Map.of("db/migration/V1__core.sql", "SELECT 1;"));
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes.resolve("db/migration"));
    Files.writeString(classes.resolve("db/migration/V1__core.sql"), "SELECT 1;");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {one.toUri().toURL(), classes.toUri().toURL()}, null)) {
      assertThat(CurrentSchema.migrationFiles(loader)).isEmpty();
    }
  }

  private static int checksum(String text) throws IOException {
    return CurrentSchema.checksum(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** A jar with these entries, and the directory entries a build writes before them. */
  private Path jar(Map<String, String> entries) throws IOException {
    Path jar = Files.createTempFile(dir, "migrations", ".jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out)) {
      Set<String> directories = new TreeSet<>();
      for (String name : entries.keySet()) {
        for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
          directories.add(name.substring(0, slash + 1));
        }
      }
      for (String directory : directories) {
        zip.putNextEntry(new JarEntry(directory));
        zip.closeEntry();
      }
      for (var entry : new TreeMap<>(entries).entrySet()) {
        zip.putNextEntry(new JarEntry(entry.getKey()));
        zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
