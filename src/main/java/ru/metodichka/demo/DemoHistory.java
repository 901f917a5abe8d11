package ru.metodichka.demo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import ru.metodichka.community.Slugs;

/**
 * The demo's past (§5): the communities started in August 2025, so the evaluation has a whole
 * academic year (2025/26) and the current one to show at once. Written in SQL with past timestamps,
 * as a history would have been written: members' periods start when they joined, materials have
 * back-dated revisions (each with its ledger row), first publications and reviews, the 2025/26
 * plans have items done and cancelled (done ones in the ledger of those responsible), published
 * materials have daily views, a few cite materials of other communities, and the moderators
 * assessed 2025/26 (literacy twice, and made its summary public). History tables only take inserts;
 * memberships' and communities' start dates are set once here, before anyone used them.
 */
final class DemoHistory {
  static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
  private static final String LIT = "funkcionalnaya-gramotnost";
  private static final String PRO = "proekty-nachalnaya-shkola";
  private static final String MEN = "nastavnichestvo";

  private record Joined(String community, String login, String date) {}

  private record Rev(String login, String date) {}

  private record Material(
      String community,
      String title,
      String kind,
      String published,
      String text,
      List<Rev> revisions) {}

  private record Item(
      String community, String title, String due, String status, List<String> responsible) {}

  private static final List<Joined> JOINED =
      List.of(
          new Joined(LIT, "morozova", "2025-08-28"),
          new Joined(LIT, "ivanova", "2025-09-01"),
          new Joined(LIT, "petrov", "2025-09-01"),
          new Joined(LIT, "kuznetsova", "2026-02-10"),
          new Joined(PRO, "volkova", "2025-08-28"),
          new Joined(PRO, "smirnova", "2025-09-08"),
          new Joined(PRO, "kuznetsova", "2025-09-08"),
          new Joined(PRO, "lebedeva", "2025-10-01"),
          new Joined(PRO, "orlova", "2026-09-02"),
          new Joined(MEN, "morozova", "2025-08-28"),
          new Joined(MEN, "sokolov", "2025-09-15"),
          new Joined(MEN, "ivanova", "2025-09-15"),
          new Joined(MEN, "lebedeva", "2025-12-20"));

