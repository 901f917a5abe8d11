package ru.metodichka.expert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompositeTest {
  private static Composite.Scored review(
      Recommendation recommendation, int version, Composite.ScoredCriterion... scores) {
    return new Composite.Scored(recommendation, version, List.of(scores));
  }

  private static Composite.ScoredCriterion c(String code, String title, int position, int score) {
    return new Composite.ScoredCriterion(code, title, position, score);
  }

  @Test
  void noReviewsGiveNoMeansAndZeroCounts() {
    Composite empty = Composite.of(List.of());
    assertThat(empty.reviews()).isZero();
    assertThat(empty.criteria()).isEmpty();
    assertThat(empty.overall()).isNull();
    assertThat(empty.recommendations()).containsValues(0, 0, 0).hasSize(3);
  }

  @Test
  void meansAreRoundedToTwoDecimalsAndASpreadOfTwoIsADisagreement() {
    Composite composite =
        Composite.of(
            List.of(
                review(Recommendation.REVISE, 1, c("a", "А", 1, 1), c("b", "Б", 2, 3)),
                review(Recommendation.REVISE, 1, c("a", "А", 1, 2), c("b", "Б", 2, 2)),
                review(Recommendation.REJECT, 1, c("a", "А", 1, 2), c("b", "Б", 2, 1))));
    assertThat(composite.criteria())
        .containsExactly(
            new Composite.CriterionMean("a", "А", 1.67, false),
            new Composite.CriterionMean("b", "Б", 2.0, true));
    assertThat(composite.overall()).isEqualTo(1.83);
    assertThat(composite.recommendations().get(Recommendation.REVISE)).isEqualTo(2);
    assertThat(composite.recommendations().get(Recommendation.REJECT)).isEqualTo(1);
  }

  @Test
  void criteriaFollowTheNewestRubricVersionThenOnesOnlyOlderVersionsHad() {
    Composite composite =
        Composite.of(
            List.of(
                review(Recommendation.RECOMMEND, 1, c("old", "Прежний", 1, 3), c("a", "А", 2, 2)),
                review(
                    Recommendation.RECOMMEND,
                    2,
                    c("new", "Новый", 1, 1),
                    c("a", "А новое", 2, 0))));
    assertThat(composite.criteria())
        .extracting(Composite.CriterionMean::code, Composite.CriterionMean::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("new", "Новый"),
            org.assertj.core.groups.Tuple.tuple("a", "А новое"),
            org.assertj.core.groups.Tuple.tuple("old", "Прежний"));
    assertThat(composite.criteria().get(1).mean()).isEqualTo(1.0);
    assertThat(composite.criteria().get(1).disagreement()).isTrue();
  }
}
