package ru.metodichka.config;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads the configuration in layers: defaults &lt; config file &lt; environment &lt; flags.
 *
 * <p>The config file is a Java properties file named by {@code --config=FILE} or {@code
 * METODICHKA_CONFIG}, or {@code metodichka.properties} in the working directory if present.
 */
public final class ConfigLoader {
  private static final String DEFAULT_FILE = "metodichka.properties";

  private ConfigLoader() {}

  /** Fails with {@link IllegalArgumentException} naming the bad key or value. */
  public static AppConfig load(String[] args, Map<String, String> env) {
    Map<String, String> values = new LinkedHashMap<>();
    ConfigKey.ALL.forEach(k -> values.put(k.name(), k.defaultValue()));
    Arguments arguments = Arguments.parse(args);
    readFile(configFile(arguments, env), values);
    for (ConfigKey key : ConfigKey.ALL) {
      String value = env.get(key.envName());
      if (value != null) {
        values.put(key.name(), value);
      }
    }
    values.putAll(arguments.values());
    return parse(arguments.command(), values);
  }

  private static Optional<Path> configFile(Arguments arguments, Map<String, String> env) {
    if (arguments.configFile() != null) {
      return Optional.of(Path.of(arguments.configFile()));
    }
    if (env.get("METODICHKA_CONFIG") != null) {
      return Optional.of(Path.of(env.get("METODICHKA_CONFIG")));
    }
    Path fallback = Path.of(DEFAULT_FILE);
    return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
  }

  private static void readFile(Optional<Path> file, Map<String, String> values) {
    if (file.isEmpty()) {
      return;
    }
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file.get(), StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (IOException e) {
      throw new IllegalArgumentException("Cannot read config file " + file.get() + ": " + e);
    }
    for (String name : properties.stringPropertyNames()) {
      if (ConfigKey.byName(name) == null) {
        throw new IllegalArgumentException(
            "Unknown key '" + name + "' in " + file.get() + "; known keys: " + knownKeys());
      }
      values.put(name, properties.getProperty(name).trim());
    }
  }

  static String knownKeys() {
    List<String> names = new ArrayList<>();
    ConfigKey.ALL.forEach(k -> names.add(k.name()));
    return String.join(", ", names);
  }

  private static AppConfig parse(String command, Map<String, String> v) {
    var http =
        new AppConfig.Http(
            v.get("http.host"),
            intIn(v, "http.port", 0, 65535),
            intIn(v, "http.body-limit", 1024, Integer.MAX_VALUE),
            intIn(v, "http.instances", 0, 64),
            publicUrl(v, "public-url"),
            addressRanges(v, "http.trusted-proxies"));
    var db =
        new AppConfig.Db(
            optional(v.get("db.url")),
            v.get("db.local-url"),
            intIn(v, "db.pool-size", 1, 1000),
            intIn(v, "db.wait-queue", 1, 100_000),
            Duration.ofMillis(intIn(v, "db.connect-timeout-ms", 100, 600_000)));
    boolean resetAdmin = bool(v, "admin.reset-password");
    return new AppConfig(
        command,
        http,
        db,
        Path.of(v.get("data.dir")),
        optional(v.get("search.index-dir"))
            .map(Path::of)
            .orElse(Path.of(v.get("data.dir"), "search-index")),
        adminPassword(v, resetAdmin),
        resetAdmin,
        bool(v, "demo"),
        Duration.ofHours(intIn(v, "session.ttl-hours", 1, 24 * 365)),
        zone(v, "ui.time-zone"),
        bool(v, "jvm.tune"),
        text(v, "centre.name", 300),
        intIn(v, "evaluation.active-threshold", 1, 1000),
        signIn(v),
        new AppConfig.Attachments(
            intIn(v, "attachments.max-bytes", 1024, Integer.MAX_VALUE),
            intIn(v, "attachments.extract-memory-mb", 32, 8192),
            Duration.ofSeconds(intIn(v, "attachments.extract-timeout-seconds", 1, 3600)),
            intIn(v, "attachments.extract-workers", 0, 16),
            intIn(v, "attachments.text-max-chars", 1000, 50_000_000),
            intIn(v, "attachments.import-max-bytes", 1024, Integer.MAX_VALUE)),
        smtp(v));
  }

