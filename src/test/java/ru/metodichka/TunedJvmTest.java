package ru.metodichka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TunedJvmTest {
  private static boolean chosen(String... arguments) {
    return TunedJvm.chosen(List.of(arguments), Map.of());
  }

  @Test
  void theReadmesCommandHasNoMemorySettingsOfItsOwn() {
    assertThat(chosen("-jar", "target/metodichka.jar", "--demo")).isFalse();
    assertThat(
            chosen(
                "--add-modules",
                "jdk.incubator.vector",
                "-Dfile.encoding=UTF-8",
                "-XX:+UseCompressedOops",
                "-XX:MaxDirectMemorySize=64m",
                "-cp",
                "target/classes",
                "ru.metodichka.Main",
                "--http-port=0"))
        .isFalse();
  }

  @Test
  void aHeapSizeOrACollectorChosenAnywhereIsKept() {
    for (String option :
        new String[] {
          "-Xmx1g",
          "-Xms512m",
          "-XX:MaxRAMPercentage=50",
          "-XX:MaxRAM=4g",
          "-XX:InitialHeapSize=64m",
          "-XX:+UseG1GC",
          "-XX:+UseZGC",
          "-XX:-UseParallelGC",
          "-XX:VMOptionsFile=jvm.options",
          "@jvm.args"
        }) {
      assertThat(chosen(option, "-jar", "metodichka.jar")).as(option).isTrue();
    }
    assertThat(TunedJvm.chosen(List.of("-jar", "m.jar"), Map.of("JDK_JAVA_OPTIONS", " -Xmx2g")))
        .isTrue();
    assertThat(
            TunedJvm.chosen(
                List.of("-jar", "m.jar"), Map.of("JAVA_TOOL_OPTIONS", "-Dx=1 -XX:+UseSerialGC")))
        .isTrue();
  }

  @Test
  void theTunedOptionsCountAsAChoiceSoTheRestartedJvmStays() {
    assertThat(TunedJvm.chosen(TunedJvm.OPTIONS, Map.of())).isTrue();
    assertThat(TunedJvm.chosen(TunedJvm.REINDEX_OPTIONS, Map.of())).isTrue();
  }

  @Test
  void theReindexCommandGetsALargerHeapThanTheServer() {
    assertThat(TunedJvm.optionsFor("serve")).isEqualTo(TunedJvm.OPTIONS).contains("-Xmx176m");
    assertThat(TunedJvm.optionsFor("reindex"))
        .isEqualTo(TunedJvm.REINDEX_OPTIONS)
        .contains("-Xmx576m", "-XX:+UseParallelGC");
  }
}
