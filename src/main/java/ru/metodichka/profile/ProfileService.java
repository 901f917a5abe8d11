package ru.metodichka.profile;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.Profile;
import ru.metodichka.auth.UserService;
import ru.metodichka.community.JoinRequest;
import ru.metodichka.community.JoinRequestService;

/** The logged-in user's own profile: who they are, their communities and their contributions. */
public final class ProfileService {
  private final Pool pool;
  private final UserService users;
  private final JoinRequestService joinRequests;
  private final ProfileRepository contributions = new ProfileRepository();

  public ProfileService(Pool pool, UserService users, JoinRequestService joinRequests) {
    this.pool = pool;
    this.users = users;
    this.joinRequests = joinRequests;
  }

  /**
   * The profile ({@link UserService#me}) with up to {@code limit} contributions with ids below
   * {@code before}, newest first. 401 for anonymous visitors.
   */
  public Future<ProfilePage> profile(CurrentUser actor, long before, int limit) {
    var me = users.me(actor);
    var requests = joinRequests.mine(actor);
    var list = contributions.byUser(pool, actor, before, limit + 1);
    return Future.all(me, requests, list)
        .map(v -> page(me.result(), requests.result(), list.result(), limit));
  }

  /** One row more than shown was read: it tells whether older contributions exist. */
  private static ProfilePage page(
      Profile me, List<JoinRequest> requests, List<ContributionEntry> list, int limit) {
    boolean more = list.size() > limit;
    List<ContributionEntry> shown = new ArrayList<>(more ? list.subList(0, limit) : list);
    Long older = more ? shown.getLast().id() : null;
    return new ProfilePage(me, requests, shown, older);
  }

  /**
   * What {@code /me} shows.
   *
   * @param older the id to go on from to older contributions, or null at the end
   */
  public record ProfilePage(
      Profile profile,
      List<JoinRequest> joinRequests,
      List<ContributionEntry> contributions,
      Long older) {
    public ProfilePage {
      joinRequests = List.copyOf(joinRequests);
      contributions = List.copyOf(contributions);
    }
  }
}
