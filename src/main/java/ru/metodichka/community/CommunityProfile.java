package ru.metodichka.community;

import java.util.List;
import ru.metodichka.auth.Person;

/** What anyone may know about a community (§3 openness): its task, moderators, size. */
public record CommunityProfile(Community community, List<Person> moderators, long memberCount) {
  public CommunityProfile {
    moderators = List.copyOf(moderators);
  }
}
