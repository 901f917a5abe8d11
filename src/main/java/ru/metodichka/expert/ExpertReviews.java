package ru.metodichka.expert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.CommunityService;
import ru.metodichka.error.AppError;
import ru.metodichka.web.JsonInput;

/**
 * One invitation as its readers see it, and the expert's submissions. Readers: the invited expert,
 * the community's moderators, administrators; to anyone else an invitation does not exist (404, the
 * same as for an id nobody has). Blind review: the invited expert sees the other experts' scores
 * for the same community and period only once they have submitted their own. A submission is never
 * changed: a second one supersedes it, both kept.
 */
public final class ExpertReviews {
  private final Pool pool;
  private final CommunityService communities;
  private final ExpertRepository experts = new ExpertRepository();
  private final SubmissionRepository submissions = new SubmissionRepository();
  private final RubricRepository rubrics = new RubricRepository();

  public ExpertReviews(Pool pool, CommunityService communities) {
    this.pool = pool;
    this.communities = communities;
  }

  /** The invitation with what the reader may see of it; 401 anonymous, 404 to others. */
  public Future<ReviewDetails> review(CurrentUser actor, long id) {
    actor.requireLoggedIn();
    return experts
        .find(pool, id)
        .compose(found -> readable(pool, actor, found.orElse(null), id))
        .compose(a -> details(pool, actor, a));
  }

  /** The invitation if the reader may read it, else 404 whether it exists or not. */
  private Future<Assignment> readable(SqlClient sql, CurrentUser actor, Assignment a, long id) {
    if (a == null) {
      throw notFound(id);
    }
    if (actor.admin()) {
      return Future.succeededFuture(a);
    }
    return communities
        .access(sql, actor, a.communitySlug())
        .map(
            access -> {
              if (access.moderator()) {
                return a;
              }
              if (a.expertId() != actor.id()) {
                throw notFound(id);
              }
              return a.seenBy(access.insider());
            });
  }

  private Future<ReviewDetails> details(SqlClient sql, CurrentUser actor, Assignment a) {
    boolean reviewer = a.expertId() == actor.id() && !actor.admin();
    boolean blind = reviewer && a.submitted() == 0;
    Future<List<Assignment>> others =
        blind ? Future.succeededFuture(List.of()) : experts.samePeriod(sql, a);
    Future<Boolean> mayScore =
        a.expertId() == actor.id()
            ? experts.holdsRight(sql, actor.id())
            : Future.succeededFuture(false);
    return Future.all(others, mayScore, rubrics.version(sql, a.rubricVersion()))
        .compose(
            v -> {
              List<Long> ids = new ArrayList<>();
              ids.add(a.id());
              others.result().forEach(o -> ids.add(o.id()));
              return submissions
                  .ofReviews(sql, ids)
                  .map(
                      byReview ->
                          new ReviewDetails(
                              a,
                              v.resultAt(2),
                              byReview.getOrDefault(a.id(), List.of()),
                              latest(others.result(), byReview),
                              blind,
                              mayScore.result()));
            });
  }

  private static List<ReviewDetails.OtherReview> latest(
      List<Assignment> others, Map<Long, List<Submission>> byReview) {
    return others.stream()
        .filter(o -> byReview.containsKey(o.id()))
        .map(
            o -> new ReviewDetails.OtherReview(o.id(), o.expert(), byReview.get(o.id()).getFirst()))
        .toList();
  }

  /**
   * Records the invited expert's review: 401 anonymous, 403 {@code not_an_expert} for a user
   * without the expert right (before anything is looked up), 404 when the invitation is not theirs,
   * 422 naming each wrong score. Returns the new submission's number and the review.
   */
  public Future<Submitted> submit(CurrentUser actor, long id, JsonInput body) {
    actor.requireLoggedIn();
    return experts
        .holdsRight(pool, actor.id())
        .compose(
            holds -> {
              if (!holds) {
                throw AppError.forbidden("not_an_expert");
              }
              return pool.withTransaction(tx -> submit(tx, actor, id, body));
            });
  }

  private Future<Submitted> submit(SqlClient tx, CurrentUser actor, long id, JsonInput body) {
    return experts
        .lock(tx, id)
        .compose(
            found -> {
              Assignment a = found.filter(x -> x.expertId() == actor.id()).orElse(null);
              if (a == null) {
                throw notFound(id);
              }
              return rubrics
                  .version(tx, a.rubricVersion())
                  .compose(rubric -> submissions.insert(tx, id, Scoring.from(body, rubric)))
                  .compose(
                      number ->
                          experts
                              .find(tx, id)
                              .compose(now -> readable(tx, actor, now.orElseThrow(), id))
                              .compose(now -> details(tx, actor, now))
                              .map(details -> new Submitted(number, details)));
            });
  }

  /** A submission just recorded: its number (1 for the first) and the review now. */
  public record Submitted(int number, ReviewDetails review) {}

  private static AppError notFound(long id) {
    return AppError.notFound("expert_review_not_found", id);
  }
}
