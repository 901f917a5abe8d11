package ru.metodichka.oidc;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.auth.oauth2.OAuth2Auth;
import io.vertx.ext.auth.oauth2.OAuth2Options;
import io.vertx.ext.auth.oauth2.providers.OpenIDConnectAuth;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.metodichka.config.AppConfig;

/**
 * The OpenID Connect provider as its discovery document describes it, found lazily: the server
 * starts whether the provider answers or not, the first sign-in asks for the document, and a failed
 * discovery is tried again by the next sign-in (which meanwhile gets a friendly error page).
 */
public final class OidcProvider {
  private static final Logger LOG = LoggerFactory.getLogger(OidcProvider.class);
  private final Vertx vertx;
  private final AppConfig.Oidc config;
  private final HttpClient http;
  private final Clock clock;
  private final AtomicReference<Future<Discovered>> discovered = new AtomicReference<>();

  /**
   * What discovery found.
   *
   * @param endSessionEndpoint where RP-initiated logout sends the browser (null if none)
   */
  public record Discovered(
      OAuth2Auth oauth2, TokenVerifier tokens, String issuer, String endSessionEndpoint) {}

  public OidcProvider(Vertx vertx, AppConfig.Oidc config, Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.clock = clock;
    this.http =
        vertx.createHttpClient(
            new HttpClientOptions().setConnectTimeout(3000).setIdleTimeout(30).setKeepAlive(true));
  }

  public AppConfig.Oidc config() {
    return config;
  }

  /** The discovered provider; discovery is retried after a failure. */
  public Future<Discovered> get() {
    Future<Discovered> current = discovered.get();
    if (current != null && !current.failed()) {
      return current;
    }
    Promise<Discovered> promise = Promise.promise();
    if (!discovered.compareAndSet(current, promise.future())) {
      return discovered.get();
    }
    OAuth2Options options =
        new OAuth2Options()
            .setSite(config.issuer())
            .setClientId(config.clientId())
            .setClientSecret(config.clientSecret().isEmpty() ? null : config.clientSecret())
            .setValidateIssuer(true);
    options.getHttpClientOptions().setConnectTimeout(3000);
    OpenIDConnectAuth.discover(vertx, options)
        .map(
            oauth2 -> {
              String issuer = options.getJWTOptions().getIssuer();
              var verifier =
                  new TokenVerifier(
                      vertx,
                      http,
                      absolute(options.getJwkPath()),
                      issuer,
                      config.clientId(),
                      clock);
              String logout =
                  options.getLogoutPath() == null ? null : absolute(options.getLogoutPath());
              LOG.info("OpenID Connect provider {} discovered", issuer);
              return new Discovered(oauth2, verifier, issuer, logout);
            })
        .onFailure(e -> LOG.warn("OpenID Connect discovery of {} failed: {}", config.issuer(), e))
        .onComplete(promise);
    return promise.future();
  }

  private String absolute(String path) {
    return path.startsWith("http://") || path.startsWith("https://")
        ? path
        : config.issuer() + path;
  }
}
