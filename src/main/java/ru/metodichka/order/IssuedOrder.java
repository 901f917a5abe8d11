package ru.metodichka.order;

import java.util.List;

/** An issued order with the changes it confirmed, community by community. */
public record IssuedOrder(Order order, List<CommunityChanges> communities) {
  public IssuedOrder {
    communities = List.copyOf(communities);
  }
}