  private static AppConfig.SignIn signIn(Map<String, String> v) {
    Optional<AppConfig.Oidc> oidc =
        optional(v.get("oidc.issuer"))
            .map(
                issuer -> {
                  String trimmed = issuer.strip();
                  String bare =
                      trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
                  if (!bare.startsWith("http://") && !bare.startsWith("https://")) {
                    throw new IllegalArgumentException(
                        "oidc.issuer must be an http(s) URL: " + bare);
                  }
                  return new AppConfig.Oidc(
                      bare,
                      text(v, "oidc.client-id", 200),
                      v.get("oidc.client-secret"),
                      text(v, "oidc.button-label", 100));
                });
    boolean local = bool(v, "auth.local-login");
    if (!local && oidc.isEmpty()) {
      throw new IllegalArgumentException("auth.local-login=false needs oidc.issuer");
    }
    return new AppConfig.SignIn(local, oidc);
  }

  private static AppConfig.Smtp smtp(Map<String, String> v) {
    String tls = v.get("smtp.tls").trim().toLowerCase(java.util.Locale.ROOT);
    AppConfig.SmtpTls security =
        switch (tls) {
          case "none" -> AppConfig.SmtpTls.NONE;
          case "starttls" -> AppConfig.SmtpTls.STARTTLS;
          case "tls" -> AppConfig.SmtpTls.TLS;
          default ->
              throw new IllegalArgumentException(
                  "smtp.tls must be none, starttls or tls, got '" + tls + "'");
        };
    return new AppConfig.Smtp(
        optional(v.get("smtp.host")).map(String::trim),
        intIn(v, "smtp.port", 1, 65535),
        security,
        optional(v.get("smtp.user")).map(String::trim),
        v.get("smtp.password"),
        from(v));
  }

  /** {@code name@host}, alone or as {@code Name <name@host>}. */
  private static String from(Map<String, String> v) {
    String from = text(v, "smtp.from", 300);
    if (!from.matches("(?s)([^<>]*<)?[^<>@\\s]+@[^<>@\\s]+>?")) {
      throw new IllegalArgumentException(
          "smtp.from must be an address such as Методичка <noreply@imc.example.ru>, got '"
              + from
              + "'");
    }
    return from;
  }

  private static Optional<String> adminPassword(Map<String, String> v, boolean reset) {
    Optional<String> password = optional(v.get("admin.password"));
    if (reset && password.isEmpty()) {
      throw new IllegalArgumentException("admin.reset-password needs admin.password, the new one");
    }
    return password;
  }

  private static Optional<String> optional(String value) {
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  /** An http(s) address with a host and nothing after it but an optional path prefix. */
  private static Optional<String> publicUrl(Map<String, String> v, String key) {
    String raw = v.get(key).trim();
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    String url = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
    try {
      URI uri = new URI(url);
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (web && uri.getHost() != null && uri.getQuery() == null && uri.getFragment() == null) {
        return Optional.of(url);
      }
    } catch (URISyntaxException e) {
      // reported below with the key's name
    }
    throw new IllegalArgumentException(
        key + " must be an address such as https://metodichka.example.ru, got '" + raw + "'");
  }

  private static List<AddressRange> addressRanges(Map<String, String> v, String key) {
    List<AddressRange> ranges = new ArrayList<>();
    for (String item : v.get(key).split(",")) {
      if (item.isBlank()) {
        continue;
      }
      try {
        ranges.add(AddressRange.parse(item));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(key + ": " + e.getMessage());
      }
    }
    return List.copyOf(ranges);
  }

  private static int intIn(Map<String, String> v, String key, int min, int max) {
    String raw = v.get(key).trim();
    try {
      int value = Integer.parseInt(raw);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the key's name
    }
    throw new IllegalArgumentException(
        key + " must be a whole number from " + min + " to " + max + ", got '" + raw + "'");
  }

  private static ZoneId zone(Map<String, String> v, String key) {
    String raw = v.get(key).trim();
    try {
      return ZoneId.of(raw);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          key + " must be a time zone such as Europe/Moscow, got '" + raw + "'");
    }
  }

  /** A non-blank text of at most {@code max} characters, trimmed. */
  private static String text(Map<String, String> v, String key, int max) {
    String value = v.get(key).strip();
    if (value.isEmpty() || value.length() > max) {
      throw new IllegalArgumentException(
          key + " must be a text of 1 to " + max + " characters, got '" + value + "'");
    }
    return value;
  }

  private static boolean bool(Map<String, String> v, String key) {
    return switch (v.get(key).trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "yes", "1", "on" -> true;
      case "false", "no", "0", "off", "" -> false;
      default -> throw new IllegalArgumentException(key + " must be true or false");
    };
  }
}
