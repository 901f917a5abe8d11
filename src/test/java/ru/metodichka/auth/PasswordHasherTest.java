package ru.metodichka.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.password4j.Argon2Function;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  /** An unknown login's answer takes as long as a wrong password's only with the same cost. */
  @Test
  void theDecoyForUnknownLoginsCostsWhatARealHashCosts() {
    Argon2Function decoy = Argon2Function.getInstanceFromHash(PasswordHasher.DECOY);
    Argon2Function real = PasswordHasher.ARGON2;
    assertThat(decoy.getVariant()).isEqualTo(real.getVariant());
    assertThat(decoy.getMemory()).isEqualTo(real.getMemory());
    assertThat(decoy.getIterations()).isEqualTo(real.getIterations());
    assertThat(decoy.getParallelism()).isEqualTo(real.getParallelism());
    assertThat(decoy.getOutputLength()).isEqualTo(real.getOutputLength());
    assertThat(decoy.getVersion()).isEqualTo(real.getVersion());
  }
}
