package ru.metodichka.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.metodichka.auth.Person;
import ru.metodichka.community.Role;

class ChangesTest {
  private static final OffsetDateTime MONDAY =
      OffsetDateTime.of(2026, 11, 2, 9, 0, 0, 0, ZoneOffset.UTC);
  private static final Participant ANNA =
      new Participant(new Person("anna", "Анна Петровна Иванова"), "учитель", "СОШ № 3");
  private static final Participant OLGA =
      new Participant(new Person("olga", "Ольга Смирнова"), "методист", "ИМЦ");

  private static EventRow start(long id, long user, Role role, OffsetDateTime at) {
    return new EventRow(id, true, 1, user, role, at, null, null, user == 1 ? ANNA : OLGA);
  }

  private static EventRow end(long id, long user, Role role, OffsetDateTime at, String reason) {
    return new EventRow(id, false, 1, user, role, at, reason, "заметка", user == 1 ? ANNA : OLGA);
  }

  @Test
  void aStartAloneIsJoiningOrAnAppointment() {
    List<Change> changes =
        Changes.of(List.of(start(1, 1, Role.MEMBER, MONDAY), start(2, 2, Role.MODERATOR, MONDAY)));
    assertThat(changes)
        .extracting(Change::kind)
        .containsExactly(ChangeKind.JOINED, ChangeKind.APPOINTED_MODERATOR);
    assertThat(changes.getFirst().who()).isEqualTo(ANNA);
    assertThat(changes.getFirst().note()).isNull();
  }

  @Test
  void aRoleChangeIsOneChangeNamedAfterTheNewRole() {
    var appointed =
        Changes.of(
            List.of(
                end(1, 2, Role.MEMBER, MONDAY, "role_changed"),
                start(2, 2, Role.MODERATOR, MONDAY)));
    assertThat(appointed).extracting(Change::kind).containsExactly(ChangeKind.APPOINTED_MODERATOR);
    var relieved =
        Changes.of(
            List.of(
                start(3, 2, Role.MEMBER, MONDAY.plusDays(1)),
                end(2, 2, Role.MODERATOR, MONDAY.plusDays(1), "role_changed")));
    assertThat(relieved).extracting(Change::kind).containsExactly(ChangeKind.RELIEVED_MODERATOR);
  }

  @Test
  void anEndAloneSaysWhyItEnded() {
    var changes =
        Changes.of(
            List.of(
                end(1, 1, Role.MEMBER, MONDAY, "left"),
                end(2, 2, Role.MEMBER, MONDAY, "removed"),
                end(3, 2, Role.MODERATOR, MONDAY.plusHours(1), "removed"),
                end(4, 1, Role.MEMBER, MONDAY.plusHours(2), "role_changed")));
    assertThat(changes)
        .extracting(Change::kind)
        .containsExactly(
            ChangeKind.LEFT, ChangeKind.REMOVED, ChangeKind.RELIEVED_MODERATOR, ChangeKind.REMOVED);
    assertThat(changes.get(1).note()).isEqualTo("заметка");
  }

  @Test
  void eventsOfOnePersonAtDifferentMomentsAreSeparateChanges() {
    var changes =
        Changes.of(
            List.of(
                start(1, 1, Role.MEMBER, MONDAY),
                end(1, 1, Role.MEMBER, MONDAY.plusDays(3), "left")));
    assertThat(changes)
        .extracting(Change::kind)
        .containsExactly(ChangeKind.JOINED, ChangeKind.LEFT);
    assertThat(changes.get(1).at()).isEqualTo(MONDAY.plusDays(3));
  }

  @Test
  void theSameMomentInAnotherOffsetIsTheSameMoment() {
    var changes =
        Changes.of(
            List.of(
                end(1, 2, Role.MEMBER, MONDAY, "role_changed"),
                start(2, 2, Role.MODERATOR, MONDAY.withOffsetSameInstant(ZoneOffset.ofHours(3)))));
    assertThat(changes).hasSize(1);
  }
}
