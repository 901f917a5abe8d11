package ru.metodichka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.config.AppConfig;
import ru.metodichka.config.ConfigLoader;
import ru.metodichka.db.DatabaseUnavailableException;
import ru.metodichka.search.index.SearchIndexes;

/**
 * {@code java -jar metodichka.jar [reindex] [--key=value ...]}: reads the configuration, restarts
 * the JVM with the measured memory settings unless told otherwise ({@link TunedJvm}), and serves,
 * or rebuilds the search index and exits.
 */
public final class Main {
  private static final String USAGE =
      "Usage: java -jar metodichka.jar [reindex] [--demo] [--key=value ...]";

  private static final String NETTY_JFR = "io.netty.jfr.enabled";

  private Main() {}

  public static void main(String[] args) {
    // Netty reports its buffer allocations as Flight Recorder events whenever the recorder is
    // available, and registering them starts the recorder's machinery (its metadata: ~0.1 s of the
    // first database connection at every start) though nothing records. Whoever wants them sets
    // the property.
    if (System.getProperty(NETTY_JFR) == null) {
      System.setProperty(NETTY_JFR, "false");
    }
    AppConfig config = configuration(args);
    if (config.tuneJvm()) {
      TunedJvm.applyIfUnchosen(System.getenv(), config.command(), config.dataDir());
    }
    // Logging starts here, in the JVM that does the work.
    Logger log = LoggerFactory.getLogger(Main.class);
    log.info(
        "Java {}, heap limit {} MB", Runtime.version(), Runtime.getRuntime().maxMemory() >> 20);
    if (config.command().equals("reindex")) {
      System.exit(Reindex.run(config));
      return;
    }
    try {
      Application app = Application.start(config);
      Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
    } catch (DatabaseUnavailableException | SearchIndexes.IndexInUseException e) {
      // Causes people can act on (no database, the index in use): the message is enough.
      log.error("Cannot start: {}", e.getMessage());
      System.exit(1);
    } catch (RuntimeException e) {
      log.error("Cannot start: {}", e.getMessage(), e);
      System.exit(1);
    }
  }

  /** The configuration, or exit 2 with what is wrong with it (before any JVM restart). */
  private static AppConfig configuration(String[] args) {
    try {
      AppConfig config = ConfigLoader.load(args, System.getenv());
      if (config.command().equals("serve") || config.command().equals("reindex")) {
        return config;
      }
      System.err.println("Unknown command '" + config.command() + "'. " + USAGE);
    } catch (IllegalArgumentException e) {
      System.err.println("Configuration error: " + e.getMessage());
    }
    System.exit(2);
    throw new IllegalStateException("exit");
  }
}
