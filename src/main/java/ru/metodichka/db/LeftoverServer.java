package ru.metodichka.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what an earlier run may have left in the embedded cluster directory, so that a restart
 * works:
 *
 * <ul>
 *   <li>a server still running: kill -9 of the JVM does not stop the postgres it started;
 *   <li>a {@code postmaster.pid} of a server that is gone: PostgreSQL refuses to start while the
 *       PID in it belongs to any process it may signal, and after a reboot that PID may well be
 *       someone else's;
 *   <li>a directory without {@code postgresql.conf}: a first start (initdb) that was interrupted.
 * </ul>
 *
 * Call only while holding the {@link DataDirLock}: then no live Metodichka owns any of this.
 * Blocking.
 */
final class LeftoverServer {
  private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);
  // Smart shutdown waits for sessions; a dead owner's sessions end as soon as their sockets close.
  private static final Duration GRACE = Duration.ofSeconds(15);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private LeftoverServer() {}

  static void clear(Path cluster) throws IOException {
    if (!Files.isDirectory(cluster)) {
      return;
    }
    List<ProcessHandle> running = processesOf(cluster);
    if (!running.isEmpty()) {
      stop(running, cluster);
    }
    Path pidFile = cluster.resolve("postmaster.pid");
    // Without /proc we cannot know that nothing runs: then PostgreSQL judges the file itself.
    if (Files.exists(pidFile) && Files.isDirectory(Path.of("/proc/self"))) {
      LOG.warn("Removing {}: no server of that directory runs any more", pidFile);
      Files.delete(pidFile);
    }
    moveAsideIfIncomplete(cluster);
  }

  /** The postmaster and its children: PostgreSQL processes working in the cluster directory. */
  private static List<ProcessHandle> processesOf(Path cluster) throws IOException {
    Path real = cluster.toRealPath();
    try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
      return all.filter(p -> isPostgres(p) && real.equals(workingDirectory(p).orElse(null)))
          .toList();
    }
  }

  private static boolean isPostgres(ProcessHandle process) {
    return process
        .info()
        .command()
        .map(command -> Path.of(command).getFileName().toString().startsWith("postgres"))
        .orElse(false);
  }

  /** PostgreSQL works in its data directory, which tells this cluster's processes from others'. */
  private static Optional<Path> workingDirectory(ProcessHandle process) {
    try {
      return Optional.of(Path.of("/proc", Long.toString(process.pid()), "cwd").toRealPath());
    } catch (IOException | SecurityException e) {
      return Optional.empty(); // gone meanwhile, another user's, or no /proc
    }
  }

  private static void stop(List<ProcessHandle> processes, Path cluster) throws IOException {
    ProcessHandle postmaster =
        processes.stream()
            .filter(p -> p.parent().map(parent -> !processes.contains(parent)).orElse(true))
            .findFirst()
            .orElse(processes.getFirst());
    LOG.warn(
        "A PostgreSQL server (PID {}) still runs in {}, left by an earlier Metodichka that was"
            + " killed; stopping it",
        postmaster.pid(),
        cluster);
    postmaster.destroy(); // SIGTERM: smart shutdown, which writes a checkpoint
    if (exited(processes, GRACE)) {
      return;
    }
    LOG.warn("The leftover PostgreSQL in {} did not stop within {}; killing it", cluster, GRACE);
    processes.forEach(ProcessHandle::destroyForcibly); // recovery from the WAL on the next start
    if (!exited(processes, KILL_WAIT)) {
      throw new IOException(
          "could not stop the PostgreSQL server left running in "
              + cluster
              + " (PIDs "
              + processes.stream().map(p -> Long.toString(p.pid())).toList()
              + ")");
    }
  }

  private static boolean exited(List<ProcessHandle> processes, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (processes.stream().anyMatch(ProcessHandle::isAlive)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }

  private static void moveAsideIfIncomplete(Path cluster) throws IOException {
    if (Files.exists(cluster.resolve("postgresql.conf"))) {
      return;
    }
    try (Stream<Path> entries = Files.list(cluster)) {
      if (entries.findAny().isEmpty()) {
        return;
      }
    }
    Path aside =
        cluster.resolveSibling(
            cluster.getFileName() + ".incomplete-" + Instant.now().getEpochSecond());
    LOG.warn(
        "{} has no postgresql.conf: an earlier first start was interrupted. Moving it to {} and"
            + " creating the cluster afresh",
        cluster,
        aside);
    Files.move(cluster, aside);
  }
}
