package ru.metodichka.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory's embedded server, held from before the server starts until
 * after it stops. It keeps a second Metodichka (or a second resolve in this JVM) away, and it is
 * what makes clearing leftovers safe: whoever holds it knows no live owner needs them. The
 * operating system releases it when the process dies, even by kill -9.
 */
final class DataDirLock implements AutoCloseable {
  private final FileChannel channel;

  private DataDirLock(FileChannel channel) {
    this.channel = channel;
  }

  /**
   * @throws DatabaseUnavailableException when someone else holds it
   */
  static DataDirLock acquire(Path file) throws IOException {
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock = null;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      // this JVM holds it already: same answer as for another process
    }
    if (lock == null) {
      channel.close();
      throw new DatabaseUnavailableException(
          "The embedded PostgreSQL in "
              + file.getParent()
              + " is already used by another running Metodichka. Stop that one, give this one"
              + " another data directory, or "
              + DatabaseLocator.HOW_TO);
    }
    return new DataDirLock(channel);
  }

  /** Releases the lock (closing the channel does). */
  @Override
  public void close() throws IOException {
    channel.close();
  }
}
