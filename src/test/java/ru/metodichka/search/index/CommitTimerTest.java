package ru.metodichka.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** When the indexer's Lucene commit is due, with the time given rather than waited for. */
class CommitTimerTest {
  private static final long DELAY_MS = 1000;
  private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long POLL_MS = 5000;

  @Test
  void nothingAppliedOwesNothingAndTheIndexerSleepsUntilItsPoll() {
    CommitTimer timer = new CommitTimer(DELAY_MS);

    assertThat(timer.owed()).isFalse();
    assertThat(timer.due(Long.MAX_VALUE)).isFalse();
    assertThat(timer.millisUntilDue(0, POLL_MS)).isEqualTo(POLL_MS);
  }

  @Test
  void aCommitIsDueTheDelayAfterTheFirstRoundThatOwedIt() {
    CommitTimer timer = new CommitTimer(DELAY_MS);
    timer.owe(0);
    timer.owe(600 * MS); // a later round does not postpone it

    assertThat(timer.due(999 * MS)).isFalse();
    assertThat(timer.millisUntilDue(700 * MS, POLL_MS)).isEqualTo(300);
    assertThat(timer.due(1000 * MS)).isTrue();
    assertThat(timer.millisUntilDue(1500 * MS, POLL_MS)).isZero();
  }

  @Test
  void aSettledCommitIsNoLongerDueAndTheNextRoundOwesAFreshDelay() {
    CommitTimer timer = new CommitTimer(DELAY_MS);
    timer.owe(0);

    timer.settled();

    assertThat(timer.due(2000 * MS)).isFalse();
    timer.owe(2000 * MS);
    assertThat(timer.due(2999 * MS)).isFalse();
    assertThat(timer.due(3000 * MS)).isTrue();
  }

  @Test
  void theClockWrappingAroundDoesNotConfuseIt() {
    // System.nanoTime may be any long, negative too: only differences count.
    CommitTimer timer = new CommitTimer(DELAY_MS);
    timer.owe(Long.MAX_VALUE - 100 * MS);

    assertThat(timer.due(Long.MAX_VALUE)).isFalse();
    assertThat(timer.due(Long.MAX_VALUE + 900 * MS)).isTrue();
  }
}
