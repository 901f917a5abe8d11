package ru.metodichka.changes;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.db.Rows;
import ru.metodichka.error.AppError;

/**
 * Personal tokens for the Atom feed of recent changes: a feed reader cannot log in, so the feed's
 * address carries a secret that stands for its user (the feed shows what that user may see). One
 * token per user; only its SHA-256 is stored, so the token is shown once, when made. Making a new
 * one replaces the old; revoking removes it; a disabled user's token opens nothing.
 */
public final class FeedTokens {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int TOKEN_BYTES = 32;
  private static final String ISSUE =
      """
      INSERT INTO %s (user_id, token_hash) VALUES ($1, $2)
      ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = now()
      """;
  private static final String REVOKE = "DELETE FROM %s WHERE user_id = $1";
  private static final String ISSUED = "SELECT created_at FROM %s WHERE user_id = $1";
  private static final String READER =
      """
      SELECT u.id, u.login, u.display_name, u.is_admin
        FROM %s t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = $1 AND u.disabled_at IS NULL
      """;
  private final Pool pool;
  private final String issue;
  private final String revoke;
  private final String issued;
  private final String readerSql;

  /** The Atom feed's tokens ({@code feed_tokens}). */
  public FeedTokens(Pool pool) {
    this(pool, "feed_tokens");
  }

  /**
   * Tokens of another personal feed kept the same way (the meetings' calendar: {@code
   * calendar_tokens}), in a table of {@code feed_tokens}' shape.
   *
   * @param table the table's name (a constant of the code, never input)
   */
  public FeedTokens(Pool pool, String table) {
    this.pool = pool;
    this.issue = ISSUE.formatted(table);
    this.revoke = REVOKE.formatted(table);
    this.issued = ISSUED.formatted(table);
    this.readerSql = READER.formatted(table);
  }

  /** A new token for the user (the old one stops working); 401 for visitors. */
  public Future<String> issue(CurrentUser actor) {
    actor.requireLoggedIn();
    byte[] bytes = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return pool.preparedQuery(issue)
        .execute(Tuple.of(actor.id(), Buffer.buffer(hash(token))))
        .map(token);
  }

  /** Removes the user's token: the feed's address stops working. */
  public Future<Void> revoke(CurrentUser actor) {
    actor.requireLoggedIn();
    return pool.preparedQuery(revoke).execute(Tuple.of(actor.id())).mapEmpty();
  }

  /** When the user's current token was made, if they have one. */
  public Future<Optional<OffsetDateTime>> issuedAt(CurrentUser actor) {
    if (actor.anonymous()) {
      return Future.succeededFuture(Optional.empty());
    }
    return pool.preparedQuery(issued)
        .execute(Tuple.of(actor.id()))
        .map(rows -> Rows.first(rows, r -> r.getOffsetDateTime("created_at")));
  }

  /** The user a token stands for; 404 for a token that is unknown, replaced or revoked. */
  public Future<CurrentUser> reader(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Future.failedFuture(AppError.notFound("feed_not_found"));
    }
    return pool.preparedQuery(readerSql)
        .execute(Tuple.of(Buffer.buffer(hash(token))))
        .map(
            rows ->
                Rows.first(
                        rows,
                        r ->
                            new CurrentUser(
                                r.getLong("id"),
                                r.getString("login"),
                                r.getString("display_name"),
                                r.getBoolean("is_admin")))
                    .orElseThrow(() -> AppError.notFound("feed_not_found")));
  }

  private static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
