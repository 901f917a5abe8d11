package ru.metodichka.account;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ru.metodichka.auth.AuthService;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.NewUser;
import ru.metodichka.auth.PasswordHasher;
import ru.metodichka.auth.User;
import ru.metodichka.auth.UserRepository;
import ru.metodichka.error.AppError;

/**
 * The centre's management of accounts (issue 19 §3): administrators change a person's data and
 * rights, disable and enable accounts, issue one-time links to set a password and import people and
 * institutions from CSV; a person changes their own password. Every change of a right or of the
 * account's state is recorded in {@code account_events} with who made it.
 *
 * <p>Sessions live in PostgreSQL and every request looks its token up there (no node caches them),
 * so ending a user's sessions here ends them on every node at once.
 */
public final class AccountService {
  /** How long a link to set a password works. */
  public static final Duration RESET_TTL = Duration.ofHours(72);

  static final int MIN_PASSWORD = 8;
  static final int MAX_PASSWORD = 256;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Pool pool;
  private final UserRepository users;
  private final AccountRepository accounts = new AccountRepository();
  private final PasswordHasher hasher;
  private final AuthService auth;

  public AccountService(Pool pool, UserRepository users, PasswordHasher hasher, AuthService auth) {
    this.pool = pool;
    this.users = users;
    this.hasher = hasher;
    this.auth = auth;
  }

  /** One account (administrators). */
  public Future<User> get(CurrentUser actor, String login) {
    actor.requireAdmin();
    return users
        .findByLogin(pool, login)
        .map(found -> found.orElseThrow(() -> AppError.notFound("user_not_found", login)));
  }

  /**
   * Accounts whose login, name, e-mail or institution contain {@code query} (case-insensitive), by
   * name; a page of them and the number of all that match.
   */
  public Future<UserPage> search(CurrentUser actor, String query, int offset, int limit) {
    actor.requireAdmin();
    return users.list(pool).map(all -> page(all, query, offset, limit));
  }

  /** The accounts of {@code all} that match {@code query}: one page of them, and how many. */
  public static UserPage page(List<User> all, String query, int offset, int limit) {
    String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    List<User> matching = q.isEmpty() ? all : all.stream().filter(u -> matches(u, q)).toList();
    int from = Math.min(offset, matching.size());
    int to = Math.min(from + limit, matching.size());
    return new UserPage(matching.subList(from, to), matching.size(), offset, limit);
  }

  private static boolean matches(User u, String q) {
    for (String text : new String[] {u.login(), u.name(), u.email(), u.institution()}) {
      if (text != null && text.toLowerCase(Locale.ROOT).contains(q)) {
        return true;
      }
    }
    return false;
  }

  /** A page of accounts, with the number of all that match. */
  public record UserPage(List<User> users, int total, int offset, int limit) {}

  /** What was recorded about the account, newest first (administrators). */
  public Future<List<AccountEvent>> events(CurrentUser actor, String login) {
    return get(actor, login).compose(user -> accounts.events(pool, user.id()));
  }

  /**
   * Changes an account (administrators): 404 for an unknown login; 409 {@code cannot_demote_self}
   * or {@code cannot_disable_self} for an administrator's own rights; 409 {@code
   * moderator_must_stay_methodist} when the person moderates a community (only methodists may:
   * relieve them first); 422 for an unknown institution. Disabling ends every session of the
   * account.
   */
  public Future<User> update(CurrentUser actor, String login, UserChange change) {
    actor.requireAdmin();
    return pool.withTransaction(
        tx ->
            locked(tx, login)
                .compose(
                    before ->
                        institutionId(tx, change.institution(), before.institutionId())
                            .compose(
                                institutionId -> apply(tx, actor, before, change, institutionId)))
                .compose(id -> users.findById(tx, id)));
  }

