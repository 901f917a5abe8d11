package ru.metodichka.expert;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.User;
import ru.metodichka.auth.UserRepository;
import ru.metodichka.community.CommunityService;
import ru.metodichka.error.AppError;

/**
 * Independent experts (§5.2): the expert right, invitations with the independence rule, the
 * invitations an expert has, and the composite of their reviews. Reading one review and submitting
 * it is {@link ExpertReviews}'s; the rubric is {@link RubricService}'s.
 *
 * <p>Independence: an expert who is or was a member or a moderator of the community, or who works
 * in the institution of an author of a reviewed material (any revision of a chosen page, or of the
 * community's published pages when none are chosen), is refused with 409 {@code
 * conflict_of_interest} and the reason.
 */
public final class ExpertService {
  private final Pool pool;
  private final CommunityService communities;
  private final ZoneId zone;
  private final ExpertRepository experts = new ExpertRepository();
  private final SubmissionRepository submissions = new SubmissionRepository();
  private final UserRepository users = new UserRepository();
  private final InvitationRules invitations = new InvitationRules();

  /**
   * @param zone where a date of a period begins ({@code ui.time-zone})
   */
  public ExpertService(Pool pool, CommunityService communities, ZoneId zone) {
    this.pool = pool;
    this.communities = communities;
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  /** Whether the user holds the expert right now. */
  public Future<Boolean> isExpert(CurrentUser user) {
    return user.anonymous() ? Future.succeededFuture(false) : experts.holdsRight(pool, user.id());
  }

  /** Everyone who holds the expert right (administrators). */
  public Future<List<Expert>> experts(CurrentUser actor) {
    actor.requireAdmin();
    return experts.experts(pool);
  }

  /**
   * Grants or withdraws the expert right (administrators); true when it changed. Withdrawing keeps
   * the invitations and what was submitted; the expert reads them but submits nothing more.
   */
  public Future<Boolean> setExpert(CurrentUser actor, String login, boolean granted) {
    actor.requireAdmin();
    return pool.withTransaction(
        tx ->
            user(tx, login)
                .compose(
                    user ->
                        experts
                            .holdsRight(tx, user.id())
                            .compose(
                                holds ->
                                    holds == granted
                                        ? Future.succeededFuture(false)
                                        : experts
                                            .changeRight(tx, user.id(), granted, actor.id())
                                            .map(true))));
  }

  /**
   * Brings the expert right in line with what the identity provider says at a sign-in (its realm
   * role {@code expert}), in the caller's transaction; true when it changed. The change is recorded
   * like an administrator's, with the user as the one who changed it.
   */
  public Future<Boolean> followIdentityProvider(SqlClient tx, long userId, boolean granted) {
    return experts
        .holdsRight(tx, userId)
        .compose(
            holds ->
                holds == granted
                    ? Future.succeededFuture(false)
                    : experts.changeRight(tx, userId, granted, userId).map(true));
  }

  private Future<User> user(SqlClient sql, String login) {
    return users
        .findByLogin(sql, login)
        .map(found -> found.orElseThrow(() -> AppError.notFound("user_not_found", login)));
  }

  /**
   * Invites an expert (administrators): 404 for an unknown community; 422 for an unknown login, a
   * user without the expert right, a page that is not a published page of the community; 409 {@code
   * conflict_of_interest}. Returns the invitation's id.
   */
  public Future<Long> invite(CurrentUser actor, String community, Invitation invitation) {
    actor.requireAdmin();
    return pool.withTransaction(
        tx ->
            communities
                .find(tx, community)
                .compose(c -> invitations.invite(tx, actor, c, invitation)));
  }

  /**
   * The invitations the reader has: an expert's own (newest period first; also after the right is
   * withdrawn); every invitation for administrators (the latest 500); 403 {@code not_an_expert} for
   * anyone else.
   */
  public Future<List<Assignment>> mine(CurrentUser actor) {
    actor.requireLoggedIn();
    if (actor.admin()) {
      return experts.all(pool);
    }
    Future<Boolean> holds = experts.holdsRight(pool, actor.id());
    Future<List<Assignment>> own = experts.ofExpert(pool, actor.id());
    return Future.all(holds, own)
        .map(
            v -> {
              // One whose right was withdrawn still reads what they were invited to.
              if (!holds.result() && own.result().isEmpty()) {
                throw AppError.forbidden("not_an_expert");
              }
              return own.result().stream().map(a -> a.seenBy(false)).toList();
            });
  }

  /**
   * The composite of the community's expert reviews for the period (see {@link Composite}), for
   * whoever has already been allowed to read the community's evaluation: no rights are checked
   * here.
   */
  public Future<Composite> composite(long communityId, Instant from, Instant to) {
    return composites(new Long[] {communityId}, from, to).map(all -> all.get(communityId));
  }

  /** The composite of each of these communities (ids) for the period, in one query. */
  public Future<Map<Long, Composite>> composites(Long[] communityIds, Instant from, Instant to) {
    return submissions
        .latest(pool, communityIds, from, to)
        .map(
            scored -> {
              Map<Long, Composite> composites = new java.util.HashMap<>();
              for (Long id : communityIds) {
                composites.put(id, Composite.of(scored.getOrDefault(id, List.of())));
              }
              return composites;
            });
  }

  /**
   * The composite as a reader asks for it by the community's slug and the period's ends: the
   * community's moderators and administrators, and an expert invited to review it within the period
   * once they have submitted every such review (blind until then: 403 {@code
   * expert_review_not_submitted}); 403 {@code not_a_moderator} for others.
   */
  public Future<Composite> composite(CurrentUser actor, String community, String from, String to) {
    actor.requireLoggedIn();
    return communities
        .access(actor, community)
        .compose(
            access -> {
              Period period = Period.of(from, to, zone);
              long id = access.community().id();
              if (access.moderator()) {
                return composite(id, period.from(), period.to());
              }
              return experts
                  .assigned(pool, id, actor.id(), period.from(), period.to())
                  .compose(
                      counts -> {
                        if (counts[0] == 0) {
                          throw AppError.forbidden("not_a_moderator", access.community().name());
                        }
                        if (counts[1] < counts[0]) {
                          throw AppError.forbidden("expert_review_not_submitted");
                        }
                        return composite(id, period.from(), period.to());
                      });
            });
  }

  /**
   * The user's invitations to review the community for a period within {@code [from, to)}, and how
   * many of them they have submitted: what an expert may read of the community's evaluation.
   */
  public Future<Invited> invited(long userId, long communityId, Instant from, Instant to) {
    return experts
        .assigned(pool, communityId, userId, from, to)
        .map(counts -> new Invited(counts[0], counts[1]));
  }

  /**
   * An expert's invitations to review a community within a period.
   *
   * @param invitations how many
   * @param submitted how many of them have a submission
   */
  public record Invited(long invitations, long submitted) {
    public boolean any() {
      return invitations > 0;
    }

    /** Blind (§5.2): the other experts' scores stay hidden until every review is submitted. */
    public boolean blind() {
      return submitted < invitations;
    }
  }
}
