package ru.metodichka.order;

import java.util.List;

/**
 * An issued order in a list: the names of the communities whose composition it confirmed, and how
 * many changes.
 */
public record OrderSummary(Order order, List<String> communities, int changes) {
  public OrderSummary {
    communities = List.copyOf(communities);
  }
}