  private static final List<Material> MATERIALS =
      List.of(
          new Material(
              LIT,
              "Результаты входной диагностики 2025 года",
              "article",
              "2025-10-15",
              "## Что проверяли\n\nДиагностическая работа в формате PISA в 7-х классах трёх школ района."
                  + "\n\n## Итоги\n\nСредний результат — 54 % от максимального балла; слабее всего"
                  + " задания на интерпретацию данных.",
              List.of(new Rev("petrov", "2025-10-05"), new Rev("ivanova", "2025-10-06"))),
          new Material(
              LIT,
              "Банк заданий по читательской грамотности, 5–6 классы",
              "methodological-development",
              "2025-11-20",
              "Сорок заданий на работу с несплошными текстами: таблицы, схемы, инструкции.\n\n"
                  + "Каждое задание — с критериями оценивания и примерами ответов учащихся.",
              List.of(
                  new Rev("ivanova", "2025-10-02"),
                  new Rev("petrov", "2025-10-20"),
                  new Rev("ivanova", "2025-11-12"))),
          new Material(
              LIT,
              "Практика «Математика в жизни»",
              "practice",
              "2026-04-02",
              "Серия уроков, где учащиеся 6-х классов считают семейный бюджет, площадь ремонта и"
                  + " маршрут поездки.\n\nАпробирована в СОШ № 3 и Лицее № 1.",
              List.of(
                  new Rev("kuznetsova", "2026-02-20"),
                  new Rev("kuznetsova", "2026-03-01"),
                  new Rev("ivanova", "2026-03-15"))),
          new Material(
              LIT,
              "Итоги стартовой диагностики 2026 года",
              "article",
              "2026-10-10",
              "Сравнение с диагностикой 2025 года: доля учащихся ниже базового уровня снизилась"
                  + " с 31 до 24 %.",
              List.of(new Rev("petrov", "2026-09-25"), new Rev("kuznetsova", "2026-10-03"))),
          new Material(
              PRO,
              "Проект «Мой край»: паспорт и этапы",
              "project",
              "2025-11-05",
              "Краеведческий проект для 3–4 классов: маршрут по району, интервью со старожилами,"
                  + " выставка в школьном музее.",
              List.of(new Rev("smirnova", "2025-10-10"), new Rev("lebedeva", "2025-10-25"))),
          new Material(
              PRO,
              "Карта наблюдения за проектной работой",
              "resource",
              "2026-01-25",
              "Карта для учителя: восемь признаков самостоятельности ученика в проекте, по три"
                  + " уровня каждый.",
              List.of(new Rev("lebedeva", "2025-12-01"), new Rev("kuznetsova", "2026-01-20"))),
          new Material(
              PRO,
              "Игровые проекты в подготовительной группе",
              "practice",
              "2026-04-15",
              "Как детский сад готовит детей к проектам начальной школы. Задания на понимание"
                  + " инструкций взяты из [[funkcionalnaya-gramotnost:Банк заданий по читательской"
                  + " грамотности, 5–6 классы]] и упрощены для дошкольников.",
              List.of(
                  new Rev("lebedeva", "2026-03-03"),
                  new Rev("smirnova", "2026-03-12"),
                  new Rev("lebedeva", "2026-04-01"))),
          new Material(
              PRO,
              "Проект «Зимние забавы»",
              "project",
              "2026-11-01",
              "Проект для 1–2 классов: наблюдения за снегом и льдом, опыты, книжка-малышка.",
              List.of(new Rev("orlova", "2026-10-01"), new Rev("smirnova", "2026-10-15"))),
          new Material(
              MEN,
              "Дневник молодого педагога: шаблон",
              "resource",
              "2025-10-05",
              "Шаблон дневника на первый год работы: цели на четверть, посещённые уроки, вопросы"
                  + " к наставнику.",
              List.of(new Rev("sokolov", "2025-09-25"), new Rev("ivanova", "2025-10-01"))),
          new Material(
              MEN,
              "Разбор урока: памятка наставнику",
              "methodological-development",
              "2026-01-15",
              "Как разбирать урок молодого коллеги: сначала удачи, затем один главный вопрос."
                  + " Пример разбора — урок по [[funkcionalnaya-gramotnost:Практика «Математика в"
                  + " жизни»]].",
              List.of(new Rev("ivanova", "2025-11-15"), new Rev("lebedeva", "2026-01-10"))),
          new Material(
              MEN,
              "Адаптация в первый месяц работы",
              "article",
              "2026-10-05",
              "Что важно молодому учителю в сентябре: расписание, наставник, первый родительский"
                  + " день.",
              List.of(new Rev("sokolov", "2026-09-20"), new Rev("ivanova", "2026-09-28"))));

  private static final List<Item> PLAN_2025 =
      List.of(
          new Item(
              LIT, "Установочное заседание сообщества", "2025-09-20", "done", List.of("morozova")),
          new Item(
              LIT,
              "Входная диагностика в 7-х классах",
              "2025-10-10",
              "done",
              List.of("ivanova", "petrov")),
          new Item(
              LIT,
              "Семинар «Критерии оценивания заданий PISA»",
              "2025-12-15",
              "done",
              List.of("petrov")),
          new Item(
              LIT, "Открытые уроки в Лицее № 1", "2026-03-20", "cancelled", List.of("ivanova")),
          new Item(
              LIT,
              "Сборник заданий для 5–6 классов",
              "2026-05-25",
              "done",
              List.of("ivanova", "kuznetsova")),
          new Item(
              LIT,
              "Публикация сборника на сайте ИМЦ",
              "2026-08-20",
              "in-progress",
              List.of("morozova")),
          new Item(
              PRO, "Установочное заседание сообщества", "2025-09-25", "done", List.of("volkova")),
          new Item(PRO, "Описание проекта «Мой край»", "2025-11-01", "done", List.of("smirnova")),
          new Item(
              PRO,
              "Круглый стол с детскими садами",
              "2026-02-15",
              "cancelled",
              List.of("lebedeva")),
          new Item(
              PRO,
              "Фестиваль проектов начальной школы",
              "2026-04-25",
              "done",
              List.of("smirnova", "lebedeva")),
          new Item(
              PRO,
              "Методичка по сопровождению проектов",
              "2026-06-30",
              "planned",
              List.of("kuznetsova")),
          new Item(
              MEN,
              "Встреча наставников и молодых педагогов",
              "2025-09-30",
              "done",
              List.of("morozova")),
          new Item(
              MEN, "Взаимопосещение уроков", "2025-12-20", "done", List.of("ivanova", "sokolov")),
          new Item(
              MEN,
              "Школа молодого педагога: весенняя сессия",
              "2026-03-28",
              "done",
              List.of("ivanova")),
          new Item(
              MEN,
              "Анкетирование молодых педагогов",
              "2026-05-15",
              "cancelled",
              List.of("sokolov")));

