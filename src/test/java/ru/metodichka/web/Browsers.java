package ru.metodichka.web;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browsers a test opened: closed when it ends, after a screenshot and the page's HTML are saved
 * under {@code target/browser-failures} if it failed. Register with {@code @RegisterExtension}.
 */
public final class Browsers implements AfterTestExecutionCallback {
  private final List<Browser> open = new ArrayList<>();

  public Browser open(int port) {
    Browser browser = Browser.open(port);
    open.add(browser);
    return browser;
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    try {
      if (context.getExecutionException().isPresent()) {
        for (int i = 0; i < open.size(); i++) {
          String name =
              context.getRequiredTestClass().getSimpleName()
                  + "-"
                  + context.getRequiredTestMethod().getName()
                  + "-"
                  + i
                  + ".png";
          try {
            open.get(i).saveScreenshot(Path.of("target", "browser-failures", name));
          } catch (IOException | RuntimeException e) {
            // the test's own failure is what matters
          }
        }
      }
    } finally {
      open.forEach(Browser::close);
      open.clear();
    }
  }
}
