package ru.metodichka.demo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.User;
import ru.metodichka.auth.UserRepository;
import ru.metodichka.comment.CommentService;
import ru.metodichka.comment.NewComment;
import ru.metodichka.report.NewReport;
import ru.metodichka.report.ReportService;
import ru.metodichka.web.JsonInput;

/**
 * The demo's discussion (§3 mutual support) and a resolved ethics report: teachers discuss the
 * published «Критерии оценивания заданий» with replies; a comment that named a pupil was reported
 * for personal data and hidden by the moderator, and its author posted it again without the name.
 * Through the real services, after the demo district exists ({@link DemoSeed}); once per database
 * (its own marker), so a database seeded before discussions existed gets it on its next start.
 */
public final class DemoDiscussion {
  private static final Logger LOG = LoggerFactory.getLogger(DemoDiscussion.class);
  static final String COMMUNITY = "funkcionalnaya-gramotnost";
  static final String PAGE = "критерии-оценивания";
  // Claimed before the discussion is written: a second node started with --demo writes nothing.
  private static final String CLAIM =
      """
      INSERT INTO app_state (key, value)
      SELECT 'demo_discussion', now()::text
       WHERE EXISTS (SELECT 1 FROM app_state WHERE key = 'demo_seeded')
         AND EXISTS (SELECT 1 FROM pages p JOIN communities c ON c.id = p.community_id
                      WHERE c.slug = $1 AND p.slug = $2 AND p.status = 'published')
      ON CONFLICT (key) DO NOTHING
      RETURNING key
      """;

  private final Pool pool;
  private final CommentService comments;
  private final ReportService reports;

  public DemoDiscussion(Pool pool, CommentService comments, ReportService reports) {
    this.pool = pool;
    this.comments = comments;
    this.reports = reports;
  }

  /** Writes the discussion unless it is there already or the demo district is not. */
  public Future<Void> run() {
    return pool.preparedQuery(CLAIM)
        .execute(Tuple.of(COMMUNITY, PAGE))
        .compose(rows -> rows.size() == 0 ? Future.succeededFuture() : write());
  }

  private Future<Void> write() {
    return users(List.of("petrov", "ivanova", "morozova", "kuznetsova", "lebedeva"))
        .compose(
            u -> {
              CurrentUser petrov = u.get(0);
              CurrentUser ivanova = u.get(1);
              CurrentUser morozova = u.get(2);
              CurrentUser kuznetsova = u.get(3);
              CurrentUser lebedeva = u.get(4);
              return post(
                      petrov,
                      "Спасибо за критерии! Подскажите, как оценивать частично верный ответ в"
                          + " задании 3: 1 балл или 0?",
                      null)
                  .compose(
                      question ->
                          post(
                                  ivanova,
                                  "Сергей Алексеевич, договорились ставить **1 балл**, если способ"
                                      + " решения выбран верно, но допущена вычислительная ошибка."
                                      + " Добавлю это в таблицу.",
                                  question)
                              .compose(
                                  r ->
                                      post(
                                          morozova,
                                          "Поддерживаю. Обсудим на ближайшей встрече и закрепим"
                                              + " в [[Критерии оценивания заданий]].",
                                          question)))
                  .compose(
                      v ->
                          post(
                              kuznetsova,
                              "Для читательской грамотности у нас похожая шкала — может быть,"
                                  + " сведём обе в одну таблицу?",
                              null))
                  .compose(
                      v ->
                          post(
                              lebedeva,
                              "Очень полезно для начинающих учителей, возьму в свою практику.",
                              null))
                  .compose(
                      v ->
                          post(
                              petrov,
                              "Результаты 7 «Б»: Максим Орлов — 12 баллов из 20, его мама просила"
                                  + " связаться по телефону 8-900-000-00-00.",
                              null))
                  .compose(leak -> report(ivanova, morozova, leak))
                  .compose(
                      v ->
                          post(
                              petrov,
                              "Результаты 7 «Б» без фамилий: средний балл 12 из 20, задание 3"
                                  + " решили 40 % класса.",
                              null))
                  .<Void>mapEmpty();
            })
        .onSuccess(v -> LOG.info("Demo discussion and a resolved report added"));
  }

  private Future<Void> report(CurrentUser reporter, CurrentUser moderator, long comment) {
    JsonObject body =
        new JsonObject()
            .put(
                "target",
                new JsonObject()
                    .put("kind", "comment")
                    .put("community", COMMUNITY)
                    .put("slug", PAGE)
                    .put("comment", comment))
            .put("reason", "personal-data")
            .put("text", "В комментарии фамилия ученика и телефон родителей.");
    return reports
        .report(reporter, NewReport.from(JsonInput.of(body)))
        .compose(
            filed ->
                reports.resolve(
                    moderator,
                    filed.id(),
                    NewReport.resolution(
                        JsonInput.of(
                            new JsonObject()
                                .put("action", "hidden")
                                .put(
                                    "note",
                                    "Скрыто: персональные данные ученика. Спасибо за"
                                        + " внимательность!")))))
        .mapEmpty();
  }

  private Future<Long> post(CurrentUser author, String text, Long replyTo) {
    return comments.post(author, COMMUNITY, PAGE, new NewComment(text, replyTo)).map(c -> c.id());
  }

  private Future<List<CurrentUser>> users(List<String> logins) {
    UserRepository repository = new UserRepository();
    return Future.all(logins.stream().map(l -> repository.findByLogin(pool, l)).toList())
        .map(
            all ->
                all.<java.util.Optional<User>>list().stream()
                    .map(found -> found.orElseThrow().asCurrentUser())
                    .toList());
  }
}
