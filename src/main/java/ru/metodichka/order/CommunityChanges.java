package ru.metodichka.order;

import java.util.List;

/** The changes of one community's composition: pending ones, or those an order confirmed. */
public record CommunityChanges(OrderCommunity community, List<Change> changes) {
  public CommunityChanges {
    changes = List.copyOf(changes);
  }
}
