package ru.metodichka.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Everything the server is configured with, parsed and validated once at start-up.
 *
 * @param command what to do: {@code serve} (the default) or another command given as a bare word
 * @param searchIndexDir the Lucene index, derived data that is rebuilt when missing
 * @param adminPassword the password user {@code admin} is created with, when it does not exist
 * @param adminResetPassword whether to set {@code adminPassword} on an existing {@code admin} too
 * @param tuneJvm whether {@code Main} restarts a JVM started without memory settings with the
 *     measured ones
 * @param centreName the methodological centre's name, printed at the head of its orders
 * @param activeThreshold contributions in a period that make a participant active (§5.1)
 * @param smtp the SMTP server notification e-mails go through
 */
public record AppConfig(
    String command,
    Http http,
    Db db,
    Path dataDir,
    Path searchIndexDir,
    Optional<String> adminPassword,
    boolean adminResetPassword,
    boolean demo,
    Duration sessionTtl,
    ZoneId timeZone,
    boolean tuneJvm,
    String centreName,
    int activeThreshold,
    SignIn signIn,
    Attachments attachments,
    Smtp smtp) {

  /**
   * How people sign in.
   *
   * @param localLogin whether local passwords are accepted ({@code auth.local-login})
   * @param oidc the OpenID Connect provider, if one is configured
   */
  public record SignIn(boolean localLogin, Optional<Oidc> oidc) {}

  /**
   * An OpenID Connect provider (Keycloak).
   *
   * @param issuer the issuer URL, without a trailing slash; discovery reads its well-known document
   * @param buttonLabel what the login page's button names
   */
  public record Oidc(String issuer, String clientId, String clientSecret, String buttonLabel) {}

  /**
   * Files attached to pages (README: "Files").
   *
   * @param maxBytes the largest upload
   * @param extractMemoryMb the heap of each child JVM that extracts files' text
   * @param extractTimeout how long one extraction may take before it is killed
   * @param extractWorkers extraction workers on this server, each with its child JVM (0: none)
   * @param textMaxChars characters of extracted text kept
   * @param importMaxBytes the largest Word document imported into the editor (pictures included)
   */
  public record Attachments(
      long maxBytes,
      int extractMemoryMb,
      Duration extractTimeout,
      int extractWorkers,
      int textMaxChars,
      long importMaxBytes) {}

  /**
   * The SMTP server of notification e-mails.
   *
   * @param host empty: no e-mail is sent (said once in the log)
   * @param user empty: no authentication
   * @param from the sender, {@code Name <address>} or a bare address
   */
  public record Smtp(
      Optional<String> host,
      int port,
      SmtpTls tls,
      Optional<String> user,
      String password,
      String from) {}

  /** How the SMTP connection is secured. */
  public enum SmtpTls {
    NONE,
    STARTTLS,
    TLS
  }

  /**
   * The HTTP listener.
   *
   * @param publicUrl the site's address as people reach it ({@code https://host[:port]}, no
   *     trailing slash), if configured; otherwise absolute links are built from each request
   * @param trustedProxies peers whose {@code X-Forwarded-For} is believed about the client
   */
  public record Http(
      String host,
      int port,
      long bodyLimit,
      int instances,
      Optional<String> publicUrl,
      List<AddressRange> trustedProxies) {}

  /**
   * The database.
   *
   * @param url the configured server, if any; otherwise {@code localUrl} is tried, then an embedded
   *     server under the data dir
   */
  public record Db(
      Optional<String> url,
      String localUrl,
      int poolSize,
      int waitQueueSize,
      Duration connectTimeout) {}
}
