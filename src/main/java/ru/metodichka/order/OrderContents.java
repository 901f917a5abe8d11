package ru.metodichka.order;

import java.util.List;
import java.util.Optional;

/**
 * What an order says, for its document and its printable page: for each community, its name and
 * task, its moderators and members as the order confirms them, and the changes since the previous
 * order.
 *
 * @param order the issued order, or empty for a draft (number and date left blank for signing)
 */
public record OrderContents(Optional<Order> order, List<Section> sections) {
  public OrderContents {
    sections = List.copyOf(sections);
  }

  public boolean draft() {
    return order.isEmpty();
  }

  /**
   * One community in an order.
   *
   * @param previous the order that confirmed the composition before this one, or null
   */
  public record Section(
      OrderCommunity community,
      List<Participant> moderators,
      List<Participant> members,
      List<Change> changes,
      OrderRef previous) {
    public Section {
      moderators = List.copyOf(moderators);
      members = List.copyOf(members);
      changes = List.copyOf(changes);
    }
  }
}
