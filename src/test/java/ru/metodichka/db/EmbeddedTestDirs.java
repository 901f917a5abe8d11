package ru.metodichka.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Data directories for embedded-server tests. Each test gets its own cluster, but all share one
 * copy of the unpacked PostgreSQL binaries (in the build directory, so {@code mvn clean} removes
 * it): unpacking takes seconds, and it is not what these tests are about.
 */
final class EmbeddedTestDirs {
  private EmbeddedTestDirs() {}

  /** Prepares {@code dataDir} (empty) so that its binaries directory is the shared one. */
  static Path withSharedBinaries(Path dataDir) throws IOException {
    Path shared = buildDirectory().resolve("embedded-postgres-binaries");
    Files.createDirectories(shared);
    Files.createSymbolicLink(dataDir.resolve(EmbeddedDatabase.BINARIES), shared);
    return dataDir;
  }

  /** Removes the link again, so that deleting the temporary directory leaves the binaries be. */
  static void unlinkSharedBinaries(Path dataDir) throws IOException {
    Path link = dataDir.resolve(EmbeddedDatabase.BINARIES);
    if (Files.isSymbolicLink(link)) {
      Files.delete(link);
    }
  }

  /** A local URL at which nothing answers, so the locator falls back to the embedded server. */
  static String nothingListensUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return "postgresql://postgres@127.0.0.1:" + socket.getLocalPort() + "/metodichka";
    }
  }

  private static Path buildDirectory() {
    try {
      Path testClasses =
          Path.of(
              EmbeddedTestDirs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return testClasses.getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("Cannot locate the build directory", e);
    }
  }
}
