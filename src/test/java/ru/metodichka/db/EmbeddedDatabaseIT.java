package ru.metodichka.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import ru.metodichka.OwnServerTest;

/** The embedded server across restarts, crashes and leftovers of earlier runs. */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
@OwnServerTest
class EmbeddedDatabaseIT {
  @TempDir Path tempDir;
  private Path dataDir;
  private String nothingListens;

  @BeforeEach
  void prepare() throws IOException {
    dataDir = EmbeddedTestDirs.withSharedBinaries(tempDir);
    nothingListens = EmbeddedTestDirs.nothingListensUrl();
  }

  @AfterEach
  void unlink() throws IOException {
    EmbeddedTestDirs.unlinkSharedBinaries(dataDir);
  }

  @Test
  void afterTheOwnerIsKilledWithSigkillTheNextStartReplacesItsOrphanedServer() throws Exception {
    Process owner = startOwnerProcess(Map.of());
    long orphan = -1;
    try {
      assertThat(firstAnswer(owner)).startsWith("READY");
      orphan = postmasterPid();
      owner.destroyForcibly().waitFor();
      assertThat(ProcessHandle.of(orphan))
          .as("kill -9 of the JVM leaves PostgreSQL running")
          .isPresent();

      try (ResolvedDatabase db = DatabaseLocator.resolve(null, nothingListens, dataDir)) {
        assertThat(single(db, "SELECT note FROM before_kill"))
            .isEqualTo("committed before kill -9");
        assertThat(ProcessHandle.of(orphan)).isEmpty();
      }
    } finally {
      owner.destroyForcibly();
      ProcessHandle.of(orphan).ifPresent(ProcessHandle::destroy); // only if the test failed
    }
  }

  @Test
  void aStalePostmasterPidNamingAnotherLiveProcessDoesNotBlockTheStart() throws Exception {
    DatabaseLocator.resolve(null, nothingListens, dataDir).close();
    Process unrelated = new ProcessBuilder("sleep", "300").start();
    try {
      // As after a reboot: the PID in the file now belongs to some other process of the same user.
      Files.writeString(
          pidFile(), unrelated.pid() + "\n" + dataDir.resolve(EmbeddedDatabase.CLUSTER) + "\n");
      try (ResolvedDatabase db = DatabaseLocator.resolve(null, nothingListens, dataDir)) {
        assertThat(single(db, "SELECT 'started'")).isEqualTo("started");
      }
      assertThat(unrelated.isAlive()).as("the unrelated process is left alone").isTrue();
    } finally {
      unrelated.destroyForcibly();
    }
  }

  @Test
  void aSecondUserOfTheSameDataDirectoryIsToldItIsInUse() {
    try (ResolvedDatabase first = DatabaseLocator.resolve(null, nothingListens, dataDir)) {
      assertThatThrownBy(() -> DatabaseLocator.resolve(null, nothingListens, dataDir))
          .isInstanceOf(DatabaseUnavailableException.class)
          .hasMessageContaining("already used")
          .hasMessageContaining("METODICHKA_DB_URL");
      assertThat(ProcessHandle.of(postmasterPid())).as("the first one's server").isPresent();
      assertThat(first.source()).isEqualTo(ResolvedDatabase.Source.EMBEDDED);
    }
  }

  @Test
  void aClusterLeftHalfInitialisedIsMovedAsideAndCreatedAfresh() throws Exception {
    Path cluster = Files.createDirectories(dataDir.resolve(EmbeddedDatabase.CLUSTER));
    Files.writeString(cluster.resolve("PG_VERSION"), "18\n");
    try (ResolvedDatabase db = DatabaseLocator.resolve(null, nothingListens, dataDir)) {
      assertThat(single(db, "SELECT current_database()")).isEqualTo("metodichka");
    }
    try (var entries = Files.list(dataDir)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.startsWith("postgres.incomplete-"));
    }
  }

  @Test
  void theEmbeddedServerKeepsCommitsDurableAndListensOnlyOnLoopbackTcp() throws Exception {
    try (ResolvedDatabase db = DatabaseLocator.resolve(null, nothingListens, dataDir)) {
      assertThat(single(db, "SHOW fsync")).isEqualTo("on");
      assertThat(single(db, "SHOW synchronous_commit")).isEqualTo("on");
      assertThat(single(db, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
      assertThat(single(db, "SHOW unix_socket_directories")).isEmpty();
      assertThat(single(db, "SELECT lower('ПРИВЕТ Ёж')")).isEqualTo("привет ёж");
      assertThat(single(db, "SELECT datlocale FROM pg_database WHERE datname = 'metodichka'"))
          .isEqualTo("C.UTF-8");
    }
    assertThat(dataDir.resolve(EmbeddedDatabase.LOG_FILE)).isNotEmptyFile();
  }

  @Test
  void onlyTheOwnerCanReachTheBinariesItRunsAndTheServerLog() throws Exception {
    DatabaseLocator.resolve(null, nothingListens, dataDir).close();
    assertThat(Files.getPosixFilePermissions(dataDir.resolve(EmbeddedDatabase.BINARIES)))
        .isEqualTo(PosixFilePermissions.fromString("rwx------"));
    assertThat(Files.getPosixFilePermissions(dataDir.resolve(EmbeddedDatabase.LOG_FILE)))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void asRootWithoutUnshareTheMessageSaysHowToUseAServer() throws Exception {
    assumeTrue(ProcessHandle.current().info().user().orElse("").equals("root"));
    // An empty PATH hides unshare, as on a system without util-linux or user namespaces.
    String answer = firstAnswer(startOwnerProcess(Map.of("PATH", "/nonexistent")));
    assertThat(answer)
        .startsWith("FAILED")
        .contains("root")
        .contains("unshare")
        .contains("METODICHKA_DB_URL=postgresql://");
  }

  private Process startOwnerProcess(Map<String, String> environment) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // Its own temporary directory: zonky leaves a script in java.io.tmpdir when a JVM dies by -9.
    Path tmp = Files.createDirectories(tempDir.resolve("tmp"));
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path")));
    command.addAll(
        List.of(EmbeddedServerProcess.class.getName(), dataDir.toString(), nothingListens));
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
    builder.environment().putAll(environment);
    return builder.start();
  }

  /** The owner's READY or FAILED line; its log lines before that are skipped. */
  private static String firstAnswer(Process owner) throws IOException {
    BufferedReader lines =
        new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith("READY") || line.startsWith("FAILED")) {
        return line;
      }
    }
    throw new AssertionError("The owner process ended without an answer");
  }

  private Path pidFile() {
    return dataDir.resolve(EmbeddedDatabase.CLUSTER).resolve("postmaster.pid");
  }

  private long postmasterPid() {
    try {
      return Long.parseLong(Files.readAllLines(pidFile()).getFirst().strip());
    } catch (IOException e) {
      throw new AssertionError("No postmaster.pid in " + dataDir, e);
    }
  }

  private static String single(ResolvedDatabase db, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.jdbcProperties());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getString(1);
    }
  }
}
