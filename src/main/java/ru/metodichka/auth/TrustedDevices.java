package ru.metodichka.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import ru.metodichka.db.AppStateRepository;

/**
 * Browsers a login has succeeded in before. After a successful login the browser gets a cookie
 * naming it, signed for that login ({@code id.signature}); an attempt that brings it is throttled
 * on that device's own budget only. So whoever guesses a teacher's password, from anywhere (the
 * school's own network included), cannot lock the teacher out of the browser they use. The key is
 * kept in PostgreSQL, so a cookie from one node is good on all of them; nothing is stored per
 * device.
 */
public final class TrustedDevices {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String SECRET_KEY = "device_cookie_secret";
  private final SecretKeySpec key;

  TrustedDevices(byte[] secret) {
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
  }

  /** The devices with the deployment's key, made on its first start. */
  public static Future<TrustedDevices> load(Pool pool, AppStateRepository state) {
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    return state
        .getOrCreate(pool, SECRET_KEY, HexFormat.of().formatHex(fresh))
        .map(secret -> new TrustedDevices(HexFormat.of().parseHex(secret)));
  }

  /** The device named by a cookie signed for this login; empty for anything else (or null). */
  Optional<String> deviceId(String loginKey, String cookie) {
    int dot = cookie == null ? -1 : cookie.indexOf('.');
    if (dot <= 0) {
      return Optional.empty();
    }
    String id = cookie.substring(0, dot);
    byte[] expected = sign(loginKey, id).getBytes(StandardCharsets.UTF_8);
    byte[] actual = cookie.substring(dot + 1).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(expected, actual) ? Optional.of(id) : Optional.empty();
  }

  /** The cookie for this login in this browser: its device id if it has one, else a new one. */
  String cookieFor(String loginKey, Optional<String> deviceId) {
    String id = deviceId.orElseGet(TrustedDevices::newId);
    return id + "." + sign(loginKey, id);
  }

  private static String newId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private String sign(String loginKey, String id) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal((loginKey + "\n" + id).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
