package ru.metodichka.community;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.notification.event.Event;
import ru.metodichka.notification.event.Notifications;

/**
 * Joining by request (§3): any teacher asks to join an active community, its moderators (and
 * administrators) approve or reject with a reason, and the teacher may withdraw the request while
 * it waits. Requests and their messages are seen by the requester and the community's moderators
 * only. Each decision is one transaction; nothing is deleted.
 */
public final class JoinRequestService {
  static final int MAX_MESSAGE = 2000;
  static final int MAX_REASON = 1000;
  private static final int OWN_REQUESTS = 20;
  private final Pool pool;
  private final CommunityService communities;
  private final MembershipRepository memberships;
  private final JoinRequestRepository requests = new JoinRequestRepository();
  private final Notifications notifications;

  /**
   * @param notifications told of each request (its moderators hear of it) and each decision (the
   *     teacher does), in the act's transaction
   */
  public JoinRequestService(
      Pool pool,
      CommunityService communities,
      MembershipRepository memberships,
      Notifications notifications) {
    this.pool = pool;
    this.notifications = notifications;
    this.communities = communities;
    this.memberships = memberships;
  }

  /**
   * Asks to join; 409 when already a member, a request is pending, or the community is archived.
   */
  public Future<JoinRequest> ask(CurrentUser actor, String community, String message) {
    actor.requireLoggedIn();
    String text = text(message, "message", MAX_MESSAGE, false);
    return pool.withTransaction(
        tx ->
            communities
                .access(tx, actor, community)
                .map(Access::requireActive)
                .compose(access -> requireNotInside(tx, access))
                .compose(access -> insert(tx, access, text))
                .compose(id -> requests.find(tx, id)));
  }

  /** Writes the request and tells the community's moderators, in the same transaction. */
  private Future<Long> insert(SqlClient tx, Access access, String text) {
    long communityId = access.community().id();
    long requester = access.user().id();
    return requests
        .insert(tx, communityId, requester, text)
        .compose(
            id ->
                notifications
                    .emit(tx, new Event.JoinRequested(communityId, id, requester))
                    .map(id));
  }

  private Future<Access> requireNotInside(SqlClient tx, Access access) {
    return memberships
        .lockCurrent(tx, access.community().id(), access.user().id())
        .map(
            current -> {
              if (current.isPresent()) {
                throw AppError.conflict(
                    access.role() != null ? "already_member" : "request_pending",
                    access.community().name());
              }
              return access;
            });
  }

  /** The requester withdraws their own pending request; 404 for anyone else's. */
  public Future<Void> withdraw(CurrentUser actor, String community, long id) {
    actor.requireLoggedIn();
    return pool.withTransaction(
        tx ->
            communities
                .access(tx, actor, community)
                .compose(access -> lockPending(tx, access, id))
                .compose(
                    requester -> {
                      if (requester != actor.id()) {
                        throw AppError.notFound("join_request_not_found", id);
                      }
                      return requests.close(tx, id, "withdrawn", actor.id(), null);
                    }));
  }

  /** The requests waiting in a community, oldest first (its moderators and administrators). */
  public Future<List<JoinRequest>> pending(CurrentUser actor, String community) {
    return communities
        .access(pool, actor, community)
        .map(Access::requireModeratorRights)
        .compose(access -> requests.pending(pool, access.community().id()));
  }

  /** Approves a request: the teacher becomes a member from now on. */
  public Future<JoinRequest> approve(CurrentUser actor, String community, long id) {
    return decide(actor, community, id, true, tx -> requests.approve(tx, id, actor.id()));
  }

  /** Rejects a request; the reason is required and is shown to the requester. */
  public Future<JoinRequest> reject(CurrentUser actor, String community, long id, String reason) {
    // Checked once the actor's right to decide is (rights first).
    return decide(
        actor,
        community,
        id,
        false,
        tx ->
            requests.close(
                tx, id, "rejected", actor.id(), text(reason, "reason", MAX_REASON, true)));
  }

  private Future<JoinRequest> decide(
      CurrentUser actor,
      String community,
      long id,
      boolean approved,
      Function<SqlClient, Future<Void>> act) {
    return pool.withTransaction(
        tx ->
            communities
                .access(tx, actor, community)
                .map(Access::requireModerator)
                .compose(access -> lockPending(tx, access, id))
                .compose(
                    requester ->
                        act.apply(tx)
                            .compose(
                                v ->
                                    notifications.emit(
                                        tx, new Event.JoinDecided(id, requester, approved))))
                .compose(v -> requests.find(tx, id)));
  }

  /** The requester of a pending request of this community, locked; 404 when there is none. */
  private Future<Long> lockPending(SqlClient tx, Access access, long id) {
    return requests
        .lockPending(tx, id, access.community().id())
        .map(found -> found.orElseThrow(() -> AppError.notFound("join_request_not_found", id)));
  }

  /**
   * The user's latest request to this community, for its page: pending (with «withdraw»), or
   * rejected (with the reason); empty for visitors and when there is none.
   */
  public Future<Optional<JoinRequest>> latest(Access access) {
    if (access.user().anonymous()) {
      return Future.succeededFuture(Optional.empty());
    }
    return requests.latest(pool, access.user().id(), access.community().id());
  }

  /** The user's own requests, pending and decided, newest first (their profile). */
  public Future<List<JoinRequest>> mine(CurrentUser actor) {
    actor.requireLoggedIn();
    return requests.ofUser(pool, actor.id(), OWN_REQUESTS);
  }

  /** The requests waiting for this user's decision across communities, oldest first. */
  public Future<List<JoinRequest>> waiting(CurrentUser actor) {
    actor.requireLoggedIn();
    return requests.waitingFor(pool, actor.id(), actor.admin());
  }

  /** How many requests wait for this user's decision (0 for anyone who decides none). */
  public Future<Long> waitingFor(CurrentUser actor) {
    if (actor.anonymous()) {
      return Future.succeededFuture(0L);
    }
    return requests.pendingFor(pool, actor.id(), actor.admin());
  }

  /** A trimmed text of at most {@code max} characters; null when blank and not required. */
  private static String text(String value, String field, int max, boolean required) {
    String text = value == null ? "" : value.strip();
    if (text.isEmpty()) {
      if (required) {
        throw AppError.invalid(field, "required");
      }
      return null;
    }
    if (text.length() > max || text.indexOf('\u0000') >= 0) {
      throw AppError.invalid(field, "too_long", max);
    }
    return text;
  }
}