  private final Pool pool;

  DemoHistory(Pool pool) {
    this.pool = pool;
  }

  /**
   * The past before the present: written right after the district's people and communities, so that
   * the back-dated revisions come before today's in the order revisions were written (the order
   * recent changes follow).
   */
  Future<Void> past() {
    return pool.withTransaction(
        sql ->
            DemoSeed.inOrder(List.of(LIT, PRO, MEN), c -> started(sql, c))
                .compose(v -> DemoSeed.inOrder(JOINED, j -> joined(sql, j)))
                .compose(v -> DemoSeed.inOrder(MATERIALS, m -> material(sql, m)))
                .compose(v -> DemoSeed.inOrder(PLAN_2025, i -> item(sql, i)))
                .compose(v -> assessments(sql))
                .mapEmpty());
  }

  /** Daily views of every published material, today's demo pages included: written last. */
  Future<Void> views() {
    return pool.withTransaction(sql -> views(sql).mapEmpty());
  }

  private static OffsetDateTime at(String date, int hour) {
    return LocalDate.parse(date).atTime(hour, 0).atZone(ZONE).toOffsetDateTime();
  }

  private static Future<?> started(SqlClient sql, String community) {
    return sql.preparedQuery("UPDATE communities SET created_at = $2 WHERE slug = $1")
        .execute(Tuple.of(community, at("2025-08-25", 10)));
  }

  /** The first period of a member of the first composition starts when they joined. */
  private static Future<?> joined(SqlClient sql, Joined j) {
    return sql.preparedQuery(
            """
            UPDATE memberships m SET started_at = $3::timestamptz,
                   requested_at = CASE WHEN m.requested_at IS NULL THEN NULL
                                       ELSE $3::timestamptz END
              FROM communities c, users u
             WHERE m.community_id = c.id AND m.user_id = u.id AND c.slug = $1 AND u.login = $2
               AND m.order_number IS NOT NULL
               AND m.id = (SELECT min(f.id) FROM memberships f
                            WHERE f.community_id = c.id AND f.user_id = u.id)
            """)
        .execute(Tuple.of(j.community(), j.login(), at(j.date(), 9)));
  }

  private static Future<?> material(SqlClient sql, Material m) {
    String slug = Slugs.fromTitle(m.title());
    return sql.preparedQuery(
            """
            INSERT INTO pages (community_id, slug, slug_key, title, title_key, kind, status,
                               current_revision, created_at, updated_at, published_at,
                               reviewed_revision, reviewed_at)
            SELECT c.id, $2, $3, $4, $5, $6, 'published', $7::int, $8::timestamptz, $9::timestamptz,
                   $10::timestamptz, $7::int, $10::timestamptz
              FROM communities c WHERE c.slug = $1 RETURNING id, community_id
            """)
        .execute(
            Tuple.tuple()
                .addString(m.community())
                .addString(slug)
                .addString(Slugs.key(slug))
                .addString(m.title())
                .addString(Slugs.titleKey(m.title()))
                .addString(m.kind())
                .addInteger(m.revisions().size())
                .addOffsetDateTime(at(m.revisions().getFirst().date(), 11))
                .addOffsetDateTime(at(m.revisions().getLast().date(), 11))
                .addOffsetDateTime(at(m.published(), 12)))
        .compose(
            rows -> {
              var row = rows.iterator().next();
              return revisions(sql, m, row.getLong("id"), row.getLong("community_id"));
            });
  }

