package ru.metodichka.profile;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.UserService;
import ru.metodichka.contribution.ContributionRepository;

/** The logged-in user's own profile: who they are, their communities and their contributions. */
public final class ProfileService {
  private final Pool pool;
  private final UserService users;
  private final ContributionRepository contributions;

  public ProfileService(Pool pool, UserService users, ContributionRepository contributions) {
    this.pool = pool;
    this.users = users;
    this.contributions = contributions;
  }

  /**
   * The profile ({@link UserService#me}) with up to {@code limit} contributions with ids below
   * {@code before}, newest first, and under {@code older} the id to go on from (null at the end).
   * 401 for anonymous visitors.
   */
  public Future<JsonObject> profile(CurrentUser actor, long before, int limit) {
    return users
        .me(actor)
        .compose(
            me ->
                contributions
                    .byUser(pool, actor.id(), before, limit + 1)
                    .map(list -> withContributions(me, list, limit)));
  }

  /** One row more than shown was read: it tells whether older contributions exist. */
  private static JsonObject withContributions(JsonObject me, JsonArray list, int limit) {
    boolean more = list.size() > limit;
    if (more) {
      list.remove(limit);
    }
    Long older = more ? list.getJsonObject(limit - 1).getLong("id") : null;
    return me.put("contributions", list).put("older", older);
  }
}
