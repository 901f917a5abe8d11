package ru.metodichka.demo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.User;
import ru.metodichka.auth.UserService;
import ru.metodichka.community.CommunityService;
import ru.metodichka.demo.DemoContent.DemoCommunity;
import ru.metodichka.demo.DemoContent.Institution;

/**
 * The demo's institutions, accounts, communities and memberships, created as the administrator
 * would create them.
 */
final class DemoDistrict {
  // Institutions have no service yet: accounts create them by name only, so the demo adds them
  // first to give each its short name and kind. Rows that already exist are left as they are.
  private static final String ADD_INSTITUTION =
      """
      INSERT INTO institutions (name, short_name, kind) VALUES ($1, $2, $3)
      ON CONFLICT (name) DO NOTHING
      """;

  private final Pool pool;
  private final UserService users;
  private final CommunityService communities;
  private final DemoContent content;

  DemoDistrict(Pool pool, UserService users, CommunityService communities, DemoContent content) {
    this.pool = pool;
    this.users = users;
    this.communities = communities;
    this.content = content;
  }

  /** Creates the district and returns the demo people by login, ready to act. */
  Future<Map<String, CurrentUser>> create(CurrentUser admin) {
    return DemoSeed.inOrder(content.institutions(), this::addInstitution)
        .compose(v -> accounts(admin))
        .compose(people -> communities(admin).map(people));
  }

  private Future<Void> addInstitution(Institution institution) {
    return pool.preparedQuery(ADD_INSTITUTION)
        .execute(Tuple.of(institution.name(), institution.shortName(), institution.kind()))
        .mapEmpty();
  }

  // Accounts are created side by side: each Argon2 hash holds a worker thread for a while, and
  // there are several workers.
  private Future<Map<String, CurrentUser>> accounts(CurrentUser admin) {
    List<Future<User>> created =
        content.people().stream()
            .map(person -> users.create(admin, person.account(content.password())))
            .toList();
    return Future.all(created).map(all -> byLogin(all.list()));
  }

  private static Map<String, CurrentUser> byLogin(List<User> users) {
    Map<String, CurrentUser> people = new LinkedHashMap<>();
    users.forEach(user -> people.put(user.login(), user.asCurrentUser()));
    return people;
  }

  private Future<Void> communities(CurrentUser admin) {
    return DemoSeed.inOrder(content.communities(), community -> community(admin, community));
  }

  private Future<Void> community(CurrentUser admin, DemoCommunity community) {
    String slug = community.community().slug();
    return communities
        .create(admin, community.community())
        .compose(
            created ->
                DemoSeed.inOrder(
                    community.members().keySet(),
                    login -> communities.setRole(admin, slug, login, community.role(login))));
  }
}