  private Future<Long> apply(
      SqlClient tx,
      CurrentUser actor,
      AccountRepository.Locked before,
      UserChange change,
      Long institutionId) {
    boolean admin = Objects.requireNonNullElse(change.admin(), before.admin());
    boolean methodist = Objects.requireNonNullElse(change.methodist(), before.methodist());
    boolean disabled = Objects.requireNonNullElse(change.disabled(), before.disabled());
    if (before.id() == actor.id() && before.admin() && !admin) {
      throw AppError.conflict("cannot_demote_self");
    }
    if (before.id() == actor.id() && disabled) {
      throw AppError.conflict("cannot_disable_self");
    }
    var after =
        new AccountRepository.Locked(
            before.id(),
            before.login(),
            Objects.requireNonNullElse(change.name(), before.name()),
            change.email() == null ? before.email() : blankToNull(change.email()),
            institutionId,
            change.position() == null ? before.position() : blankToNull(change.position()),
            admin,
            methodist,
            disabled,
            before.authSource());
    Future<Void> guard =
        before.methodist() && !methodist
            ? accounts
                .moderates(tx, before.id())
                .compose(
                    names ->
                        names.isEmpty()
                            ? Future.succeededFuture()
                            : Future.failedFuture(
                                AppError.conflict(
                                        "moderator_must_stay_methodist", String.join(", ", names))
                                    .with("communities", new io.vertx.core.json.JsonArray(names))))
            : Future.succeededFuture();
    List<String[]> events = new ArrayList<>();
    if (admin != before.admin()) {
      events.add(new String[] {admin ? "admin_granted" : "admin_revoked", ""});
    }
    if (methodist != before.methodist()) {
      events.add(new String[] {methodist ? "methodist_granted" : "methodist_revoked", ""});
    }
    if (disabled != before.disabled()) {
      events.add(new String[] {disabled ? "disabled" : "enabled", ""});
    }
    List<String> changed = new ArrayList<>();
    if (!Objects.equals(after.name(), before.name())) {
      changed.add("name");
    }
    if (!Objects.equals(after.email(), before.email())) {
      changed.add("email");
    }
    if (!Objects.equals(after.institutionId(), before.institutionId())) {
      changed.add("institution");
    }
    if (!Objects.equals(after.position(), before.position())) {
      changed.add("position");
    }
    if (!changed.isEmpty()) {
      events.add(new String[] {"profile_changed", String.join(", ", changed)});
    }
    Future<Void> done = guard.compose(v -> accounts.update(tx, after));
    for (String[] event : events) {
      done = done.compose(v -> accounts.event(tx, before.id(), actor.id(), event[0], event[1]));
    }
    if (disabled && !before.disabled()) {
      done = done.compose(v -> accounts.endSessions(tx, before.id(), null).mapEmpty());
    }
    return done.map(before.id());
  }

  /**
   * A one-time link for the person to set a local password, valid {@link #RESET_TTL}
   * (administrators); it voids older links. Shown once: only its hash is kept. 409 for a disabled
   * account or one that signs in through OIDC.
   */
  public Future<ResetLink> issueReset(CurrentUser actor, String login) {
    actor.requireAdmin();
    return pool.withTransaction(
        tx ->
            locked(tx, login)
                .compose(
                    user -> {
                      if (user.disabled()) {
                        throw AppError.conflict("account_disabled_no_reset", user.login());
                      }
                      if (!"local".equals(user.authSource())) {
                        throw AppError.conflict("not_a_local_account", user.login());
                      }
                      return reset(tx, actor, user.id(), user.login(), user.name());
                    }));
  }

  private Future<ResetLink> reset(
      SqlClient tx, CurrentUser actor, long userId, String login, String name) {
    String token = newToken();
    OffsetDateTime expires = OffsetDateTime.now().plus(RESET_TTL);
    return accounts
        .insertReset(tx, hash(token), userId, actor.id(), expires)
        .compose(v -> accounts.event(tx, userId, actor.id(), "password_reset_issued", ""))
        .map(v -> new ResetLink(login, name, "/password/reset/" + token, expires));
  }

  /** Whom a live link is for (to greet them on its form); 404 for a used, expired or bad one. */
  public Future<ResetLink> resetFor(String token) {
    if (!plausibleToken(token)) {
      return Future.failedFuture(AppError.notFound("reset_link_invalid"));
    }
    return accounts
        .findReset(pool, hash(token))
        .map(
            owner ->
                owner
                    .map(o -> new ResetLink(o.login(), o.name(), "/password/reset/" + token, null))
                    .orElseThrow(() -> AppError.notFound("reset_link_invalid")));
  }

