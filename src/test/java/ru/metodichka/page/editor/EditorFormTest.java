package ru.metodichka.page.editor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.metodichka.community.Community;
import ru.metodichka.community.CommunityStatus;
import ru.metodichka.page.Metadata;

class EditorFormTest {
  private static final Community COMMUNITY =
      new Community(1, "math", "Математика", "Задача", "", CommunityStatus.ACTIVE, null);

  private static EditorForm newPage(String title, String slug) {
    return new EditorForm(
        "math", "", slug, true, title, "article", "Текст\n", "", Metadata.EMPTY, 0, "k", 0, "");
  }

  @Test
  void aNewPageWithoutASlugTakesOneFromItsTitle() {
    assertThat(newPage("План работы на год", "").targetSlug()).isEqualTo("план-работы-на-год");
    assertThat(newPage("План работы", "plan").targetSlug()).isEqualTo("plan");
  }

  @Test
  void problemsNameEveryBadFieldAndNothingElse() {
    assertThat(newPage("План", "").problems()).isEmpty();
    assertThat(newPage(" ", "").problems()).containsExactly("editor.error.titleRequired");
    assertThat(newPage("План", "два слова").problems()).containsExactly("editor.error.slug");
    assertThat(newPage("План", "new").problems()).containsExactly("editor.error.slug");
    assertThat(newPage("x".repeat(201), "x").problems())
        .containsExactly("editor.error.titleTooLong");
  }

  @Test
  void theFormPostsToTheEditorItCameFromAndKeepsItsDraftPerPage() {
    EditorForm blank = EditorForm.blank(COMMUNITY, " Портфолио ");
    assertThat(blank.title()).isEqualTo("Портфолио");
    assertThat(blank.action()).isEqualTo("/c/math/new");
    assertThat(blank.draftKey()).isEqualTo("math:new");
    EditorForm rebased = blank.rebased("портфолио", 3, "Портфолио", "Мой текст\n");
    assertThat(rebased.action()).isEqualTo("/c/math/портфолио/edit");
    assertThat(rebased.baseRevision()).isEqualTo(3);
    assertThat(rebased.resolvesConflictWith()).isEqualTo(3);
    assertThat(rebased.markdown()).isEqualTo("Мой текст\n");
    assertThat(rebased.idempotencyKey()).isNotEqualTo(blank.idempotencyKey());
  }

  @Test
  void theFingerprintCoversWhatIsSavedSoAResubmissionMatches() {
    EditorForm form = newPage("План", "");
    assertThat(form.fingerprint()).isEqualTo(newPage("План", "").fingerprint());
    assertThat(form.fingerprint()).isNotEqualTo(newPage("План!", "").fingerprint());
  }
}
