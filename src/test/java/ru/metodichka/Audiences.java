package ru.metodichka;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.sql.Connection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everyone a route must answer correctly, relative to one community: the audiences of the
 * authorization tests (anonymous visitor, logged-in non-member, member, member who left, moderator
 * of another community, the community's moderator, expert, administrator). Made once per test class
 * through the API (the expert through SQL: the API offers no expert role).
 */
public final class Audiences {
  /** Who reads or acts, relative to {@link #community()}. */
  public enum Audience {
    ANONYMOUS,
    OUTSIDER,
    MEMBER,
    FORMER_MEMBER,
    MODERATOR_ELSEWHERE,
    MODERATOR,
    EXPERT,
    ADMINISTRATOR;

    /** Members, moderators and administrators: who sees a community's unpublished work. */
    public boolean insider() {
      return this == MEMBER || this == MODERATOR || this == ADMINISTRATOR;
    }

    /** The community's moderators and administrators. */
    public boolean moderator() {
      return this == MODERATOR || this == ADMINISTRATOR;
    }
  }

  private final String community;
  private final String otherCommunity;
  private final Map<Audience, Fixtures.TestUser> users;
  private final String adminToken;

  private Audiences(
      String community,
      String otherCommunity,
      Map<Audience, Fixtures.TestUser> users,
      String adminToken) {
    this.community = community;
    this.otherCommunity = otherCommunity;
    this.users = users;
    this.adminToken = adminToken;
  }

  /** A fresh community with one user of each audience. */
  public static Audiences create(Fixtures fx, TestApp app) {
    String community = fx.community();
    String other = fx.community();
    Map<Audience, Fixtures.TestUser> users = new EnumMap<>(Audience.class);
    users.put(Audience.OUTSIDER, fx.user("Учитель другой школы"));
    users.put(Audience.MEMBER, fx.user("Участник"));
    users.put(Audience.FORMER_MEMBER, fx.user("Бывший участник"));
    users.put(Audience.MODERATOR_ELSEWHERE, fx.methodist("Модератор другого сообщества"));
    users.put(Audience.MODERATOR, fx.methodist("Модератор"));
    users.put(Audience.EXPERT, fx.user("Эксперт"));
    fx.join(community, users.get(Audience.MEMBER), "member");
    fx.join(community, users.get(Audience.FORMER_MEMBER), "member");
    fx.join(community, users.get(Audience.MODERATOR), "moderator");
    fx.join(other, users.get(Audience.MODERATOR_ELSEWHERE), "moderator");
    Fixtures.TestUser former = users.get(Audience.FORMER_MEMBER);
    var left =
        fx.api()
            .delete(
                "/api" + Api.path("communities", community, "members", former.login()),
                former.token());
    assertThat(left.status()).as(left.toString()).isEqualTo(204);
    try (Connection db = app.jdbc();
        var expert =
            db.prepareStatement(
                "INSERT INTO memberships (community_id, user_id, role, status, started_at)"
                    + " SELECT c.id, u.id, 'expert', 'active', now()"
                    + " FROM communities c, users u WHERE c.slug = ? AND u.login = ?")) {
      expert.setString(1, community);
      expert.setString(2, users.get(Audience.EXPERT).login());
      expert.executeUpdate();
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
    return new Audiences(community, other, Collections.unmodifiableMap(users), fx.adminToken());
  }

  /** The community the audiences are relative to. */
  public String community() {
    return community;
  }

  /** Another community, where {@link Audience#MODERATOR_ELSEWHERE} moderates. */
  public String otherCommunity() {
    return otherCommunity;
  }

  /** The audience's bearer token; null for the anonymous visitor. */
  public String token(Audience audience) {
    return switch (audience) {
      case ANONYMOUS -> null;
      case ADMINISTRATOR -> adminToken;
      default -> users.get(audience).token();
    };
  }

  /** The audience's login; "admin" for the administrator, null for the visitor. */
  public String login(Audience audience) {
    return switch (audience) {
      case ANONYMOUS -> null;
      case ADMINISTRATOR -> "admin";
      default -> users.get(audience).login();
    };
  }

  /** The status an action allowed to {@code allowed} gets: 401 anonymous, 403 others. */
  public static int refused(Audience audience) {
    return audience == Audience.ANONYMOUS ? 401 : 403;
  }

  /** A JSON body, for brevity in tables of calls. */
  public static JsonObject body(String key, Object value) {
    return new JsonObject().put(key, value);
  }
}
