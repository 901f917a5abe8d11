package ru.metodichka.community;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;

/**
 * What one user is in one community, and so what they may do there. Everything any feature decides
 * about a reader's rights in a community starts here: who is an insider (sees the community's
 * unpublished work, in Java {@link #insider()} and in SQL {@link #insiderSql}), who edits, who
 * moderates. Administrators count as insiders and moderators of every community; experts evaluate
 * and edit nothing. An archived community is read-only for everyone, administrators included (they
 * may bring it back).
 *
 * @param role the user's active role, or null when not a member (anonymous visitors, other
 *     teachers, former members)
 */
public record Access(CurrentUser user, Community community, Role role) {

  /** The roles whose holders are a community's insiders. */
  static final Set<Role> INSIDER_ROLES = EnumSet.of(Role.MEMBER, Role.MODERATOR);

  /**
   * Whether the user works in this community: its active members and moderators, and
   * administrators. Insiders see the community's drafts, pages in review and archived pages.
   */
  public boolean insider() {
    return user.admin() || (role != null && INSIDER_ROLES.contains(role));
  }

  /** Insiders edit, as long as the community is active. */
  public boolean canEdit() {
    return insider() && !community.archived();
  }

  /** The community's moderators, and administrators: who reviews, publishes and manages members. */
  public boolean moderator() {
    return user.admin() || role == Role.MODERATOR;
  }

  /** Moderators and administrators moderate, as long as the community is active. */
  public boolean canModerate() {
    return moderator() && !community.archived();
  }

  /** 401 for anonymous visitors, 403 for users who are not members, 409 when archived. */
  public Access requireEditor() {
    user.requireLoggedIn();
    if (!insider()) {
      throw AppError.forbidden("not_a_member", community.name());
    }
    return requireActive();
  }

  /** 401 for anonymous visitors, 403 for users who are not moderators, 409 when archived. */
  public Access requireModerator() {
    return requireModeratorRights().requireActive();
  }

  /**
   * 401 for anonymous visitors, 403 for users who are not moderators; for what moderators read (the
   * membership history), which an archived community still shows.
   */
  public Access requireModeratorRights() {
    user.requireLoggedIn();
    if (!moderator()) {
      throw AppError.forbidden("not_a_moderator", community.name());
    }
    return this;
  }

  /** 409 when the community is archived: nothing in it changes until it is brought back. */
  public Access requireActive() {
    if (community.archived()) {
      throw AppError.conflict("community_archived", community.name());
    }
    return this;
  }

  /**
   * {@link #insider()} as an SQL condition: true when the reader is an insider of the community
   * whose id is {@code communityId} (a column or a parameter). The reader is two parameters: {@code
   * admin} (boolean) and {@code userId} (bigint; 0 for an anonymous visitor, who matches no
   * membership).
   */
  public static String insiderSql(String communityId, String admin, String userId) {
    String roles =
        INSIDER_ROLES.stream()
            .map(r -> "'" + r.code() + "'")
            .sorted()
            .collect(Collectors.joining(", "));
    return "("
        + admin
        + " OR EXISTS (SELECT 1 FROM memberships insider WHERE insider.community_id = "
        + communityId
        + " AND insider.user_id = "
        + userId
        + " AND insider.status = 'active' AND insider.role IN ("
        + roles
        + ")))";
  }

  /**
   * {@link #moderator()} as an SQL condition: true when the reader moderates the community whose id
   * is {@code communityId}; the reader as in {@link #insiderSql}.
   */
  public static String moderatorSql(String communityId, String admin, String userId) {
    return "("
        + admin
        + " OR EXISTS (SELECT 1 FROM memberships moderates WHERE moderates.community_id = "
        + communityId
        + " AND moderates.user_id = "
        + userId
        + " AND moderates.status = 'active' AND moderates.role = '"
        + Role.MODERATOR.code()
        + "'))";
  }
}
