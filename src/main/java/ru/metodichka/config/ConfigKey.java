package ru.metodichka.config;

import java.util.List;
import java.util.Locale;

/**
 * One configuration key, known under three spellings: {@code http.port} in the config file, {@code
 * METODICHKA_HTTP_PORT} in the environment and {@code --http-port} on the command line.
 */
public record ConfigKey(String name, String defaultValue, String description) {

  /** Every key the server understands; the README's configuration table lists the same. */
  public static final List<ConfigKey> ALL =
      List.of(
          new ConfigKey("http.host", "0.0.0.0", "Address the HTTP server listens on"),
          new ConfigKey("http.port", "8080", "HTTP port (0 picks a free one)"),
          new ConfigKey("http.body-limit", "2097152", "Largest accepted request body, bytes"),
          new ConfigKey("http.instances", "0", "HTTP verticle instances (0 = one per core)"),
          new ConfigKey(
              "http.trusted-proxies",
              "",
              "Reverse proxies (addresses or CIDR ranges, comma-separated) whose X-Forwarded-For"
                  + " names the client; empty = the client is the connection's peer"),
          new ConfigKey(
              "public-url",
              "",
              "Address people reach the site at, e.g. https://metodichka.example.ru (absolute"
                  + " links in feeds, sitemap, page metadata); empty = taken from each request"),
          new ConfigKey(
              "db.url", "", "PostgreSQL URL, e.g. postgresql://user@host:5432/metodichka"),
          new ConfigKey(
              "db.local-url",
              "postgresql://postgres@127.0.0.1:5432/metodichka",
              "Server tried when db.url is empty, before starting an embedded one"),
          new ConfigKey("db.pool-size", "16", "Connections in the pool"),
          new ConfigKey("db.wait-queue", "512", "Requests that may wait for a connection"),
          new ConfigKey("db.connect-timeout-ms", "2000", "Connect and pool wait timeout"),
          new ConfigKey("data.dir", "data", "Directory for local data (embedded database, index)"),
          new ConfigKey(
              "search.index-dir", "", "Search index directory (empty = search-index in data.dir)"),
          new ConfigKey(
              "admin.password",
              "",
              "Password user admin is created with when the database has no such account"),
          new ConfigKey(
              "admin.reset-password",
              "false",
              "With admin.password: also set it on an existing user admin at this start"),
          new ConfigKey("demo", "false", "Fill an empty database with Russian demo content"),
          new ConfigKey("session.ttl-hours", "720", "Lifetime of a login session"),
          new ConfigKey("ui.time-zone", "Europe/Moscow", "Time zone of dates shown in the web UI"),
          new ConfigKey(
              "jvm.tune",
              "true",
              "Restart a JVM started without a heap size or collector of its own with the"
                  + " measured settings (-Xmx192m, parallel GC, native heap trim)"),
          new ConfigKey(
              "centre.name",
              "ГБУ ИМЦ Петродворцового района Санкт-Петербурга",
              "The methodological centre's name, at the head of its orders"),
          new ConfigKey(
              "auth.local-login",
              "true",
              "Accept logins with a local password (off for sites that sign in through OIDC only)"),
          new ConfigKey(
              "oidc.issuer",
              "",
              "OpenID Connect issuer, e.g. http://127.0.0.1:8180/realms/metodichka; empty = no"
                  + " sign-in through an identity provider"),
          new ConfigKey("oidc.client-id", "metodichka", "This site's client id at the issuer"),
          new ConfigKey("oidc.client-secret", "", "This site's client secret at the issuer"),
          new ConfigKey(
              "oidc.button-label",
              "Keycloak",
              "What the login page's button names: «Войти через …» (e.g. the district's name)"),
          new ConfigKey(
              "evaluation.active-threshold",
              "1",
              "Contributions in a period that make a participant active (evaluation, §5.1)"),
          new ConfigKey(
              "attachments.max-bytes",
              "52428800",
              "Largest file uploaded to a page, bytes (413 above; the upload is cut there)"),
          new ConfigKey(
              "attachments.import-max-bytes",
              "52428800",
              "Largest Word document (.docx) imported into the editor, bytes (413 above)"),
          new ConfigKey(
              "attachments.extract-memory-mb",
              "256",
              "Heap of each long-lived child JVM that extracts files' text (-Xmx), MB"),
          new ConfigKey(
              "attachments.extract-timeout-seconds",
              "60",
              "Time one file's text extraction may take before its child JVM is killed"),
          new ConfigKey(
              "attachments.extract-workers",
              "1",
              "Extraction workers on this server, each with a child JVM (0: other servers extract)"),
          new ConfigKey(
              "attachments.text-max-chars",
              "1000000",
              "Characters of a file's extracted text kept and indexed; the rest is cut"),
          new ConfigKey(
              "smtp.host", "", "SMTP server for notification e-mails; empty = no e-mail is sent"),
          new ConfigKey("smtp.port", "587", "SMTP port"),
          new ConfigKey(
              "smtp.tls",
              "starttls",
              "SMTP connection security: none, starttls (required, the default) or tls"),
          new ConfigKey("smtp.user", "", "SMTP login; empty = no authentication"),
          new ConfigKey("smtp.password", "", "SMTP password (with smtp.user)"),
          new ConfigKey(
              "smtp.from",
              "Методичка <noreply@localhost>",
              "Sender of notification e-mails (From), an address with an optional name"));

  /** The environment variable name: {@code METODICHKA_HTTP_BODY_LIMIT}. */
  public String envName() {
    return "METODICHKA_" + name.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
  }

  /** The command-line flag: {@code --http-body-limit}. */
  public String flag() {
    return "--" + name.replace('.', '-');
  }

  static ConfigKey byName(String name) {
    return ALL.stream().filter(k -> k.name.equals(name)).findFirst().orElse(null);
  }

  static ConfigKey byFlag(String flag) {
    return ALL.stream().filter(k -> k.flag().equals(flag)).findFirst().orElse(null);
  }
}
