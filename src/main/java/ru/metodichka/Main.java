package ru.metodichka;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.config.AppConfig;
import ru.metodichka.config.ConfigLoader;
import ru.metodichka.db.DatabaseUnavailableException;
import ru.metodichka.search.index.SearchIndexes;

/**
 * {@code java -jar metodichka.jar [reindex] [--key=value ...]}: reads the configuration and serves,
 * or rebuilds the search index and exits.
 */
public final class Main {
  private static final Logger LOG = LoggerFactory.getLogger(Main.class);

  private Main() {}

  public static void main(String[] args) {
    AppConfig config;
    try {
      config = ConfigLoader.load(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (config.command().equals("reindex")) {
      System.exit(Reindex.run(config));
      return;
    }
    if (!config.command().equals("serve")) {
      System.err.println(
          "Unknown command '"
              + config.command()
              + "'. Usage: java -jar metodichka.jar [reindex] [--demo] [--key=value ...]");
      System.exit(2);
    }
    try {
      Application app = Application.start(config);
      Runtime.getRuntime().addShutdownHook(new Thread(app::close, "shutdown"));
    } catch (DatabaseUnavailableException | SearchIndexes.IndexInUseException e) {
      // Causes people can act on (no database, the index in use): the message is enough.
      LOG.error("Cannot start: {}", e.getMessage());
      System.exit(1);
    } catch (RuntimeException e) {
      LOG.error("Cannot start: {}", e.getMessage(), e);
      System.exit(1);
    }
  }
}