  private static Future<?> revisions(SqlClient sql, Material m, long page, long community) {
    Future<?> chain = Future.succeededFuture();
    String text = "";
    for (int i = 0; i < m.revisions().size(); i++) {
      Rev rev = m.revisions().get(i);
      int number = i + 1;
      // Each revision adds to the text: the last one is the material as published.
      text =
          number == m.revisions().size()
              ? m.text()
              : m.text().substring(0, m.text().length() * number / m.revisions().size());
      String markdown = text;
      chain = chain.compose(v -> revision(sql, m, page, community, number, rev, markdown));
    }
    String moderator = m.community().equals(PRO) ? "volkova" : "morozova";
    return chain.compose(
        v ->
            sql.preparedQuery(
                    """
                    WITH who AS (SELECT id FROM users WHERE login = $3)
                    INSERT INTO page_status_changes (page_id, status, changed_by, changed_at)
                    SELECT $1, 'published', who.id, $2::timestamptz FROM who
                    """)
                .execute(Tuple.of(page, at(m.published(), 12), moderator))
                .compose(
                    w ->
                        sql.preparedQuery(
                                """
                                INSERT INTO page_reviews (page_id, revision, kind, user_id, created_at)
                                SELECT $1, $2::int, 'reviewed', id, $3::timestamptz FROM users WHERE login = $4
                                """)
                            .execute(
                                Tuple.of(
                                    page,
                                    m.revisions().size(),
                                    at(m.published(), 12),
                                    moderator))));
  }

  private static Future<?> revision(
      SqlClient sql, Material m, long page, long community, int number, Rev rev, String markdown) {
    OffsetDateTime when = at(rev.date(), 11);
    Tuple values =
        Tuple.tuple()
            .addLong(page)
            .addInteger(number)
            .addString(rev.login())
            .addOffsetDateTime(when)
            .addString(m.title())
            .addString(m.kind())
            .addString(markdown)
            .addInteger(markdown.length())
            .addBuffer(io.vertx.core.buffer.Buffer.buffer(hash(m.title(), markdown)))
            .addLong(community)
            .addString(number == 1 ? "page_created" : "revision");
    return sql.preparedQuery(
            """
            WITH r AS (
              INSERT INTO revisions (page_id, number, base_number, author_id, created_at, summary,
                                     title, kind, markdown, size, content_hash)
              SELECT $1, $2::int, CASE WHEN $2::int > 1 THEN $2::int - 1 END, u.id, $4::timestamptz, '',
                     $5, $6, $7, $8::int, $9
                FROM users u WHERE u.login = $3
              RETURNING id, author_id)
            INSERT INTO contributions (user_id, community_id, page_id, revision_id, kind,
                                       chars_added, created_at)
            SELECT r.author_id, $10, $1, r.id, $11, $8::int, $4::timestamptz FROM r
            RETURNING revision_id
            """)
        .execute(values)
        .compose(rows -> links(sql, rows.iterator().next().getLong(0), markdown));
  }

  /** The wiki links of a revision, as a save writes them: community, slug key, title key. */
  private static Future<?> links(SqlClient sql, long revision, String markdown) {
    var matcher = java.util.regex.Pattern.compile("\\[\\[([a-z-]+):([^\\]|]+)]]").matcher(markdown);
    Future<?> chain = Future.succeededFuture();
    while (matcher.find()) {
      String community = matcher.group(1);
      String title = matcher.group(2);
      chain =
          chain.compose(
              v ->
                  sql.preparedQuery(
                          """
                          INSERT INTO page_links (revision_id, target_community, target_slug_key,
                                                  target_title_key)
                          VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING
                          """)
                      .execute(
                          Tuple.of(
                              revision,
                              Slugs.key(community),
                              Slugs.key(Slugs.fromTitle(title)),
                              Slugs.titleKey(title))));
    }
    return chain;
  }

