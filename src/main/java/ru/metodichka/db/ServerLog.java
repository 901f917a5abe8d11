package ru.metodichka.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * The embedded server's log file: initdb, pg_ctl and the server write to it. When a start fails,
 * its last lines (of this start only) go into the error message, since they say why, and zonky's
 * own message only names the command that failed.
 */
record ServerLog(Path file, long startOffset) {
  // Enough to keep a good history, small enough to never matter; one older file is kept.
  private static final long ROTATE_AT = 10L * 1024 * 1024;
  private static final int TAIL_LINES = 15;
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  /**
   * Creates the log (readable by the owner only: error details quote data) or rotates a large one,
   * and remembers where this start's lines begin. Never throws: a directory that cannot hold the
   * log cannot hold the cluster either, and that failure gets the better message.
   */
  static ServerLog at(Path file) {
    try {
      if (Files.isRegularFile(file) && Files.size(file) > ROTATE_AT) {
        Files.move(
            file,
            file.resolveSibling(file.getFileName() + ".1"),
            StandardCopyOption.REPLACE_EXISTING);
      }
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        if (EmbeddedDatabase.isPosix(file)) {
          Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
          Files.createFile(file);
        }
      }
      return new ServerLog(file, Files.size(file));
    } catch (IOException e) {
      return new ServerLog(file, 0);
    }
  }

  /** "\nLast lines of …:\n …" for the lines written since {@link #at}, or "" if none. */
  String tailSinceOpened() {
    try (InputStream in = Files.newInputStream(file)) {
      in.skipNBytes(startOffset);
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(line -> !line.isBlank())
              .toList();
      if (lines.isEmpty()) {
        return "";
      }
      List<String> tail = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
      return "\nLast lines of " + file + ":\n  " + String.join("\n  ", tail);
    } catch (IOException e) {
      return "";
    }
  }
}
