package ru.metodichka.demo;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.NewUser;
import ru.metodichka.auth.UserService;

/**
 * A former teacher whose account the centre disabled when she retired (issue 19 §3): she cannot log
 * in, and her account's record says who disabled it and when.
 */
final class DemoAccounts {
  static final String FORMER = "kuznetsova.gp";
  private static final String DISABLE =
      "UPDATE users SET disabled_at = now() - interval '40 days' WHERE login_key = $1 RETURNING id";
  private static final String RECORD =
      """
      INSERT INTO account_events (user_id, actor_id, kind, detail, created_at)
      VALUES ($1, $2, 'disabled', 'вышла на пенсию', now() - interval '40 days')
      """;
  private final Pool pool;
  private final UserService users;
  private final String password;

  DemoAccounts(Pool pool, UserService users, String password) {
    this.pool = pool;
    this.users = users;
    this.password = password;
  }

  Future<Void> create(CurrentUser admin) {
    NewUser former =
        new NewUser(
            FORMER,
            password,
            "Кузнецова Галина Петровна",
            null,
            null,
            "учитель начальных классов (до 2026 г.)",
            false,
            false);
    return users
        .create(admin, former)
        .compose(
            user ->
                pool.withTransaction(
                    tx ->
                        tx.preparedQuery(DISABLE)
                            .execute(Tuple.of(FORMER))
                            .compose(
                                rows ->
                                    tx.preparedQuery(RECORD)
                                        .execute(Tuple.of(user.id(), admin.id())))))
        .mapEmpty();
  }
}
