package ru.metodichka.search.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a Lucene commit records about the database it follows, and when it must be rebuilt. */
class CheckpointTest {
  private static final String DB = "6f0c1c1e-3c59-4a53-9d0a-2b9a8e0f6a11";

  @Test
  void aCheckpointReadsBackAsWritten() {
    Checkpoint written = new Checkpoint(DB, 1234, 3);

    assertThat(Checkpoint.parse(written.toString())).contains(written);
  }

  @Test
  void aCheckpointWrittenBeforeRebuildsWereNumberedReadsAsRebuildZero() {
    assertThat(Checkpoint.parse(DB + "/1234")).contains(new Checkpoint(DB, 1234, 0));
  }

  @Test
  void textNoCheckpointCanHaveWrittenIsNone() {
    for (String text : new String[] {"", DB, "/12/1", DB + "/x", DB + "/12/y", DB + "/1/2/3"}) {
      assertThat(Checkpoint.parse(text)).as(text).isEmpty();
    }
  }

  @Test
  void anIndexOfTheSameDatabaseAndRebuildResumes() {
    var snapshot = new IndexSource.Snapshot(DB, 2000, 2010, 3);

    assertThat(new Checkpoint(DB, 1234, 3).whyRebuild(snapshot)).isEmpty();
  }

  @Test
  void anIndexOfAnotherDatabaseIsRebuilt() {
    var snapshot = new IndexSource.Snapshot("another", 2000, 2010, 0);

    assertThat(new Checkpoint(DB, 1234, 0).whyRebuild(snapshot)).isPresent();
  }

  @Test
  void anIndexAheadOfTheDatabaseIsRebuilt() {
    var snapshot = new IndexSource.Snapshot(DB, 900, 1000, 0);

    assertThat(new Checkpoint(DB, 1234, 0).whyRebuild(snapshot)).isPresent();
  }

  @Test
  void anIndexBuiltBeforeTheLastRequestedRebuildIsRebuilt() {
    var snapshot = new IndexSource.Snapshot(DB, 2000, 2010, 4);

    assertThat(new Checkpoint(DB, 1234, 3).whyRebuild(snapshot))
        .hasValueSatisfying(reason -> assertThat(reason).contains("rebuild"));
  }
}
