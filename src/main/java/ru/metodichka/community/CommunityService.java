package ru.metodichka.community;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.Optional;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.User;
import ru.metodichka.auth.UserRepository;
import ru.metodichka.error.AppError;

/**
 * Communities, who belongs to them, and what each user may do in one. Rights are checked before
 * anything else is looked up, so a refusal never tells whether a login exists.
 */
public final class CommunityService {
  private final Pool pool;
  private final CommunityRepository communities;
  private final MembershipRepository memberships;
  private final UserRepository users;

  public CommunityService(
      Pool pool,
      CommunityRepository communities,
      MembershipRepository memberships,
      UserRepository users) {
    this.pool = pool;
    this.communities = communities;
    this.memberships = memberships;
    this.users = users;
  }

  /** Creates a community (administrators only); 409 when the slug is taken. */
  public Future<Community> create(CurrentUser actor, NewCommunity community) {
    actor.requireAdmin();
    return communities.insert(pool, community, actor.id());
  }

  /**
   * Archives a community or brings it back (administrators only). An archived community is
   * read-only: its pages, members and history stay as they are and stay readable.
   */
  public Future<Community> setArchived(CurrentUser actor, String slug, boolean archived) {
    actor.requireAdmin();
    return find(pool, slug)
        .compose(
            c ->
                communities.setStatus(
                    pool, c.id(), archived ? CommunityStatus.ARCHIVED : CommunityStatus.ACTIVE));
  }

  /** Every community, active ones first. */
  public Future<List<CommunitySummary>> list() {
    return communities.listWithCounts(pool);
  }

  /** The active communities the actor moderates (administrators: every active one). */
  public Future<List<Community>> moderated(CurrentUser actor) {
    actor.requireLoggedIn();
    return communities.moderated(pool, actor.admin(), actor.id());
  }

  /** Public information about a community: task, moderators, number of members. */
  public Future<CommunityProfile> describe(String slug) {
    return find(pool, slug).compose(this::describe);
  }

  /** {@link #describe(String)} for a community already found. */
  public Future<CommunityProfile> describe(Community c) {
    var moderators = communities.moderators(pool, c.id());
    var count = communities.memberCount(pool, c.id());
    return Future.all(moderators, count)
        .map(v -> new CommunityProfile(c, moderators.result(), count.result()));
  }

  /** The community (404 when there is none) and the actor's role in it. */
  public Future<Access> access(CurrentUser actor, String slug) {
    return access(pool, actor, slug);
  }

  /**
   * The community (404 when there is none) and the actor's role in it. Works inside a transaction.
   */
  public Future<Access> access(SqlClient sql, CurrentUser actor, String slug) {
    if (actor.anonymous()) {
      return find(sql, slug).map(c -> new Access(actor, c, null));
    }
    return communities
        .access(sql, actor, slug)
        .map(found -> found.orElseThrow(() -> AppError.notFound("community_not_found", slug)));
  }

  public Future<Community> find(SqlClient sql, String slug) {
    return communities
        .find(sql, slug)
        .map(found -> found.orElseThrow(() -> AppError.notFound("community_not_found", slug)));
  }

  /**
   * Gives a user a role. Moderators (and administrators) add members; only administrators — the
   * centre, which confirms the composition and appoints moderators (§4.4, §4.7) — appoint or
   * relieve moderators and experts, and only methodists of the centre may be moderators. A
   * different current role is ended as "role_changed" and a new period opens, so the history keeps
   * both.
   */
  public Future<MembershipChange> setRole(
      CurrentUser actor, String slug, String login, MemberRole request) {
    return pool.withTransaction(
        tx ->
            access(tx, actor, slug)
                .map(Access::requireModerator)
                .map(access -> requireRightToGive(access, request.role()))
                .compose(access -> member(tx, access, login))
                .compose(member -> applyRole(tx, member, request)));
  }

  /** Roles other than member are the centre's to give (checked before any user is looked up). */
  private static Access requireRightToGive(Access access, Role role) {
    if (role != Role.MEMBER && !access.user().admin()) {
      throw AppError.forbidden("roles_given_by_centre", access.community().name());
    }
    return access;
  }