  private static byte[] hash(String title, String markdown) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(title.getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      return sha.digest(markdown.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * A 2025/26 plan item: planned on 5 September, its final state written the day after it was due;
   * a done one in the ledger of each person responsible.
   */
  private static Future<?> item(SqlClient sql, Item i) {
    LocalDate due = LocalDate.parse(i.due());
    String moderator = i.community().equals(PRO) ? "volkova" : "morozova";
    return sql.preparedQuery(
            """
            INSERT INTO plan_items (community_id, year, created_by, created_at)
            SELECT c.id, '2025/26', u.id, $3::timestamptz FROM communities c, users u
             WHERE c.slug = $1 AND u.login = $2 RETURNING id
            """)
        .execute(Tuple.of(i.community(), moderator, at("2025-09-05", 10)))
        .compose(rows -> versions(sql, i, rows.iterator().next().getLong(0), due, moderator));
  }

  private static Future<?> versions(
      SqlClient sql, Item i, long id, LocalDate due, String moderator) {
    String version =
        """
        INSERT INTO plan_item_versions (item_id, version, valid_from, changed_by, title, form,
                                        starts, due, status, responsible)
        SELECT $1, $2::int, $3::timestamptz, (SELECT id FROM users WHERE login = $4), $5, 'in-person',
               $6::date, $7::date, $8,
               ARRAY(SELECT u.id FROM unnest($9::text[]) WITH ORDINALITY AS l(login, n)
                       JOIN users u ON u.login = l.login ORDER BY l.n)
        """;
    String[] responsible = i.responsible().toArray(String[]::new);
    LocalDate starts = due.minusDays(due.isBefore(LocalDate.of(2025, 9, 25)) ? 5 : 14);
    Tuple first =
        Tuple.tuple()
            .addLong(id)
            .addInteger(1)
            .addOffsetDateTime(at("2025-09-05", 10))
            .addString(moderator)
            .addString(i.title())
            .addLocalDate(starts)
            .addLocalDate(due)
            .addString(i.status().equals("in-progress") ? "in-progress" : "planned")
            .addArrayOfString(responsible);
    Future<?> planned = sql.preparedQuery(version).execute(first);
    if (!i.status().equals("done") && !i.status().equals("cancelled")) {
      return planned;
    }
    OffsetDateTime decided = at(due.plusDays(1).toString(), 15);
    Tuple last =
        Tuple.tuple()
            .addLong(id)
            .addInteger(2)
            .addOffsetDateTime(decided)
            .addString(moderator)
            .addString(i.title())
            .addLocalDate(starts)
            .addLocalDate(due)
            .addString(i.status())
            .addArrayOfString(responsible);
    Future<?> decidedVersion = planned.compose(v -> sql.preparedQuery(version).execute(last));
    if (!i.status().equals("done")) {
      return decidedVersion;
    }
    return decidedVersion.compose(
        v ->
            sql.preparedQuery(
                    """
                    INSERT INTO contributions (user_id, community_id, plan_item_id, kind, created_at)
                    SELECT u.id, c.id, $2::bigint, 'plan_item', $4::timestamptz FROM communities c, users u
                     WHERE c.slug = $1 AND u.login = ANY($3::text[])
                    """)
                .execute(
                    Tuple.tuple()
                        .addString(i.community())
                        .addLong(id)
                        .addArrayOfString(responsible)
                        .addOffsetDateTime(decided)));
  }

  /**
   * Views of every published page of the demo for each past day since it was first published (or
   * since 1 September 2025): a few a day, more on weekdays, none on some days; the running totals
   * follow.
   */
  private static Future<?> views(SqlClient sql) {
    return sql.query(
            """
            INSERT INTO page_views (page_id, day, views)
            SELECT p.id, d::date,
                   1 + abs(hashtext(p.id || ':' || d::date)) % (CASE WHEN extract(isodow FROM d) < 6
                                                                   THEN 9 ELSE 3 END)
              FROM pages p JOIN communities c ON c.id = p.community_id
              CROSS JOIN LATERAL generate_series(
                greatest((SELECT min(s.changed_at) FROM page_status_changes s
                           WHERE s.page_id = p.id AND s.status = 'published')
                           AT TIME ZONE 'Europe/Moscow', '2025-09-01'::timestamp)::date,
                (now() AT TIME ZONE 'Europe/Moscow')::date - 1, interval '1 day') d
             WHERE c.slug IN ('funkcionalnaya-gramotnost', 'proekty-nachalnaya-shkola',
                              'nastavnichestvo')
               AND p.status = 'published' AND abs(hashtext(d::date || ':' || p.id)) % 4 <> 0
            ON CONFLICT DO NOTHING
            """)
        .execute()
        .compose(
            v ->
                sql.query(
                        """
                        UPDATE pages p SET views = v.total
                          FROM (SELECT page_id, sum(views) AS total FROM page_views GROUP BY page_id) v
                         WHERE v.page_id = p.id AND p.views <> v.total
                        """)
                    .execute());
  }

  /** The moderators' assessments of 2025/26; the literacy community's summary made public. */
  private static Future<?> assessments(SqlClient sql) {
    String insert =
        """
        INSERT INTO evaluation_assessments (community_id, period_from, period_to, relevance,
                                            solution, text, author_id, created_at)
        SELECT c.id, $2::timestamptz, $3::timestamptz, $4::smallint, $5::smallint, $6, u.id,
               $8::timestamptz FROM communities c, users u
         WHERE c.slug = $1 AND u.login = $7
        """;
    OffsetDateTime from = at("2025-09-01", 0);
    OffsetDateTime to = at("2026-09-01", 0);
    return sql.preparedQuery(insert)
        .execute(
            Tuple.tuple()
                .addString(LIT)
                .addOffsetDateTime(from)
                .addOffsetDateTime(to)
                .addShort((short) 5)
                .addShort((short) 3)
                .addString(
                    "Направление актуально: результаты входной диагностики показали дефицит"
                        + " читательской грамотности. Сборник заданий готов, но публикация на сайте"
                        + " ИМЦ не завершена, открытые уроки отменены.")
                .addString("morozova")
                .addOffsetDateTime(at("2026-06-20", 14)))
        .compose(
            v ->
                sql.preparedQuery(insert)
                    .execute(
                        Tuple.tuple()
                            .addString(LIT)
                            .addOffsetDateTime(from)
                            .addOffsetDateTime(to)
                            .addShort((short) 5)
                            .addShort((short) 4)
                            .addString(
                                "Направление актуально: входная диагностика показала дефицит"
                                    + " читательской грамотности (см. «Результаты входной"
                                    + " диагностики 2025 года»).\n\nЗадачи года в основном решены:"
                                    + " выполнено 4 пункта плана из 5, сборник заданий выпущен,"
                                    + " его публикация на сайте ИМЦ переходит на следующий год;"
                                    + " открытые уроки отменены из-за карантина.")
                            .addString("morozova")
                            .addOffsetDateTime(at("2026-06-28", 11))))
        .compose(
            v ->
                sql.preparedQuery(insert)
                    .execute(
                        Tuple.tuple()
                            .addString(PRO)
                            .addOffsetDateTime(from)
                            .addOffsetDateTime(to)
                            .addShort((short) 4)
                            .addShort((short) 4)
                            .addString(
                                "Преемственность детского сада и школы остаётся задачей района."
                                    + " Фестиваль проектов проведён, круглый стол перенесён,"
                                    + " методичка по сопровождению проектов не закончена.")
                            .addString("volkova")
                            .addOffsetDateTime(at("2026-06-25", 16))))
        .compose(
            v ->
                sql.preparedQuery(
                        """
                        INSERT INTO evaluation_publicity (community_id, public, changed_by, changed_at)
                        SELECT c.id, true, u.id, $3::timestamptz FROM communities c, users u
                         WHERE c.slug = $1 AND u.login = $2
                        """)
                    .execute(Tuple.of(LIT, "morozova", at("2026-06-28", 11))));
  }
}
