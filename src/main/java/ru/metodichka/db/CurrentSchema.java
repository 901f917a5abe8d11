package ru.metodichka.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Whether the schema is already what Flyway would leave it as, found without starting Flyway: the
 * usual start, on a schema its migrations built. Flyway spends 0.4 s of a 3 s start on its plugins'
 * configuration and on scanning the jar before it finds nothing to do; this reads its history table
 * once and the migrations' files.
 *
 * <p>The schema is current when the successful SQL migrations in {@code flyway_schema_history} are
 * exactly the {@code .sql} files under {@code db/migration} on the class path, by file name, each
 * with the checksum Flyway stored for it. Anything else — a pending migration, an edited or renamed
 * one, a failed or foreign row, no history table, migrations the class path cannot list — is not
 * judged here: {@link Migrations} hands it to Flyway, which applies, validates or refuses as it
 * always did.
 */
final class CurrentSchema {
  private static final String LOCATION = "db/migration/";
  private static final String HISTORY =
      "SELECT version, type, script, checksum, success FROM flyway_schema_history"
          + " ORDER BY installed_rank";

  private CurrentSchema() {}

  /** The schema's version when it is current as above, or empty when Flyway should look. */
  static Optional<String> version(ResolvedDatabase db) {
    Optional<Map<String, Integer>> files = migrationFiles(CurrentSchema.class.getClassLoader());
    if (files.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Integer> applied = new HashMap<>();
    String version = null;
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.jdbcProperties());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(HISTORY)) {
      while (rows.next()) {
        version = rows.getString("version");
        int checksum = rows.getInt("checksum");
        boolean plain =
            version != null
                && !rows.wasNull()
                && "SQL".equals(rows.getString("type"))
                && rows.getBoolean("success");
        if (!plain || applied.put(rows.getString("script"), checksum) != null) {
          return Optional.empty();
        }
      }
    } catch (SQLException e) {
      return Optional.empty(); // no history table yet, say: Flyway creates it
    }
    return version != null && applied.equals(files.get()) ? Optional.of(version) : Optional.empty();
  }

  /**
   * Every {@code .sql} file under {@code db/migration} in every class path root (as Flyway scans
   * them), by file name, with its checksum; empty when a root is neither a directory nor a jar, a
   * name comes twice or a subfolder holds one.
   */
  static Optional<Map<String, Integer>> migrationFiles(ClassLoader loader) {
    Map<String, Integer> files = new HashMap<>();
    try {
      Enumeration<URL> roots = loader.getResources(LOCATION);
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        boolean listed =
            switch (root.getProtocol()) {
              case "file" -> fromDirectory(Path.of(root.toURI()), files);
              case "jar" -> fromJar(root, files);
              default -> false;
            };
        if (!listed) {
          return Optional.empty();
        }
      }
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(files);
  }

  private static boolean fromDirectory(Path directory, Map<String, Integer> files)
      throws IOException {
    try (Stream<Path> all = Files.walk(directory)) {
      for (Path file : all.filter(f -> f.toString().endsWith(".sql")).toList()) {
        if (!file.getParent().equals(directory)) {
          return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
          if (files.put(file.getFileName().toString(), checksum(in)) != null) {
            return false;
          }
        }
      }
    }
    return true;
  }

  private static boolean fromJar(URL root, Map<String, Integer> files) throws IOException {
    URLConnection connection = root.openConnection();
    if (!(connection instanceof JarURLConnection location)) {
      return false;
    }
    Path path;
    try {
      path = Path.of(location.getJarFileURL().toURI());
    } catch (URISyntaxException | RuntimeException e) {
      return false;
    }
    try (JarFile jar = new JarFile(path.toFile())) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (!name.startsWith(LOCATION) || !name.endsWith(".sql")) {
          continue;
        }
        String file = name.substring(LOCATION.length());
        if (file.contains("/")) {
          return false;
        }
        try (InputStream in = jar.getInputStream(entry)) {
          if (files.put(file, checksum(in)) != null) {
            return false;
          }
        }
      }
    }
    return true;
  }

  /**
   * The checksum Flyway stores for a SQL migration: CRC-32 of each line's UTF-8 bytes, without the
   * line breaks (so LF and CRLF files agree) and without a byte-order mark, as a signed int.
   * MigrationsIT holds every migration's to the one Flyway stored.
   */
  static int checksum(InputStream in) throws IOException {
    CRC32 crc = new CRC32();
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      crc.update(withoutBom(line).getBytes(StandardCharsets.UTF_8));
    }
    return (int) crc.getValue();
  }

  private static String withoutBom(String line) {
    return !line.isEmpty() && line.charAt(0) == '\uFEFF' ? line.substring(1) : line;
  }
}