  /** A moderator's or expert's period is the centre's to end or change, not a moderator's. */
  private static void requireRightToChange(Member member) {
    Optional<MembershipRepository.Current> current = member.current();
    boolean centres = current.isPresent() && current.get().role() != Role.MEMBER;
    if (centres && !member.access().user().admin()) {
      throw AppError.forbidden("roles_given_by_centre", member.access().community().name());
    }
  }

  private Future<MembershipChange> applyRole(SqlClient tx, Member member, MemberRole request) {
    requireRightToChange(member);
    if (request.role() == Role.MODERATOR && !member.user().methodist()) {
      throw AppError.invalid("role", "moderator_not_methodist");
    }
    Optional<MembershipRepository.Current> current = member.current();
    if (current.isPresent() && current.get().role() == request.role()) {
      return Future.succeededFuture(MembershipChange.UNCHANGED);
    }
    long actorId = member.access().user().id();
    Future<Void> ended =
        current.isPresent()
            ? memberships.end(tx, current.get().id(), "role_changed", actorId, null)
            : Future.succeededFuture();
    var period =
        new MembershipRepository.NewPeriod(
            member.access().community().id(),
            member.user().id(),
            request.role(),
            request.orderNumber(),
            request.orderDate(),
            actorId);
    return ended
        .compose(v -> memberships.start(tx, period))
        .map(v -> current.isPresent() ? MembershipChange.CHANGED : MembershipChange.STARTED);
  }

  /**
   * Ends a membership: a member may leave (their own login), moderators end members'
   * (administrators anyone's), recording the reason, who ended it and their note. Rights first:
   * someone who may not end others' memberships gets 403 whether or not the login exists. 404 when
   * the user is not a member.
   */
  public Future<Void> endMembership(
      CurrentUser actor, String slug, String login, String reason, String note) {
    actor.requireLoggedIn();
    boolean self = actor.login().equalsIgnoreCase(login);
    return pool.withTransaction(
        tx ->
            access(tx, actor, slug)
                .map(access -> self ? access.requireActive() : access.requireModerator())
                .compose(
                    access ->
                        member(tx, access, login)
                            .compose(
                                member ->
                                    end(tx, member, login, MembershipEnd.of(reason, note, self)))));
  }

  private Future<Void> end(SqlClient tx, Member member, String login, MembershipEnd end) {
    boolean self = member.user().id() == member.access().user().id();
    if (member.current().isEmpty()) {
      return Future.failedFuture(AppError.notFound("membership_not_found", login));
    }
    if (!self) {
      requireRightToChange(member);
    }
    long actorId = member.access().user().id();
    return memberships.end(tx, member.current().get().id(), end.reason(), actorId, end.note());
  }

  /** The user named by login and their current membership period, locked for this transaction. */
  private Future<Member> member(SqlClient tx, Access access, String login) {
    return user(tx, login)
        .compose(
            user ->
                memberships
                    .lockCurrent(tx, access.community().id(), user.id())
                    .map(current -> new Member(access, user, current)));
  }

  /** Current members and moderators (public, as the regulation asks for openness). */
  public Future<List<Membership>> members(String slug) {
    return find(pool, slug).compose(this::members);
  }

  public Future<List<Membership>> members(Community c) {
    return memberships.active(pool, c.id());
  }

  /** Every membership period, ended ones included (moderators). */
  public Future<List<Membership>> history(CurrentUser actor, String slug) {
    return access(pool, actor, slug)
        .map(Access::requireModeratorRights)
        .compose(access -> memberships.history(pool, access.community().id()));
  }

  private Future<User> user(SqlClient sql, String login) {
    return users
        .findByLogin(sql, login)
        .map(found -> found.orElseThrow(() -> AppError.notFound("user_not_found", login)));
  }

  private record Member(Access access, User user, Optional<MembershipRepository.Current> current) {}

  /** What setting a role did. */
  public enum MembershipChange {
    STARTED,
    CHANGED,
    UNCHANGED
  }
}
