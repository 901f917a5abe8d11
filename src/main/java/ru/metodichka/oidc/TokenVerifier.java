package ru.metodichka.oidc;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks tokens the provider signed (ID tokens, logout tokens): the signature against the
 * provider's published keys (JWKS), the issuer, that the audience names this client, and the time
 * (expiry, issued-at, with a minute's leeway). Keys rotate: a token signed with a key id not seen
 * yet makes the keys be fetched again (at most once in ten seconds), then checked once more.
 */
public final class TokenVerifier {
  static final Duration LEEWAY = Duration.ofSeconds(60);
  private static final Duration REFETCH_AT_MOST_EVERY = Duration.ofSeconds(10);
  private final Vertx vertx;
  private final HttpClient http;
  private final String jwksUri;
  private final String issuer;
  private final String clientId;
  private final Clock clock;
  private volatile Keys keys = new Keys(null, Set.of(), 0);

  private record Keys(JWTAuth auth, Set<String> ids, long fetchedAtMs) {}

  public TokenVerifier(
      Vertx vertx, HttpClient http, String jwksUri, String issuer, String clientId, Clock clock) {
    this.vertx = vertx;
    this.http = http;
    this.jwksUri = jwksUri;
    this.issuer = issuer;
    this.clientId = clientId;
    this.clock = clock;
  }

  /** The same checks at another time (tests: a token that has expired by then). */
  public TokenVerifier at(Clock other) {
    TokenVerifier verifier = new TokenVerifier(vertx, http, jwksUri, issuer, clientId, other);
    verifier.keys = keys;
    return verifier;
  }

  /** The claims of a valid token; fails with {@link InvalidToken} otherwise. */
  public Future<JsonObject> verify(String token) {
    String kid;
    try {
      kid = keyId(token);
    } catch (RuntimeException e) {
      return Future.failedFuture(new InvalidToken("malformed token"));
    }
    Keys current = keys;
    boolean unknown = current.auth() == null || (kid != null && !current.ids().contains(kid));
    boolean mayRefetch =
        clock.millis() - current.fetchedAtMs() > REFETCH_AT_MOST_EVERY.toMillis()
            || current.auth() == null;
    Future<Keys> ready = unknown && mayRefetch ? fetch() : Future.succeededFuture(current);
    return ready.compose(k -> check(k, token));
  }

  private Future<JsonObject> check(Keys k, String token) {
    if (k.auth() == null) {
      return Future.failedFuture(new InvalidToken("no signing keys"));
    }
    return k.auth()
        .authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(new InvalidToken(e.getMessage())))
        .compose(
            user -> {
              JsonObject claims = user.attributes().getJsonObject("accessToken");
              long now = clock.millis() / 1000;
              Long exp = claims.getLong("exp");
              Long iat = claims.getLong("iat");
              if (iat == null || iat > now + LEEWAY.toSeconds()) {
                return Future.failedFuture(new InvalidToken("issued in the future or never"));
              }
              if (exp != null && exp < now - LEEWAY.toSeconds()) {
                return Future.failedFuture(new InvalidToken("expired"));
              }
              return Future.succeededFuture(claims);
            });
  }

  /** Fetches the provider's keys now. */
  Future<Keys> fetch() {
    return http.request(new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(jwksUri))
        .compose(request -> request.send())
        .compose(
            response ->
                response.statusCode() == 200
                    ? response.body()
                    : Future.failedFuture(
                        new InvalidToken("JWKS answered " + response.statusCode())))
        .map(
            body -> {
              JsonArray all = new JsonObject(body).getJsonArray("keys", new JsonArray());
              List<JsonObject> signing = new ArrayList<>();
              Set<String> ids = new HashSet<>();
              for (int i = 0; i < all.size(); i++) {
                JsonObject key = all.getJsonObject(i);
                if (!"enc".equals(key.getString("use"))) {
                  signing.add(key);
                  if (key.getString("kid") != null) {
                    ids.add(key.getString("kid"));
                  }
                }
              }
              JWTAuth auth =
                  JWTAuth.create(
                      vertx,
                      new JWTAuthOptions()
                          .setJwks(signing)
                          .setJWTOptions(
                              new JWTOptions()
                                  .setIssuer(issuer)
                                  .setAudience(List.of(clientId))
                                  // Checked here against the clock (tests move it).
                                  .setIgnoreExpiration(true)));
              Keys fresh = new Keys(auth, Set.copyOf(ids), clock.millis());
              keys = fresh;
              return fresh;
            });
  }

  private static String keyId(String token) {
    String header = token.substring(0, token.indexOf('.'));
    JsonObject json =
        new JsonObject(new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8));
    return json.getString("kid");
  }

  /** A token that is not good: its reason goes to the log, never to the visitor. */
  public static final class InvalidToken extends RuntimeException {
    public InvalidToken(String reason) {
      super(reason, null, false, false);
    }
  }
}
