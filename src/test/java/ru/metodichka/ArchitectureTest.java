package ru.metodichka;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URL;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package graph of the main code, read from the compiled classes. Features may use each other
 * but never in a circle: a cycle means a boundary is in the wrong place (../shared/STYLE.md). Run
 * {@code mvn -q test -Dtest=ArchitectureTest} to print the graph.
 */
class ArchitectureTest {
  private static final String ROOT = "ru.metodichka";
  private static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    // The main classes' own directory (or jar), so that no test class is counted; jte's generated
    // template classes live in a package tree of their own (gg.jte.generated).
    URL main = Application.class.getProtectionDomain().getCodeSource().getLocation();
    classes = new ClassFileImporter().importUrl(main);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
  }

  @Test
  void theRootPackageIsOnlyTheCompositionRoot() {
    // Application wires every feature; nothing may depend back on it.
    Map<String, Set<String>> graph = graph();
    graph.forEach(
        (from, to) -> {
          if (!from.equals("(root)")) {
            assertThat(to).as("%s depends on the composition root", from).doesNotContain("(root)");
          }
        });
  }

  @Test
  void webIsAToolkitThatKnowsNoFeature() {
    assertThat(graph().get("web")).isSubsetOf("auth", "config", "db", "error");
  }

  @Test
  void printsThePackageGraph() {
    Map<String, Set<String>> graph = graph();
    StringBuilder out = new StringBuilder("Package graph (from → to):\n");
    graph.forEach(
        (from, to) -> out.append("  ").append(from).append(" → ").append(to).append('\n'));
    System.out.print(out);
    assertThat(graph).containsKeys("page", "search", "web");
  }

  /** Each package (relative to {@value #ROOT}) and the packages its classes use. */
  private static Map<String, Set<String>> graph() {
    Map<String, Set<String>> graph = new TreeMap<>();
    for (JavaClass type : classes) {
      if (!type.getPackageName().startsWith(ROOT)) {
        continue; // jte's generated templates
      }
      String from = relative(type.getPackageName());
      Set<String> to = graph.computeIfAbsent(from, k -> new TreeSet<>());
      to.addAll(
          type.getDirectDependenciesFromSelf().stream()
              .map(Dependency::getTargetClass)
              .map(JavaClass::getPackageName)
              .filter(name -> name.equals(ROOT) || name.startsWith(ROOT + "."))
              .map(ArchitectureTest::relative)
              .filter(name -> !name.equals(from))
              .collect(Collectors.toSet()));
    }
    return graph;
  }

  private static String relative(String packageName) {
    return packageName.equals(ROOT) ? "(root)" : packageName.substring(ROOT.length() + 1);
  }
}