  /**
   * Sets the password through a link, which is then used up; every session of the person ends. 422
   * for a password against the rules, 404 for a used, expired or bad link.
   */
  public Future<String> redeemReset(String token, String password) {
    checkPassword("password", password);
    if (!plausibleToken(token)) {
      return Future.failedFuture(AppError.notFound("reset_link_invalid"));
    }
    return hasher
        .hash(password)
        .compose(
            passwordHash ->
                pool.withTransaction(
                    tx ->
                        accounts
                            .useReset(tx, hash(token))
                            .compose(
                                owner -> {
                                  var o =
                                      owner.orElseThrow(
                                          () -> AppError.notFound("reset_link_invalid"));
                                  return users
                                      .setPassword(tx, o.userId(), passwordHash)
                                      .compose(v -> accounts.endSessions(tx, o.userId(), null))
                                      .compose(
                                          v ->
                                              accounts.event(
                                                  tx, o.userId(), null, "password_reset_used", ""))
                                      .map(o.login());
                                })));
  }

  /**
   * Changes the caller's own local password: the old one is required and checked against the same
   * budgets as logins (429 when spent); 422 naming {@code old} when it is wrong or {@code new} when
   * it breaks the rules. Every other session of the caller ends; {@code currentToken}'s stays.
   */
  public Future<Void> changeOwn(
      CurrentUser actor, String currentToken, InetAddress address, String old, String fresh) {
    actor.requireLoggedIn();
    checkPassword("new", fresh);
    return auth.checkOwnPassword(actor, old, address)
        .compose(
            ok -> {
              if (!ok) {
                return Future.failedFuture(AppError.invalid("old", "wrong_password"));
              }
              return hasher.hash(fresh);
            })
        .compose(
            passwordHash ->
                pool.withTransaction(
                    tx ->
                        users
                            .setPassword(tx, actor.id(), passwordHash)
                            .compose(
                                v ->
                                    accounts.endSessions(
                                        tx,
                                        actor.id(),
                                        currentToken == null ? null : hash(currentToken)))
                            .compose(
                                v ->
                                    accounts.event(
                                        tx, actor.id(), actor.id(), "password_changed", ""))));
  }

  /**
   * Checks a user file against the rules and the database (administrators): taken logins, unknown
   * institutions.
   */
  public Future<ImportPreview<ImportedUser>> previewUsers(CurrentUser actor, String csv) {
    actor.requireAdmin();
    return previewUsers(pool, csv);
  }

  private Future<ImportPreview<ImportedUser>> previewUsers(SqlClient sql, String csv) {
    ImportPreview<ImportedUser> read = CsvImport.users(csv);
    if (read.rows().isEmpty()) {
      return Future.succeededFuture(read);
    }
    List<String> keys =
        read.rows().stream()
            .map(ImportedUser::login)
            .filter(l -> !l.isEmpty())
            .map(NewUser::loginKey)
            .toList();
    var taken = accounts.takenLogins(sql, keys);
    var places = taken.compose(t -> accounts.institutions(sql));
    return places.map(
        list -> {
          Map<String, Long> ids = AccountRepository.byName(list);
          List<AppError.FieldError> errors = new ArrayList<>(read.errors());
          for (ImportedUser row : read.rows()) {
            if (!row.login().isEmpty() && taken.result().contains(NewUser.loginKey(row.login()))) {
              errors.add(
                  new AppError.FieldError(
                      CsvImport.field(row.line(), "login"), "csv_login_taken", row.login()));
            }
            if (row.institution() != null && !ids.containsKey(row.institution().strip())) {
              errors.add(
                  new AppError.FieldError(
                      CsvImport.field(row.line(), "institution"),
                      "csv_unknown_institution",
                      row.institution()));
            }
          }
          return new ImportPreview<>(read.rows(), errors);
        });
  }

  /**
   * Imports a user file in one transaction (administrators): every row or, with any problem,
   * nothing (422 naming each row and field). New accounts have no password: each gets a one-time
   * link to set one, returned here once.
   */
  public Future<List<ResetLink>> importUsers(CurrentUser actor, String csv) {
    actor.requireAdmin();
    return pool.withTransaction(
        tx ->
            previewUsers(tx, csv)
                .compose(
                    preview -> {
                      if (!preview.errors().isEmpty()) {
                        return Future.failedFuture(AppError.invalid(preview.errors()));
                      }
                      return accounts
                          .institutions(tx)
                          .compose(list -> insertAll(tx, actor, preview.rows(), list));
                    }));
  }

