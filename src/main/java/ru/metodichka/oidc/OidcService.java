package ru.metodichka.oidc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.oauth2.OAuth2AuthorizationURL;
import io.vertx.ext.auth.oauth2.OAuth2FlowType;
import io.vertx.ext.auth.oauth2.Oauth2Credentials;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.auth.AuthService;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.NewUser;
import ru.metodichka.auth.UserRepository;
import ru.metodichka.error.AppError;
import ru.metodichka.expert.ExpertService;

/**
 * Sign-in through an OpenID Connect provider (Keycloak): the authorization code flow with PKCE
 * (S256), {@code state} and {@code nonce} kept in PostgreSQL so the browser may come back to any
 * node; the ID token checked by {@link TokenVerifier}; the account found by (issuer, subject) and
 * never by e-mail, created at the first sign-in; the realm roles applied as global rights at every
 * sign-in; the result a session like a password login's. Back-channel logout ends the sessions of a
 * provider session in PostgreSQL, so every node stops accepting them at once. Without a configured
 * provider the sign-in routes answer 404 {@code oidc_not_configured}.
 */
public final class OidcService {
  private static final Logger LOG = LoggerFactory.getLogger(OidcService.class);
  static final String ROLE_ADMIN = "metodichka-admin";
  static final String ROLE_METHODIST = "methodist";
  static final String ROLE_EXPERT = "expert";
  static final String BACKCHANNEL_EVENT = "http://schemas.openid.net/event/backchannel-logout";
  private static final Duration REQUEST_LIFETIME = Duration.ofMinutes(10);
  private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,55}");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Pool pool;
  private final OidcProvider provider;
  private final AuthService auth;
  private final ExpertService experts;
  private final UserRepository users;
  private final OidcRepository repository = new OidcRepository();

  public OidcService(
      Pool pool,
      OidcProvider provider,
      AuthService auth,
      ExpertService experts,
      UserRepository users) {
    this.pool = pool;
    this.provider = provider;
    this.auth = auth;
    this.experts = experts;
    this.users = users;
  }

  /** The provider, or null when none is configured. */
  public OidcProvider provider() {
    return provider;
  }

  /**
   * Starts a sign-in: the provider's authorization URL for the browser. Fails with 503 {@code
   * oidc_unavailable} while the provider cannot be discovered.
   */
  public Future<String> begin(String redirectUri, String back) {
    String state = random();
    String nonce = random();
    String verifier = random() + random();
    // Sign-ins never finished are dropped as new ones start (a statement on a small table).
    repository
        .purgeRequests(pool)
        .onFailure(e -> LOG.warn("Could not delete abandoned sign-ins: {}", e.getMessage()));
    return discovered()
        .compose(
            found ->
                repository
                    .insertRequest(
                        pool,
                        AuthService.tokenHash(state),
                        nonce,
                        verifier,
                        redirectUri,
                        back,
                        OffsetDateTime.now().plus(REQUEST_LIFETIME))
                    .map(
                        v ->
                            found
                                .oauth2()
                                .authorizeURL(
                                    // Vert.x 5.0's authorizeURL writes only state, scope,
                                    // response_type and client_id: the rest goes as parameters.
                                    new OAuth2AuthorizationURL()
                                        .setScopes(List.of("openid", "profile", "email"))
                                        .setState(state)
                                        .setAdditionalParameters(
                                            Map.of(
                                                "redirect_uri",
                                                redirectUri,
                                                "code_challenge",
                                                challenge(verifier),
                                                "code_challenge_method",
                                                "S256",
                                                "nonce",
                                                nonce)))));
  }

  /**
   * Finishes a sign-in at the callback: the state must be one this site issued and not used yet,
   * the code is exchanged (with the PKCE verifier), the ID token checked and its nonce compared.
   * Refusals are 401 {@code oidc_refused}; a disabled account 403 {@code account_disabled}.
   */
  public Future<Finished> finish(String state, String code, String previousToken) {
    if (state == null || state.isEmpty() || code == null || code.isEmpty()) {
      return Future.failedFuture(refused("callback without state or code"));
    }
    return repository
        .takeRequest(pool, AuthService.tokenHash(state))
        .compose(
            request -> {
              if (request.isEmpty() || !request.get().live()) {
                return Future.failedFuture(refused("unknown, used or expired state"));
              }
              return discovered().compose(found -> exchange(found, request.get(), code));
            })
        .compose(signedIn -> signIn(signedIn, previousToken));
  }

  private record SignedIn(JsonObject claims, String idToken, String issuer, String back) {}

  private Future<SignedIn> exchange(
      OidcProvider.Discovered found, OidcRepository.Request request, String code) {
    return found
        .oauth2()
        .authenticate(
            new Oauth2Credentials()
                .setFlow(OAuth2FlowType.AUTH_CODE)
                .setCode(code)
                .setRedirectUri(request.redirectUri())
                .setCodeVerifier(request.codeVerifier()))
        .recover(e -> Future.failedFuture(refused("code exchange: " + e.getMessage())))
        .compose(
            user -> {
              String idToken = user.principal().getString("id_token");
              if (idToken == null) {
                return Future.failedFuture(refused("no ID token"));
              }
              return verifyIdToken(found, idToken, request.nonce())
                  .map(claims -> new SignedIn(claims, idToken, found.issuer(), request.back()));
            });
  }

  /** The claims of an ID token for this client, with this nonce; 401 otherwise. */
  public Future<JsonObject> verifyIdToken(
      OidcProvider.Discovered found, String idToken, String nonce) {
    return found
        .tokens()
        .verify(idToken)
        .recover(e -> Future.failedFuture(refused("ID token: " + e.getMessage())))
        .compose(
            claims -> {
              if (nonce == null || !nonce.equals(claims.getString("nonce"))) {
                return Future.failedFuture(refused("nonce differs"));
              }
              String azp = claims.getString("azp");
              if (azp != null && !azp.equals(provider.config().clientId())) {
                return Future.failedFuture(refused("azp is " + azp));
              }
              if (claims.getString("sub") == null) {
                return Future.failedFuture(refused("no subject"));
              }
              return Future.succeededFuture(claims);
            });
  }

  private Future<Finished> signIn(SignedIn in, String previousToken) {
    JsonObject claims = in.claims();
    String subject = claims.getString("sub");
    Set<String> roles = roles(claims);
    return pool.withTransaction(
            tx ->
                repository
                    .findIdentity(tx, in.issuer(), subject)
                    .compose(
                        found ->
                            found.isPresent()
                                ? Future.succeededFuture(found.get())
                                : createUser(tx, in.issuer(), subject, claims))
                    .compose(
                        userId ->
                            repository
                                .institutionId(tx, text(claims, "institution", 300))
                                .compose(
                                    institution ->
                                        repository.updateUser(
                                            tx,
                                            userId,
                                            roles.contains(ROLE_ADMIN),
                                            roles.contains(ROLE_METHODIST),
                                            name(claims),
                                            text(claims, "email", 254),
                                            institution,
                                            text(claims, "position", 200)))
                                .compose(
                                    disabled ->
                                        disabled
                                            ? Future.failedFuture(
                                                AppError.forbidden("account_disabled"))
                                            : experts.followIdentityProvider(
                                                tx, userId, roles.contains(ROLE_EXPERT)))
                                .compose(v -> auth.startSession(tx, userId, previousToken))
                                .compose(
                                    login ->
                                        repository
                                            .insertSession(
                                                tx,
                                                AuthService.tokenHash(login.token()),
                                                in.issuer(),
                                                subject,
                                                claims.getString("sid"),
                                                in.idToken())
                                            .map(v -> new Finished(login, in.back())))))
        .onSuccess(
            done ->
                LOG.info(
                    "Signed in '{}' through {} (roles {})",
                    done.login().user().login(),
                    in.issuer(),
                    roles));
  }

  /** A new account for an identity seen for the first time; its login made unique. */
  private Future<Long> createUser(SqlClient tx, String issuer, String subject, JsonObject claims) {
    String base = loginBase(claims.getString("preferred_username"));
    return repository
        .takenLogins(tx, base)
        .compose(
            taken -> {
              String login = base;
              for (int n = 2; taken.contains(login); n++) {
                login = base + "-" + n;
              }
              String chosen = login;
              return repository
                  .institutionId(tx, text(claims, "institution", 300))
                  .compose(
                      institution ->
                          repository.insertUser(
                              tx,
                              chosen,
                              NewUser.loginKey(chosen),
                              Optional.ofNullable(name(claims)).orElse(chosen),
                              text(claims, "email", 254),
                              institution,
                              text(claims, "position", 200)));
            })
        .compose(id -> repository.insertIdentity(tx, issuer, subject, id).map(id));
  }

  /**
   * Where the browser goes after this site's session of {@code token} ended: the provider's
   * end-session endpoint (RP-initiated logout, with {@code id_token_hint}) when the session came
   * from it, empty otherwise.
   */
  public Future<Optional<String>> endSessionUrl(String token, String postLogoutRedirect) {
    if (token == null) {
      return Future.succeededFuture(Optional.empty());
    }
    return repository
        .idToken(pool, AuthService.tokenHash(token))
        .compose(
            idToken -> {
              if (idToken.isEmpty()) {
                return Future.succeededFuture(Optional.<String>empty());
              }
              return discovered()
                  .map(
                      found ->
                          Optional.ofNullable(found.endSessionEndpoint())
                              .map(
                                  endpoint ->
                                      endpoint
                                          + "?id_token_hint="
                                          + encode(idToken.get())
                                          + "&client_id="
                                          + encode(provider.config().clientId())
                                          + "&post_logout_redirect_uri="
                                          + encode(postLogoutRedirect)))
                  // The provider is away: this site's session ends all the same.
                  .otherwise(Optional.empty());
            });
  }

  /**
   * Back-channel logout: the provider posts a logout token (signed, for this client, with the
   * back-channel event, without a nonce, naming a sid or a sub); the sessions it names end. Returns
   * how many ended; 400 {@code invalid_logout_token} for a token that is not good.
   */
  public Future<Integer> backChannelLogout(String logoutToken) {
    if (logoutToken == null || logoutToken.isEmpty()) {
      return Future.failedFuture(AppError.badRequest("invalid_logout_token"));
    }
    return discovered()
        .compose(
            found ->
                found
                    .tokens()
                    .verify(logoutToken)
                    .recover(
                        e -> {
                          LOG.info("Logout token refused: {}", e.getMessage());
                          return Future.failedFuture(AppError.badRequest("invalid_logout_token"));
                        })
                    .compose(
                        claims -> {
                          JsonObject events = claims.getJsonObject("events");
                          String sid = claims.getString("sid");
                          String sub = claims.getString("sub");
                          if (events == null
                              || !events.containsKey(BACKCHANNEL_EVENT)
                              || claims.containsKey("nonce")
                              || (sid == null && sub == null)) {
                            LOG.info("Logout token refused: not a back-channel logout token");
                            return Future.failedFuture(AppError.badRequest("invalid_logout_token"));
                          }
                          return repository
                              .endSessions(pool, found.issuer(), sid, sub)
                              .onSuccess(
                                  n ->
                                      LOG.info(
                                          "Back-channel logout (sid {}, sub {}): {} session(s)"
                                              + " ended",
                                          sid,
                                          sub,
                                          n));
                        }));
  }

  /**
   * Links an identity of a provider to an existing account (administrators; an explicit act, never
   * done by matching e-mails): 404 unknown login, 409 identity linked already.
   */
  public Future<Linked> link(CurrentUser actor, String login, String issuer, String subject) {
    actor.requireAdmin();
    return pool.withTransaction(
        tx ->
            users
                .findByLogin(tx, login)
                .compose(
                    user -> {
                      if (user.isEmpty()) {
                        return Future.failedFuture(AppError.notFound("user_not_found", login));
                      }
                      return repository
                          .insertIdentity(tx, issuer, subject, user.get().id())
                          .map(v -> new Linked(user.get().login(), issuer, subject));
                    }));
  }

  /** Ends this site's session (the provider's is ended by the browser's visit to it). */
  public Future<Void> endLocal(String token) {
    return auth.logout(token);
  }

  /** Deletes sign-ins started more than an hour ago and never finished. */
  public Future<Integer> purge() {
    return repository.purgeRequests(pool);
  }

  private Future<OidcProvider.Discovered> discovered() {
    if (provider == null) {
      return Future.failedFuture(AppError.notFound("oidc_not_configured"));
    }
    return provider
        .get()
        .recover(e -> Future.failedFuture(AppError.unavailable("oidc_unavailable")));
  }

  /** A finished sign-in: the session and where the visitor was going. */
  public record Finished(AuthService.Login login, String back) {}

  /** An identity linked to an account. */
  public record Linked(String login, String issuer, String subject) {}

  static Set<String> roles(JsonObject claims) {
    JsonArray roles = claims.getJsonArray("realm_roles");
    if (roles == null) {
      JsonObject access = claims.getJsonObject("realm_access");
      roles = access == null ? null : access.getJsonArray("roles");
    }
    if (roles == null) {
      return Set.of();
    }
    return Set.copyOf(roles.stream().map(String::valueOf).toList());
  }

  static String loginBase(String preferred) {
    String candidate =
        preferred == null ? "" : preferred.strip().toLowerCase(Locale.ROOT).replace(' ', '.');
    int at = candidate.indexOf('@');
    if (at > 0) {
      candidate = candidate.substring(0, at);
    }
    return LOGIN.matcher(candidate).matches() ? candidate : "user";
  }

  private static String name(JsonObject claims) {
    String name = text(claims, "name", 200);
    if (name != null) {
      return name;
    }
    String given = text(claims, "given_name", 100);
    String family = text(claims, "family_name", 100);
    if (given == null && family == null) {
      return null;
    }
    return ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
  }

  private static String text(JsonObject claims, String key, int max) {
    Object value = claims.getValue(key);
    if (!(value instanceof String text) || text.isBlank()) {
      return null;
    }
    String stripped = text.strip();
    return stripped.length() > max ? stripped.substring(0, max) : stripped;
  }

  private static AppError refused(String why) {
    LOG.info("OpenID Connect sign-in refused: {}", why);
    return AppError.unauthorized("oidc_refused");
  }

  private static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String challenge(String verifier) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
