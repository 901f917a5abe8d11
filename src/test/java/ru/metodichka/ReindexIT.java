package ru.metodichka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.metodichka.config.AppConfig;
import ru.metodichka.config.ConfigLoader;
import ru.metodichka.search.index.SearchIndex;

/**
 * {@code java -jar metodichka.jar reindex}: rebuilds an index from the database, or says why not.
 */
@OwnServerTest
class ReindexIT {

  @Test
  void reindexBuildsTheWholeIndexAndRefusesAnIndexAServerHolds() throws Exception {
    try (TestApp app = TestApp.start(Map.of())) {
      Fixtures fx = new Fixtures(app);
      var team = fx.team();
      for (int i = 0; i < 3; i++) {
        fx.save(team.community(), "стр-" + i, team.member().token(), "Страница " + i, "Текст.", 0);
      }
      String database = app.app().database().database();
      Path fresh = Files.createTempDirectory("reindex");

      assertThat(Reindex.run(config(database, fresh))).isZero();
      try (SearchIndex index = SearchIndex.open(fresh)) {
        assertThat(index.size()).isEqualTo(3);
        assertThat(index.checkpoint()).isPresent();
      }

      Path held = Path.of("target/it-data/search", database);
      assertThat(Reindex.run(config(database, held))).as("the server holds it").isEqualTo(1);
    }
  }

  private static AppConfig config(String database, Path indexDir) {
    String args =
        "reindex --data-dir=target/it-data --db-url="
            + TestDatabases.SERVER
            + database
            + " --search-index-dir="
            + indexDir;
    return ConfigLoader.load(args.split(" "), Map.of());
  }
}
