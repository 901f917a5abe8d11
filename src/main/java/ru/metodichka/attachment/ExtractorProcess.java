package ru.metodichka.attachment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One long-lived child JVM running {@link ExtractMain}, started with the server's own class path, a
 * heap cap and a lower CPU priority, and used by one thread at a time. {@link #extract} hands it a
 * file and waits for the answer at most the time limit: at the limit the child is killed (a timer
 * kills it, which ends the wait); when it died — killed, out of memory, crashed — the outcome says
 * so and this object is spent: the caller starts a fresh one. A child started is ready: it has
 * loaded Tika before {@link #start} returns, so a file's time limit never pays for a JVM's start.
 */
final class ExtractorProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExtractorProcess.class);
  private static final int ERROR_CHARS = 2000;

  /**
   * An answer is the text (at most 4 bytes a character) or an error of a parser: less than this.
   */
  private static final int ERROR_BYTES = 1 << 20;

  /** A child that needs more than this to load Tika is taken as broken (it is killed). */
  static final Duration START_LIMIT = Duration.ofMinutes(2);

  /** Exit status of a JVM ended by {@code -XX:+ExitOnOutOfMemoryError}. */
  private static final int OUT_OF_MEMORY_EXIT = 3;

  private final Process process;
  private final DataInputStream answers;
  private final DataOutputStream jobs;
  private final StringBuilder errors = new StringBuilder();
  private final ScheduledExecutorService timer;
  private final int memoryMb;
  private volatile boolean killedAtLimit;
  private boolean spent;
  private int extracted;

  private ExtractorProcess(Process process, ScheduledExecutorService timer, int memoryMb) {
    this.process = process;
    this.timer = timer;
    this.memoryMb = memoryMb;
    this.answers = new DataInputStream(new BufferedInputStream(process.getInputStream(), 1 << 16));
    this.jobs = new DataOutputStream(new BufferedOutputStream(process.getOutputStream()));
    Thread.ofPlatform()
        .daemon(true)
        .name("metodichka-extract-stderr-" + process.pid())
        .start(this::drainErrors);
  }

  /** What one extraction came to: a status of {@code attachment_texts}, the text or the error. */
  record Outcome(String status, String text, String error) {}

  /**
   * Starts a child and waits until it is ready (at most {@link #START_LIMIT}); the timer kills it
   * at a job's time limit.
   */
  static ExtractorProcess start(int memoryMb, ScheduledExecutorService timer) throws IOException {
    ProcessBuilder builder = new ProcessBuilder(command(memoryMb));
    builder.environment().remove("JDK_JAVA_OPTIONS");
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    // The child logs only what is wrong: its standard error is kept for the outcome's message.
    builder.environment().put("METODICHKA_LOG_LEVEL", "WARN");
    ExtractorProcess child = new ExtractorProcess(builder.start(), timer, memoryMb);
    ScheduledFuture<?> kill =
        timer.schedule(child::kill, START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    try {
      String ready = child.answers.readUTF();
      if (!ExtractMain.READY.equals(ready)) {
        throw new IOException("the text extractor said " + ready);
      }
    } catch (IOException e) {
      child.close();
      throw new IOException("the text extractor did not start: " + child.errors(), e);
    } finally {
      kill.cancel(false);
    }
    LOG.debug("Text extractor {} started", child.process.pid());
    return child;
  }

  private static List<String> command(int memoryMb) {
    List<String> command = new ArrayList<>();
    // Text extraction is background work: on a machine of two cores, requests come first.
    if (new File("/usr/bin/nice").canExecute()) {
      command.addAll(List.of("/usr/bin/nice", "-n", "10"));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + memoryMb + "m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:+ExitOnOutOfMemoryError");
    // The JVM's own messages (such as the one it ends with out of memory) stay off the protocol.
    command.add("-XX:+DisplayVMOutputToStderr");
    // The quick compiler only: over the first thousand files (then the child is replaced) the
    // optimising compiler cost twice the CPU it saved (measured on the corpus documents: 12.6 s
    // against 24.4 s of CPU for 840 files), on two cores shared with the server.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(ExtractMain.class.getName());
    return command;
  }

  /**
   * Reads the text of {@code file}, at most {@code maxChars} characters, within {@code limit}.
   * Blocking. After an outcome other than done or failed, this child is gone ({@link #spent()}).
   */
  Outcome extract(Path file, int maxChars, Duration limit) {
    if (spent) {
      throw new IllegalStateException("this text extractor has ended");
    }
    synchronized (errors) {
      errors.setLength(0);
    }
    ScheduledFuture<?> kill = timer.schedule(this::kill, limit.toMillis(), TimeUnit.MILLISECONDS);
    try {
      jobs.writeUTF(file.toString());
      jobs.writeInt(maxChars);
      jobs.flush();
      String kind = answers.readUTF();
      int length = answers.readInt();
      if (length < 0 || length > maxChars * 4L + ERROR_BYTES) {
        throw new IOException("the text extractor's answer is garbled");
      }
      byte[] value = new byte[length];
      answers.readFully(value);
      extracted++;
      if (!kill.cancel(false)) {
        // The timer fired as the answer came: the answer stands, the child is gone.
        spent = true;
      }
      String text = new String(value, StandardCharsets.UTF_8);
      return ExtractMain.DONE.equals(kind)
          ? new Outcome("done", clean(text, maxChars), null)
          : new Outcome("failed", null, cut(text));
    } catch (IOException e) {
      return ended(limit);
    } finally {
      kill.cancel(false);
    }
  }

  /**
   * The outcome of a job whose child died under it: killed at the limit, out of memory, crashed.
   */
  private Outcome ended(Duration limit) {
    spent = true;
    process.destroyForcibly();
    int exit;
    try {
      exit = process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exit = -1;
    }
    String errors = errors();
    if (killedAtLimit) {
      return new Outcome("timeout", null, "killed after " + limit.toSeconds() + " s");
    }
    if (exit == OUT_OF_MEMORY_EXIT || errors.contains("OutOfMemoryError")) {
      return new Outcome("too-large", null, cut("out of memory (" + memoryMb + " MB) " + errors));
    }
    return new Outcome(
        "failed",
        null,
        cut("the extractor ended (exit " + exit + ")" + (errors.isEmpty() ? "" : ": " + errors)));
  }

  /** Files this child has read. */
  int extracted() {
    return extracted;
  }

  /** True when this child has ended and a fresh one is needed. */
  boolean spent() {
    return spent || !process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  private void kill() {
    killedAtLimit = true;
    process.destroyForcibly();
  }

  /** Keeps the last of the child's standard error: the cause when it dies. */
  private void drainErrors() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        LOG.debug("Text extractor {}: {}", process.pid(), line);
        synchronized (errors) {
          errors.append(line).append('\n');
          if (errors.length() > 4 * ERROR_CHARS) {
            errors.delete(0, errors.length() - ERROR_CHARS);
          }
        }
      }
    } catch (IOException e) {
      // the child has ended
    }
  }

  private String errors() {
    synchronized (errors) {
      String all = errors.toString().strip();
      return all.length() <= ERROR_CHARS ? all : all.substring(all.length() - ERROR_CHARS);
    }
  }

  /** The text as stored: at most {@code maxChars}, without NUL (PostgreSQL text cannot hold it). */
  private static String clean(String text, int maxChars) {
    String kept = text.length() > maxChars ? text.substring(0, maxChars) : text;
    return kept.replace("\u0000", "").strip();
  }

  static String cut(String text) {
    return text.length() <= ERROR_CHARS ? text : text.substring(0, ERROR_CHARS);
  }

  /** Ends the child: its input closed, and killed. */
  @Override
  public void close() {
    spent = true;
    try {
      jobs.close();
    } catch (IOException e) {
      // the child has ended already
    }
    process.destroyForcibly();
  }
}
