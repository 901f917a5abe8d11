package ru.metodichka.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.db.ResolvedDatabase.Source;

/**
 * An embedded PostgreSQL (zonky) for a machine without a server. Everything lives under the data
 * directory: the cluster in {@code postgres/} (kept between runs), the unpacked binaries in {@code
 * postgres-binaries/} (unpacked once, not in /tmp), the server's log in {@code postgres.log}.
 *
 * <p>zonky makes its unpack directory writable for everyone (so that users can share one in /tmp).
 * Here that would let any local user swap the binaries this process runs, so the unpack directory
 * sits inside {@code postgres-binaries/}, which only the owner may enter.
 *
 * <p>Running as root: PostgreSQL refuses to, so zonky 2.2.2 itself runs initdb and pg_ctl through
 * {@code unshare -U} when the user is root and {@code unshare -U id -u} works. In that user
 * namespace the process is "nobody" and sees the root-owned data directory as its own, so nothing
 * more is needed; where unshare is not usable, {@link #checkCanRun()} says so before zonky fails
 * with a less helpful message.
 */
final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  static final String DATABASE = "metodichka";
  static final String CLUSTER = "postgres";
  static final String BINARIES = "postgres-binaries";
  private static final String UNPACKED = "zonky";
  static final String LOG_FILE = "postgres.log";
  private static final String LOCK_FILE = "postgres.lock";
  private static final String HOST = "127.0.0.1";
  private static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;
  private final DataDirLock lock;

  private EmbeddedDatabase(EmbeddedPostgres postgres, DataDirLock lock) {
    this.postgres = postgres;
    this.lock = lock;
  }

  /**
   * Starts the server (creating the cluster and the database on first use). Blocking.
   *
   * @throws DatabaseUnavailableException saying why and how to use a server instead
   */
  static ResolvedDatabase start(Path dataDir) {
    Path home = dataDir.toAbsolutePath().normalize();
    ServerLog log = ServerLog.at(home.resolve(LOG_FILE));
    DataDirLock lock = null;
    EmbeddedPostgres postgres = null;
    try {
      checkCanRun();
      ownerOnly(Files.createDirectories(home.resolve(BINARIES).resolve(UNPACKED)).getParent());
      lock = DataDirLock.acquire(home.resolve(LOCK_FILE));
      LeftoverServer.clear(home.resolve(CLUSTER));
      long started = System.nanoTime();
      postgres = launch(home, log);
      DatabaseBootstrap.ensureExists(url(postgres.getPort()), Duration.ofSeconds(10));
      LOG.info(
          "Using an embedded PostgreSQL on {}:{} (started in {} ms); its data is in {}. Set"
              + " METODICHKA_DB_URL to use a PostgreSQL server instead.",
          HOST,
          postgres.getPort(),
          (System.nanoTime() - started) / 1_000_000,
          home.resolve(CLUSTER));
      return resolved(new EmbeddedDatabase(postgres, lock));
    } catch (IOException | SQLException | RuntimeException e) {
      closeQuietly(postgres, lock);
      throw e instanceof DatabaseUnavailableException unavailable
          ? unavailable
          : cannotStart(home, log, e);
    }
  }

  private static EmbeddedPostgres launch(Path home, ServerLog log) throws IOException {
    return EmbeddedPostgres.builder()
        .setDataDirectory(home.resolve(CLUSTER))
        .setCleanDataDirectory(false) // zonky's default deletes the cluster on close
        .setOverrideWorkingDirectory(home.resolve(BINARIES).resolve(UNPACKED).toFile())
        .setOutputRedirector(Redirect.appendTo(log.file().toFile()))
        .setPGStartupWait(Duration.ofSeconds(60))
        // Independent of the environment's locale, which may not exist or not be UTF-8; the
        // builtin C.UTF-8 still lowercases Cyrillic.
        .setLocaleConfig("locale", "C")
        .setLocaleConfig("locale-provider", "builtin")
        .setLocaleConfig("builtin-locale", "C.UTF-8")
        .setServerConfig("listen_addresses", HOST)
        .setServerConfig("unix_socket_directories", "") // TCP only: no socket files in /tmp
        // zonky is made for tests: it passes -F (no fsync) and synchronous_commit=off. This is
        // the only copy of the teachers' data, so every acknowledged commit must be on disk.
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .start();
  }

  /** Fails early, and clearly, where PostgreSQL cannot run at all. */
  private static void checkCanRun() {
    boolean root = ProcessHandle.current().info().user().map("root"::equals).orElse(false);
    if (root && !LinuxUtils.isUnshareAvailable()) {
      throw new DatabaseUnavailableException(
          "No PostgreSQL server answers, and the embedded one cannot start: PostgreSQL refuses to"
              + " run as root, and `unshare -U` (to run it in a user namespace) is not available"
              + " here (missing util-linux, or user namespaces disabled). Run Metodichka as an"
              + " ordinary user, or "
              + DatabaseLocator.HOW_TO);
    }
  }

  private static void ownerOnly(Path directory) throws IOException {
    // Only POSIX file systems have these permissions; zonky has no binaries for the others anyway.
    if (isPosix(directory)) {
      Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
    }
  }

  /** Whether the file system of this path has POSIX owner/group/other permissions. */
  static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static DatabaseUrl url(int port) {
    return new DatabaseUrl(HOST, port, DATABASE, SUPERUSER, null);
  }

  private static ResolvedDatabase resolved(EmbeddedDatabase embedded) {
    int port = embedded.postgres.getPort();
    return new ResolvedDatabase(HOST, port, DATABASE, SUPERUSER, null, Source.EMBEDDED, embedded);
  }

  private static DatabaseUnavailableException cannotStart(Path home, ServerLog log, Exception e) {
    // The caller reports the message; the stack trace is for whoever turns on debug logging.
    LOG.debug("The embedded PostgreSQL in {} could not start", home, e);
    return new DatabaseUnavailableException(
        "No PostgreSQL server answers, and the embedded one could not start in "
            + home.resolve(CLUSTER)
            + ": "
            + e // with its class: a FileSystemException's message alone is just a path
            + log.tailSinceOpened()
            + "\n"
            + DatabaseLocator.HOW_TO,
        e);
  }

  /** Stops the server (a fast shutdown), then lets go of the data directory. */
  @Override
  public void close() throws IOException {
    try {
      postgres.close();
    } finally {
      lock.close();
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres, DataDirLock lock) {
    try {
      if (postgres != null) {
        postgres.close();
      }
      if (lock != null) {
        lock.close();
      }
    } catch (IOException e) {
      // zonky's close logs its own failures and does not throw; this is the lock's channel
      LOG.warn("Releasing the data directory lock after a failed embedded start failed", e);
    }
  }
}
