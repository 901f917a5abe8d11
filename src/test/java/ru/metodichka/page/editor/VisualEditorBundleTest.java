package ru.metodichka.page.editor;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The visual editor's bundle is committed (so building the server never needs Node) and is the one
 * the committed lockfile builds: its first line names the Milkdown version the lockfile pins.
 */
class VisualEditorBundleTest {
  private static final Path EDITOR = Path.of("src", "main", "editor");
  private static final Path ASSETS = Path.of("webroot", "assets");

  @Test
  void theBundleIsCommittedAndNamesTheLockedMilkdownVersion() throws IOException {
    JsonObject lock = new JsonObject(Files.readString(EDITOR.resolve("package-lock.json")));
    String locked =
        lock.getJsonObject("packages")
            .getJsonObject("node_modules/@milkdown/kit")
            .getString("version");
    JsonObject manifest = new JsonObject(Files.readString(EDITOR.resolve("package.json")));
    assertThat(manifest.getJsonObject("dependencies").getString("@milkdown/kit")).isEqualTo(locked);

    String bundle = Files.readString(ASSETS.resolve("visual-editor.js"));
    assertThat(bundle.lines().findFirst().orElseThrow())
        .contains("Milkdown " + locked)
        .contains("build.sh");
    assertThat(bundle).contains("MetodichkaVisual");
    assertThat(Files.readString(ASSETS.resolve("visual-editor.css")))
        .contains("Milkdown " + locked);
    assertThat(EDITOR.resolve("build.sh")).isExecutable();
  }
}
