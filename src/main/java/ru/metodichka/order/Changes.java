package ru.metodichka.order;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.community.Role;

/**
 * Composition events made into changes as people read them. A role change ends one period and
 * starts the next in one transaction, so at the same moment: the events of one person in one
 * community at one moment are one change.
 */
final class Changes {
  private Changes() {}

  /** The changes of the events, in the events' order (each at its first event's place). */
  static List<Change> of(List<EventRow> events) {
    Map<Key, List<EventRow>> acts = new LinkedHashMap<>();
    for (EventRow event : events) {
      Key key = new Key(event.communityId(), event.userId(), event.at().toInstant());
      acts.computeIfAbsent(key, k -> new ArrayList<>()).add(event);
    }
    return acts.values().stream().map(Changes::change).toList();
  }

  private static Change change(List<EventRow> act) {
    EventRow start = find(act, true);
    EventRow end = find(act, false);
    EventRow any = start != null ? start : end;
    return new Change(kind(start, end), any.who(), any.at(), end == null ? null : end.endNote());
  }

  /** What a start and an end at one moment did; either may be null, not both. */
  static ChangeKind kind(EventRow start, EventRow end) {
    if (start != null) {
      if (start.role() == Role.MODERATOR) {
        return ChangeKind.APPOINTED_MODERATOR;
      }
      return end != null && end.role() == Role.MODERATOR
          ? ChangeKind.RELIEVED_MODERATOR
          : ChangeKind.JOINED;
    }
    if (end.role() == Role.MODERATOR) {
      return ChangeKind.RELIEVED_MODERATOR;
    }
    // A member who became an expert (not the composition) leaves it as if removed by the centre.
    return "left".equals(end.endReason()) ? ChangeKind.LEFT : ChangeKind.REMOVED;
  }

  private static EventRow find(List<EventRow> act, boolean start) {
    return act.stream().filter(e -> e.start() == start).findFirst().orElse(null);
  }

  private record Key(long communityId, long userId, Instant at) {}
}
