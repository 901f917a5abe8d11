package ru.metodichka.auth;

import java.util.List;

/** A user's own account with the communities they belong to. */
public record Profile(User user, List<UserMembership> memberships) {
  public Profile {
    memberships = List.copyOf(memberships);
  }
}
