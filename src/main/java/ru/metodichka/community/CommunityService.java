package ru.metodichka.community;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.Optional;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.User;
import ru.metodichka.auth.UserRepository;
import ru.metodichka.error.AppError;

/** Communities, who belongs to them, and what each user may do in one. */
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
   * Archives a community or brings it back (administrators only). Archiving changes nothing else:
   * its pages, members and history stay as they are and stay readable.
   */
  public Future<Community> setArchived(CurrentUser actor, String slug, boolean archived) {
    actor.requireAdmin();
    return find(pool, slug)
        .compose(c -> communities.setStatus(pool, c.id(), archived ? "archived" : "active"));
  }

  public Future<JsonArray> list() {
    return communities.listWithCounts(pool);
  }

  /** Public information about a community: task, moderators, number of members. */
  public Future<JsonObject> describe(String slug) {
    return find(pool, slug).compose(this::describe);
  }

  /** {@link #describe(String)} for a community already found. */
  public Future<JsonObject> describe(Community c) {
    var moderators = communities.moderators(pool, c.id());
    var count = communities.memberCount(pool, c.id());
    return Future.all(moderators, count)
        .map(
            v ->
                c.toJson()
                    .put("moderators", moderators.result())
                    .put("memberCount", count.result()));
  }

  /** The community (404 when there is none) and the actor's role in it. */
  public Future<Access> access(CurrentUser actor, String slug) {
    return access(pool, actor, slug);
  }

  /**
   * The community (404 when there is none) and the actor's role in it. Works inside a transaction.
   */
  public Future<Access> access(SqlClient sql, CurrentUser actor, String slug) {
    return find(sql, slug)
        .compose(
            c ->
                actor.anonymous()
                    ? Future.succeededFuture(new Access(actor, c, null))
                    : memberships
                        .activeRole(sql, c.id(), actor.id())
                        .map(role -> new Access(actor, c, role.orElse(null))));
  }

  public Future<Community> find(SqlClient sql, String slug) {
    return communities
        .find(sql, slug)
        .map(found -> found.orElseThrow(() -> AppError.notFound("community_not_found", slug)));
  }

  /**
   * Gives a user a role (administrators and the community's moderators). A different current role
   * is ended as "role_changed" and a new period opens, so the history keeps both.
   */
  public Future<MembershipChange> setRole(
      CurrentUser actor, String slug, String login, MemberRole request) {
    return pool.withTransaction(
        tx ->
            access(tx, actor, slug)
                .map(Access::requireModerator)
                .compose(access -> member(tx, access, login))
                .compose(member -> applyRole(tx, member, request)));
  }

  private Future<MembershipChange> applyRole(SqlClient tx, Member member, MemberRole request) {
    Optional<MembershipRepository.Current> current = member.current();
    if (current.isPresent() && current.get().role() == request.role()) {
      return Future.succeededFuture(MembershipChange.UNCHANGED);
    }
    long actorId = member.access().user().id();
    Future<Void> ended =
        current.isPresent()
            ? memberships.end(tx, current.get().id(), "role_changed", actorId)
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

  /** Ends a membership: moderators may end anyone's, a member may leave. 404 when not a member. */
  public Future<Void> endMembership(CurrentUser actor, String slug, String login) {
    actor.requireLoggedIn();
    return pool.withTransaction(
        tx ->
            access(tx, actor, slug)
                .compose(access -> member(tx, access, login))
                .compose(member -> end(tx, member, login)));
  }

  private Future<Void> end(SqlClient tx, Member member, String login) {
    CurrentUser actor = member.access().user();
    boolean self = member.user().id() == actor.id();
    if (!self) {
      member.access().requireModerator();
    }
    if (member.current().isEmpty()) {
      return Future.failedFuture(AppError.notFound("membership_not_found", login));
    }
    return memberships.end(tx, member.current().get().id(), self ? "left" : "removed", actor.id());
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
  public Future<JsonArray> members(String slug) {
    return find(pool, slug).compose(this::members);
  }

  public Future<JsonArray> members(Community c) {
    return memberships.active(pool, c.id());
  }

  /** Every membership period, ended ones included (moderators). */
  public Future<JsonArray> history(CurrentUser actor, String slug) {
    return access(pool, actor, slug)
        .map(Access::requireModerator)
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
