package ru.metodichka;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The server started as the README says, with no JVM options: it runs with the measured memory
 * settings, in the same process; started with settings of one's own, it keeps them.
 */
class TunedJvmIT {
  private final String database = TestDatabases.freshName("metodichka_jvm");
  private Process server;

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    TestDatabases.drop(database);
  }

  @Test
  void aJvmStartedWithoutMemorySettingsServesWithTheTunedOnesInTheSameProcess() throws Exception {
    List<String> arguments = serve(List.of());

    assertThat(arguments).containsAll(TunedJvm.OPTIONS);
    assertThat(arguments).containsSubsequence("ru.metodichka.Main", "--http-port=0");
  }

  @Test
  void aJvmStartedWithAHeapSizeOfItsOwnKeepsItsSettings() throws Exception {
    List<String> arguments = serve(List.of("-Xmx256m"));

    assertThat(arguments).contains("-Xmx256m").doesNotContainAnyElementsOf(TunedJvm.OPTIONS);
  }

  /** Starts Main in a JVM of its own; once it serves, the arguments its process runs with. */
  private List<String> serve(List<String> jvmOptions) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            Main.class.getName(),
            "--http-port=0",
            "--http-instances=1",
            "--data-dir=target/it-data",
            "--search-index-dir=target/it-data/search/" + database,
            "--db-url=" + TestDatabases.SERVER + database,
            "--admin-password=" + TestApp.ADMIN_PASSWORD));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeAll(List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS"));
    server = builder.start();
    var out =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    List<String> lines = new ArrayList<>();
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      lines.add(line);
      if (line.contains("Metodichka serves http://")) {
        Thread.ofPlatform().daemon().start(() -> out.lines().forEach(l -> {}));
        assertThat(server.isAlive()).isTrue();
        return arguments(server.pid());
      }
    }
    throw new AssertionError("The server ended before serving:\n" + String.join("\n", lines));
  }

  /** The process's arguments (the JDK's ProcessHandle gives up on a long class path). */
  private static List<String> arguments(long pid) throws IOException {
    String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
    return List.of(cmdline.split("\0"));
  }
}
