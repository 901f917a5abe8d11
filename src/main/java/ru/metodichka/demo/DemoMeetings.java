package ru.metodichka.demo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.meeting.Meeting;
import ru.metodichka.meeting.MeetingForm;
import ru.metodichka.meeting.MeetingPatch;
import ru.metodichka.meeting.MeetingService;

/**
 * The demo's meetings of «Функциональная грамотность в основной школе»: a past one in the 2025/26
 * year with its minutes and attendance (corrected once, so the record shows both), which evaluation
 * counts as {@code meeting} contributions dated at the meeting; and two to come, one remote with
 * its link (for members only) tied to an item of this year's plan, one in person with members'
 * answers. All through {@link MeetingService}, as a moderator would.
 */
final class DemoMeetings {
  private static final String COMMUNITY = "funkcionalnaya-gramotnost";
  // The plan item a webinar belongs to: the community's next planned item.
  private static final String NEXT_ITEM =
      """
      SELECT i.id FROM plan_items i
        JOIN communities c ON c.id = i.community_id
        JOIN LATERAL (SELECT status, starts FROM plan_item_versions v WHERE v.item_id = i.id
                       ORDER BY v.version DESC LIMIT 1) v ON true
       WHERE c.slug = $1 AND v.status = 'planned' AND v.starts >= $2
       ORDER BY v.starts, i.id LIMIT 1
      """;
  private final MeetingService meetings;
  private final Pool pool;
  private final Map<String, CurrentUser> people;
  private final LocalDate today;

  DemoMeetings(
      MeetingService meetings, Pool pool, Map<String, CurrentUser> people, LocalDate today) {
    this.meetings = meetings;
    this.pool = pool;
    this.people = people;
    this.today = today;
  }

  Future<Void> create() {
    CurrentUser moderator = people.get("morozova");
    return past(moderator)
        .compose(v -> nextPlanItem())
        .compose(item -> webinar(moderator, item))
        .compose(v -> openLesson(moderator));
  }

  private Future<Void> past(CurrentUser moderator) {
    var draft =
        MeetingPatch.draft(
            "Заседание сообщества: итоги весенней диагностики",
            at(LocalDate.of(2026, 3, 25), 15, 0),
            at(LocalDate.of(2026, 3, 25), 16, 30),
            MeetingForm.IN_PERSON,
            "МКУ «Информационно-методический центр», зал заседаний",
            "",
            """
            1. Результаты диагностики в 7–8 классах (С. А. Петров)
            2. Типичные ошибки в заданиях с физическим содержанием
            3. Что меняем в [[Критерии оценивания|критериях оценивания]]
            """,
            null,
            "протокол-заседания-2026-03-25");
    return meetings
        .create(moderator, COMMUNITY, draft)
        .compose(
            m ->
                // First everyone on the list, then a correction: Kuznetsova was ill that day.
                meetings
                    .attendance(
                        moderator,
                        COMMUNITY,
                        m.id(),
                        List.of("morozova", "ivanova", "petrov", "kuznetsova"))
                    .compose(
                        a ->
                            meetings.attendance(
                                moderator,
                                COMMUNITY,
                                m.id(),
                                List.of("morozova", "ivanova", "petrov"))))
        .mapEmpty();
  }

  private Future<Long> nextPlanItem() {
    return pool.preparedQuery(NEXT_ITEM)
        .execute(Tuple.of(COMMUNITY, today))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
  }

  private Future<Void> webinar(CurrentUser moderator, Long planItem) {
    LocalDate day = today.plusDays(9);
    var draft =
        MeetingPatch.draft(
            "Вебинар: читательская грамотность на уроках истории и обществознания",
            at(day, 16, 0),
            at(day, 17, 0),
            MeetingForm.REMOTE,
            "",
            "https://telemost.yandex.ru/j/58291736402915",
            """
            Разбираем два задания из [[Читательская грамотность на уроках русского языка]] и
            пробуем перенести их на исторические источники.

            - подготовьте один текст из учебника 7–8 класса;
            - вопросы можно оставить заранее в комментариях к материалу.
            """,
            planItem,
            null);
    return meetings
        .create(moderator, COMMUNITY, draft)
        .compose(m -> answer(m, "ivanova", "yes").compose(v -> answer(m, "kuznetsova", "maybe")));
  }

  private Future<Void> openLesson(CurrentUser moderator) {
    LocalDate day = today.plusDays(23);
    var draft =
        MeetingPatch.draft(
            "Открытый урок и разбор: задания PISA в 7 классе",
            at(day, 13, 30),
            at(day, 15, 0),
            MeetingForm.IN_PERSON,
            "МБОУ «Средняя общеобразовательная школа № 3», кабинет 305",
            "",
            """
            **Урок** ведёт А. П. Иванова, после урока — разбор по критериям оценивания.

            Возьмите с собой распечатку критериев.
            """,
            null,
            null);
    return meetings
        .create(moderator, COMMUNITY, draft)
        .compose(m -> answer(m, "petrov", "yes").compose(v -> answer(m, "ivanova", "yes")));
  }

  private Future<Void> answer(Meeting m, String login, String answer) {
    return meetings.answer(people.get(login), COMMUNITY, m.id(), answer).mapEmpty();
  }

  private static OffsetDateTime at(LocalDate day, int hour, int minute) {
    return day.atTime(hour, minute).atZone(DemoHistory.ZONE).toOffsetDateTime();
  }
}