  private Future<List<ResetLink>> insertAll(
      SqlClient tx,
      CurrentUser actor,
      List<ImportedUser> rows,
      List<AccountRepository.InstitutionName> institutions) {
    Map<String, Long> ids = AccountRepository.byName(institutions);
    List<ResetLink> links = new ArrayList<>();
    Future<Void> done = Future.succeededFuture();
    for (ImportedUser row : rows) {
      Long institutionId = row.institution() == null ? null : ids.get(row.institution().strip());
      done =
          done.compose(
                  v ->
                      accounts
                          .insertUser(tx, row, NewUser.loginKey(row.login()), institutionId)
                          .recover(
                              e ->
                                  Future.failedFuture(
                                      ru.metodichka.db.DatabaseErrors.isUniqueViolation(e)
                                          ? AppError.invalid(
                                              CsvImport.field(row.line(), "login"),
                                              "csv_login_taken",
                                              row.login())
                                          : e)))
              .compose(
                  id ->
                      accounts
                          .event(tx, id, actor.id(), "imported", row.methodist() ? "methodist" : "")
                          .compose(v -> reset(tx, actor, id, row.login(), row.name())))
              .map(
                  link -> {
                    links.add(link);
                    return null;
                  });
    }
    return done.map(v -> List.copyOf(links));
  }

  /** Checks an institution file against the rules and the names that exist (administrators). */
  public Future<ImportPreview<ImportedInstitution>> previewInstitutions(
      CurrentUser actor, String csv) {
    actor.requireAdmin();
    return previewInstitutions(pool, csv);
  }

  private Future<ImportPreview<ImportedInstitution>> previewInstitutions(
      SqlClient sql, String csv) {
    ImportPreview<ImportedInstitution> read = CsvImport.institutions(csv);
    if (read.rows().isEmpty()) {
      return Future.succeededFuture(read);
    }
    return accounts
        .takenInstitutions(sql, read.rows().stream().map(ImportedInstitution::name).toList())
        .map(
            taken -> {
              List<AppError.FieldError> errors = new ArrayList<>(read.errors());
              for (ImportedInstitution row : read.rows()) {
                if (taken.contains(row.name())) {
                  errors.add(
                      new AppError.FieldError(
                          CsvImport.field(row.line(), "name"),
                          "csv_institution_taken",
                          row.name()));
                }
              }
              return new ImportPreview<>(read.rows(), errors);
            });
  }

  /** Imports an institution file in one transaction: every row or, with any problem, nothing. */
  public Future<Integer> importInstitutions(CurrentUser actor, String csv) {
    actor.requireAdmin();
    return pool.withTransaction(
        tx ->
            previewInstitutions(tx, csv)
                .compose(
                    preview -> {
                      if (!preview.errors().isEmpty()) {
                        return Future.failedFuture(AppError.invalid(preview.errors()));
                      }
                      Future<Void> done = Future.succeededFuture();
                      for (ImportedInstitution row : preview.rows()) {
                        done = done.compose(v -> accounts.insertInstitution(tx, row));
                      }
                      return done.map(preview.rows().size());
                    }));
  }

  private Future<AccountRepository.Locked> locked(SqlClient tx, String login) {
    if (login.length() > 64 || login.indexOf('\u0000') >= 0) {
      return Future.failedFuture(AppError.notFound("user_not_found", login));
    }
    return accounts
        .lock(tx, NewUser.loginKey(login))
        .map(found -> found.orElseThrow(() -> AppError.notFound("user_not_found", login)));
  }

  /** The id of the named institution ("" clears it, null keeps {@code current}); 422 unknown. */
  private Future<Long> institutionId(SqlClient tx, String name, Long current) {
    if (name == null) {
      return Future.succeededFuture(current);
    }
    if (name.isBlank()) {
      return Future.succeededFuture(null);
    }
    return accounts
        .institutions(tx)
        .map(
            list ->
                Optional.ofNullable(AccountRepository.byName(list).get(name.strip()))
                    .orElseThrow(
                        () -> AppError.invalid("institution", "unknown_institution", name)));
  }

  static void checkPassword(String field, String password) {
    if (password == null || password.length() < MIN_PASSWORD) {
      throw AppError.invalid(field, "password_too_short", MIN_PASSWORD);
    }
    if (password.length() > MAX_PASSWORD) {
      throw AppError.invalid(field, "too_long", MAX_PASSWORD);
    }
  }

  private static boolean plausibleToken(String token) {
    return token != null && token.length() == 43 && token.matches("[A-Za-z0-9_-]+");
  }

  /** 256 random bits, URL-safe: 43 characters. */
  private static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** SHA-256, as session tokens are stored ({@code auth.SessionTokens}). */
  private static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
