package ru.metodichka.notification;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ru.metodichka.db.AppStateRepository;

/**
 * The tokens of one-click unsubscribe links: {@code userId.scope.signature}, the signature an HMAC
 * under a secret kept in {@code app_state} (the same on every node), so a link works without
 * logging in and cannot be made for someone else. The scope is a kind's code, or {@code all}.
 */
public final class UnsubscribeTokens {
  static final String ALL = "all";
  private static final String KEY = "unsubscribe_secret";
  private final SecretKeySpec key;

  private UnsubscribeTokens(byte[] secret) {
    this.key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The deployment's secret, made by whichever node asks first. */
  public static Future<UnsubscribeTokens> load(SqlClient sql) {
    byte[] candidate = new byte[32];
    new SecureRandom().nextBytes(candidate);
    return new AppStateRepository()
        .getOrCreate(sql, KEY, Base64.getEncoder().encodeToString(candidate))
        .map(secret -> new UnsubscribeTokens(Base64.getDecoder().decode(secret)));
  }

  String token(long userId, String scope) {
    String value = userId + "." + scope;
    return value + "." + sign(value);
  }

  /** The user and scope a genuine token names; empty for anything else. */
  Optional<Scope> verify(String token) {
    if (token == null || token.length() > 200) {
      return Optional.empty();
    }
    int last = token.lastIndexOf('.');
    int first = token.indexOf('.');
    if (first <= 0 || last <= first) {
      return Optional.empty();
    }
    String value = token.substring(0, last);
    byte[] expected = sign(value).getBytes(StandardCharsets.UTF_8);
    byte[] actual = token.substring(last + 1).getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, actual)) {
      return Optional.empty();
    }
    try {
      long user = Long.parseLong(token.substring(0, first));
      String scope = token.substring(first + 1, last);
      boolean known = scope.equals(ALL) || NotificationKind.of(scope).isPresent();
      return known ? Optional.of(new Scope(user, scope)) : Optional.empty();
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private String sign(String value) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(("unsubscribe:" + value).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Whom a token unsubscribes, from what ({@value #ALL} or a kind's code). */
  record Scope(long userId, String scope) {}
}
