package ru.metodichka.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;
import ru.metodichka.auth.Person;
import ru.metodichka.diff.HunkChoice;
import ru.metodichka.error.AppError;

class SaveMergeTest {
  private static Revision revision(int number, String title, String kind, String markdown) {
    return revision(number, title, kind, markdown, Metadata.EMPTY);
  }

  private static Revision revision(
      int number, String title, String kind, String markdown, Metadata metadata) {
    return new Revision(
        number,
        1,
        number,
        null,
        new Person("u", "U"),
        null,
        "",
        title,
        kind,
        markdown,
        false,
        null,
        metadata,
        null);
  }

  private static Metadata subjects(String... subjects) {
    return new Metadata(
        List.of(subjects), List.of(), List.of(), List.of(), Metadata.DEFAULT_LICENCE, null);
  }

  @Test
  void aValueChangedOnOneSideTakesThatSide() {
    assertThat(SaveMerge.pick("a", "a", "b")).isEqualTo("b");
    assertThat(SaveMerge.pick("a", "b", "a")).isEqualTo("b");
    assertThat(SaveMerge.pick("a", "b", "b")).isEqualTo("b");
    assertThat(SaveMerge.pick("a", "b", "c")).isNull();
  }

  @Test
  void distantTextEditsAndAKindChangeMerge() {
    Revision base = revision(1, "Т", "article", "1\n2\n3\n4\n5\n");
    Revision current = revision(2, "Т", "article", "один\n2\n3\n4\n5\n");
    NewContent merged =
        SaveMerge.merge(
            base, current, new SaveRequest("Т", "1\n2\n3\n4\nпять\n", 1, "", "practice", null));
    assertThat(merged.markdown()).isEqualTo("один\n2\n3\n4\nпять\n");
    assertThat(merged.kind()).isEqualTo("practice");
    assertThat(merged.merged()).isTrue();
  }

  @Test
  void aConflictCarriesBothTextsAndTheHunks() {
    Revision base = revision(1, "Т", "article", "строка\n");
    Revision current = revision(3, "Т", "article", "строка модератора\n");
    AppError error =
        catchThrowableOfType(
            AppError.class,
            () ->
                SaveMerge.merge(
                    base, current, new SaveRequest("Т", "строка участника\n", 1, "", null, null)));
    assertThat(error.status()).isEqualTo(409);
    assertThat(error.extras().getString("yourMarkdown")).isEqualTo("строка участника\n");
    assertThat(error.extras().getString("currentMarkdown")).isEqualTo("строка модератора\n");
    assertThat(error.extras().getInteger("currentRevision")).isEqualTo(3);
    assertThat(error.extras().getJsonArray("conflicts")).hasSize(1);
    assertThat(error.extras().getBoolean("titleConflict")).isFalse();
  }

  @Test
  void metadataMergesByTheTitlesRule() {
    Revision base = revision(1, "Т", "article", "текст\n", subjects("математика"));
    Revision current = revision(2, "Т", "article", "текст\n", subjects("математика", "физика"));
    NewContent kept =
        SaveMerge.merge(base, current, new SaveRequest("Т", "текст!\n", 1, "", null, null));
    assertThat(kept.metadata()).isEqualTo(current.metadata());
    NewContent theirs =
        SaveMerge.merge(
            base, current, new SaveRequest("Т", "текст\n", 1, "", null, subjects("математика")));
    assertThat(theirs.metadata()).isEqualTo(current.metadata());
    AppError clash =
        catchThrowableOfType(
            AppError.class,
            () ->
                SaveMerge.merge(
                    base,
                    current,
                    new SaveRequest("Т", "текст\n", 1, "", null, subjects("химия"))));
    assertThat(clash.extras().getBoolean("metadataConflict")).isTrue();
  }

  private static SaveRequest settling(String title, String markdown, HunkChoice... choices) {
    return new SaveRequest(
        title,
        markdown,
        1,
        "",
        null,
        null,
        new SaveRequest.Resolution(2, java.util.List.of(choices)));
  }

  @Test
  void aSettledConflictIsASaveOnTopOfTheConflictingRevision() {
    Revision base = revision(1, "Т", "article", "а\nб\nв\n");
    Revision theirs = revision(2, "Т", "article", "а\nб (их)\nв\n");
    SaveRequest settled =
        SaveMerge.settle(base, theirs, settling("Т", "а\nб (моё)\nв\n", HunkChoice.MINE));
    assertThat(settled.markdown()).isEqualTo("а\nб (моё)\nв\n");
    assertThat(settled.baseRevision()).isEqualTo(2);
    assertThat(settled.resolution().conflictWith()).isEqualTo(2);
    assertThat(settled.resolution().choices()).isNull();
  }

  @Test
  void aSettledTitleTakesTheOneChangedAloneAndTheAuthorsWhenBothChangedIt() {
    Revision base = revision(1, "План", "article", "а\nб\nв\n");
    Revision theirs = revision(2, "План на год", "article", "а\nб (их)\nв\n");
    assertThat(
            SaveMerge.settle(base, theirs, settling("План", "а\nб!\nв\n", HunkChoice.THEIRS))
                .title())
        .isEqualTo("План на год");
    assertThat(
            SaveMerge.settle(base, theirs, settling("Мой план", "а\nб!\nв\n", HunkChoice.THEIRS))
                .title())
        .isEqualTo("Мой план");
  }

  @Test
  void choicesThatDoNotMatchTheConflictAreRefusedNamingHowMany() {
    Revision base = revision(1, "Т", "article", "а\nб\nв\n");
    Revision theirs = revision(2, "Т", "article", "а\nб (их)\nв\n");
    AppError error =
        catchThrowableOfType(
            AppError.class, () -> SaveMerge.settle(base, theirs, settling("Т", "а\nб (моё)\nв\n")));
    assertThat(error.status()).isEqualTo(422);
    assertThat(error.fieldErrors())
        .singleElement()
        .satisfies(e -> assertThat(e.field()).isEqualTo("choices"));
  }
}
