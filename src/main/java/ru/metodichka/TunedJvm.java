package ru.metodichka;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The JVM settings Metodichka's memory figures were measured with, for the documented command
 * {@code java -jar metodichka.jar} (and the Docker image, which runs the same). Left to itself, the
 * JVM takes G1 and a quarter of the machine's memory as its heap limit, and under load grows into
 * it (1.5 GB resident on a 24 GB machine). A JVM's collector and heap limit cannot change once it
 * runs, so a JVM started with neither chosen replaces itself, before anything else happens, with
 * the same {@code java} and the same arguments plus {@link #OPTIONS}: by {@code execv}, so the
 * process (its id, its parent, its signals) stays the same and only the new program runs in it.
 * Whoever chose a heap size or a collector (on the command line, in {@code JDK_JAVA_OPTIONS},
 * {@code JAVA_TOOL_OPTIONS} or {@code _JAVA_OPTIONS}) keeps their choice, as does {@code
 * jvm.tune=false}.
 */
final class TunedJvm {
  /**
   * A fixed heap, not a share of the machine. Of its 176 MB the old generation gets three quarters,
   * 132 MB: a rebuild of the 100k-page search index while a crawler reads pages keeps up to 116 MB
   * live after a full collection (the caches full: {@code config.CacheSizes}; Lucene's buffer:
   * {@code SearchIndex.RAM_BUFFER_MB}; the pages read: {@code IndexSource.BATCH}), while serving
   * keeps about 50. The young generation, 44 MB, is collected often and cheaply (little of it
   * survives), and is what a JVM touches first: with 192 MB split the default way (64 MB young, 128
   * old) the server came to 415 MB resident with 100k pages. The parallel collector: G1's own
   * structures took 40 MB more and its pauses doubled search p95 on two cores. The trim hands back
   * to the system what the JIT compilers freed (25-30 MB under load). An OutOfMemoryError ends the
   * process rather than leaving it half-working.
   */
  static final List<String> OPTIONS =
      List.of(
          "-Xmx176m",
          "-XX:NewRatio=3",
          "-XX:+UseParallelGC",
          "-XX:TrimNativeHeapInterval=5000",
          "-XX:+ExitOnOutOfMemoryError");

  /**
   * The reindex command's settings: the same collector, a larger heap. A rebuild holds Lucene's
   * indexing buffer (an eighth of the heap, at most 64 MB, reached with this heap: see {@code
   * SearchIndex.RAM_BUFFER_MB}), up to twice while one is written out, and two batches of pages
   * (the one indexed, the one read meanwhile) live. In the server's 132 MB old generation that
   * meant 878 collections (30 full) and 13.3 s of pauses in a 100k-page rebuild, about a sixth of
   * its CPU time; with a 384 MB heap 270 (6 full) and 9.7 s. The command runs alone, with the
   * server stopped, and for a minute or two; its resident memory is not the server's (730-750 MB at
   * the peak of a 100k-page rebuild).
   */
  static final List<String> REINDEX_OPTIONS =
      List.of(
          "-Xmx576m",
          "-XX:+UseParallelGC",
          "-XX:TrimNativeHeapInterval=5000",
          "-XX:+ExitOnOutOfMemoryError");

  // Lucene's vectorised search code, where the runtime has the module (a JRE may not).
  private static final String VECTOR_MODULE = "jdk.incubator.vector";

  // Options that choose the heap's size or the collector; an argument file or an options file may
  // hold any of them, so they count as a choice too. (Read from the command line, not from the
  // JVM's management beans: those cost a start 150 ms.)
  private static final Pattern CHOICE =
      Pattern.compile(
          "-Xm[snx].*|-XX:(Max|Min|Initial)\\w*(Heap|RAM)\\w*=.*|-XX:[+-]Use\\w+GC"
              + "|-XX:(Flags|VMOptionsFile)=.*|@.+");
  private static final List<String> OPTION_VARIABLES =
      List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS");

  // fcntl(2) on Linux: set the descriptor's flags; the one flag, close on exec.
  private static final int F_SETFD = 2;
  private static final int FD_CLOEXEC = 1;

  private TunedJvm() {}

  /**
   * Replaces this JVM by one with the {@code command}'s options ({@link #optionsFor}) when nobody
   * chose its heap or collector; does not return then. Returns when the settings were chosen, or
   * when the new JVM cannot be started (not Linux or macOS, say: a note on stderr says so and this
   * one serves).
   */
  static void applyIfUnchosen(Map<String, String> env, String command, Path dataDir) {
    Optional<List<String>> arguments = arguments();
    if (arguments.isEmpty()) {
      note("cannot read this process's command line", optionsFor(command));
      return;
    }
    if (chosen(arguments.get(), env)) {
      return;
    }
    List<String> argv = new ArrayList<>();
    argv.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    argv.addAll(optionsFor(command, dataDir));
    if (ModuleFinder.ofSystem().find(VECTOR_MODULE).isPresent()) {
      argv.add("--add-modules=" + VECTOR_MODULE);
    }
    argv.addAll(arguments.get());
    System.out.flush();
    System.err.flush();
    try {
      exec(argv);
    } catch (Throwable e) {
      note(e.toString(), optionsFor(command));
    }
  }

  /** {@link #REINDEX_OPTIONS} for the reindex command, {@link #OPTIONS} for the server. */
  static List<String> optionsFor(String command) {
    return command.equals("reindex") ? REINDEX_OPTIONS : OPTIONS;
  }

  /**
   * The command's options and a class-data archive in {@code dataDir}: the JVM writes it when it
   * exits after a run without a usable one (the first, or the first after the jar or the JDK
   * changed) and maps it at the next start, which then neither reads nor verifies the classes it
   * holds. A start with 100k pages took 5.5-7.9 s of CPU until it served, most of it loading
   * classes and compiling what loading ran; with the archive 2.8-4.0 s. Writing it makes that one
   * exit a second or two longer; a data directory that cannot be written only costs the archive.
   */
  static List<String> optionsFor(String command, Path dataDir) {
    List<String> options = new ArrayList<>(optionsFor(command));
    Path archive = dataDir.resolve("jvm").resolve("metodichka-" + command + ".jsa");
    try {
      Files.createDirectories(archive.getParent());
    } catch (IOException | RuntimeException e) {
      return options; // no archive then
    }
    options.add("-XX:SharedArchiveFile=" + archive.toAbsolutePath());
    options.add("-XX:+AutoCreateSharedArchive");
    // Its complaints are about the JDK's own archive, made without Lucene's vector module, and are
    // printed as errors at every start; nothing is wrong.
    options.add("-Xlog:cds=off");
    return options;
  }

  /** This process's arguments (after the program's name), exactly as it was started with. */
  private static Optional<List<String>> arguments() {
    Path cmdline = Path.of("/proc/self/cmdline");
    if (!Files.isReadable(cmdline)) {
      // Elsewhere the JDK's view, which gives up on a long command line.
      return ProcessHandle.current().info().arguments().map(List::of);
    }
    try {
      String all = Files.readString(cmdline, StandardCharsets.UTF_8);
      List<String> argv = List.of(all.split("\0", -1));
      // NUL-terminated: the last piece is the empty string after the last argument.
      return Optional.of(argv.subList(1, argv.size() - 1));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the JVM's arguments, or the environment variables the launcher and the JVM read options
   * from, choose its heap size or collector. (The application's own arguments are looked at too;
   * none of them looks like a JVM option.)
   */
  static boolean chosen(List<String> arguments, Map<String, String> env) {
    List<String> all = new ArrayList<>(arguments);
    for (String variable : OPTION_VARIABLES) {
      String options = env.get(variable);
      if (options != null && !options.isBlank()) {
        all.addAll(List.of(options.strip().split("\\s+")));
      }
    }
    return all.stream().anyMatch(argument -> CHOICE.matcher(argument).matches());
  }

  /** Runs {@code argv} in place of this program; returns only if that failed. */
  private static void exec(List<String> argv) throws Throwable {
    Linker linker = Linker.nativeLinker();
    closeOnExec(linker);
    MethodHandle execv =
        linker.downcallHandle(
            linker.defaultLookup().find("execv").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS));
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment pointers = arena.allocate(ValueLayout.ADDRESS, argv.size() + 1L);
      for (int i = 0; i < argv.size(); i++) {
        pointers.setAtIndex(ValueLayout.ADDRESS, i, arena.allocateFrom(argv.get(i)));
      }
      pointers.setAtIndex(ValueLayout.ADDRESS, argv.size(), MemorySegment.NULL);
      int result = (int) execv.invokeExact(arena.allocateFrom(argv.getFirst()), pointers);
      note("execv returned " + result, List.of());
    }
  }

  /**
   * Marks the files this JVM opened (its jar, the module image) to close at the exec, so the new
   * JVM does not inherit them; standard input and output stay. Linux only; elsewhere they stay too.
   */
  private static void closeOnExec(Linker linker) throws Throwable {
    Path open = Path.of("/proc/self/fd");
    if (!Files.isDirectory(open)) {
      return;
    }
    MethodHandle fcntl =
        linker.downcallHandle(
            linker.defaultLookup().find("fcntl").orElseThrow(),
            FunctionDescriptor.of(
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT,
                ValueLayout.JAVA_INT),
            Linker.Option.firstVariadicArg(2));
    List<Integer> descriptors;
    try (var files = Files.list(open)) {
      descriptors = files.map(f -> Integer.parseInt(f.getFileName().toString())).toList();
    }
    for (int fd : descriptors) {
      if (fd > 2) {
        int ignored = (int) fcntl.invokeExact(fd, F_SETFD, FD_CLOEXEC);
      }
    }
  }

  // Plain stderr: logging starts after this decision, in the JVM that serves.
  private static void note(String why, List<String> options) {
    System.err.println(
        "Running with the JVM's default memory settings ("
            + why
            + "); for the measured footprint start java with "
            + String.join(" ", options.isEmpty() ? OPTIONS : options));
  }
}
