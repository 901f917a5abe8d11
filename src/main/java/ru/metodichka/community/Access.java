package ru.metodichka.community;

import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;

/**
 * What one user may do in one community. Administrators may do everything a moderator may, in every
 * community; experts evaluate and edit nothing.
 *
 * @param role the user's active role, or null when not a member
 */
public record Access(CurrentUser user, Community community, Role role) {

  /** Members, moderators and administrators see drafts; everyone else only published pages. */
  public boolean canSeeDrafts() {
    return canEdit();
  }

  public boolean canEdit() {
    return user.admin() || role == Role.MEMBER || role == Role.MODERATOR;
  }

  public boolean canModerate() {
    return user.admin() || role == Role.MODERATOR;
  }

  /** 401 for anonymous visitors, 403 for users who are not members. */
  public Access requireEditor() {
    user.requireLoggedIn();
    if (!canEdit()) {
      throw AppError.forbidden("not_a_member", community.name());
    }
    return this;
  }

  /** 401 for anonymous visitors, 403 for users who are not moderators. */
  public Access requireModerator() {
    user.requireLoggedIn();
    if (!canModerate()) {
      throw AppError.forbidden("not_a_moderator", community.name());
    }
    return this;
  }
}
