package ru.metodichka.fault;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ru.metodichka.Main;
import ru.metodichka.TestApp;

/**
 * A Metodichka server in a JVM of its own, run from the test classpath, so that a test can kill it
 * with -9 as a crash would. Its output goes to a file under {@code target/fault-logs/}.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("Metodichka serves http://[^:]+:(\\d+)/");
  private final Process process;
  private final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts a server on the database at {@code dbUrl}; returns once it serves. */
  static ServerProcess start(String dbUrl, Path indexDir, String logName) throws IOException {
    return start(dbUrl, indexDir, logName, List.of());
  }

  /** Starts a server with further flags ({@code --smtp-host=…}); returns once it serves. */
  static ServerProcess start(String dbUrl, Path indexDir, String logName, List<String> flags)
      throws IOException {
    List<String> command = new java.util.ArrayList<>();
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "--add-modules",
            "jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED",
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--http-port=0",
            "--http-instances=1",
            "--data-dir=target/it-data",
            "--search-index-dir=" + indexDir,
            "--db-url=" + dbUrl,
            "--admin-password=" + TestApp.ADMIN_PASSWORD));
    command.addAll(flags);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Path log = Files.createDirectories(Path.of("target", "fault-logs")).resolve(logName + ".log");
    var out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    var copy = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true);
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      copy.println(line);
      Matcher serving = SERVING.matcher(line);
      if (serving.find()) {
        // Keep reading, or a full pipe would stop the server.
        Thread.ofPlatform().daemon().start(() -> out.lines().forEach(copy::println));
        return new ServerProcess(process, Integer.parseInt(serving.group(1)));
      }
    }
    throw new IllegalStateException("The server process ended before serving; see " + log);
  }

  int port() {
    return port;
  }

  /** kill -9: no shutdown hook, no closing of anything. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("The server process outlived kill -9");
    }
  }

  /** An orderly stop (SIGTERM runs the server's shutdown hook). */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
