package ru.metodichka.db;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL address as people write it: {@code postgresql://user[:password]@host[:port]/db},
 * {@code postgres://…} or {@code jdbc:postgresql://host[:port]/db?user=…&password=…}. User and
 * password are percent-decoded; other query parameters are ignored. Neither {@link #toString()} nor
 * any parse error shows the password.
 */
record DatabaseUrl(String host, int port, String database, String user, String password) {
  private static final List<String> SCHEMES =
      List.of("jdbc:postgresql://", "postgresql://", "postgres://");
  private static final int DEFAULT_PORT = 5432;
  // libpq would take the operating-system user; "postgres" is what a fresh server has.
  private static final String DEFAULT_USER = "postgres";

  static DatabaseUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("The database URL is empty");
    }
    String rest = afterScheme(url);
    int question = rest.indexOf('?');
    Map<String, String> query = question < 0 ? Map.of() : query(url, rest.substring(question + 1));
    String main = question < 0 ? rest : rest.substring(0, question);
    int slash = main.indexOf('/');
    if (slash < 0 || slash == main.length() - 1) {
      throw invalid(
          url, "no database name after the host, as in postgresql://host:5432/metodichka");
    }
    String database = decode(url, main.substring(slash + 1));
    if (database.contains("/")) {
      throw invalid(url, "'/' in the database name");
    }
    return withAuthority(url, main.substring(0, slash), database, query);
  }

  private static String afterScheme(String url) {
    String text = url.strip();
    for (String scheme : SCHEMES) {
      if (text.startsWith(scheme)) {
        return text.substring(scheme.length());
      }
    }
    throw invalid(url, "it must start with postgresql://, postgres:// or jdbc:postgresql://");
  }

  private static DatabaseUrl withAuthority(
      String url, String authority, String database, Map<String, String> query) {
    int at = authority.lastIndexOf('@');
    String userInfo = at < 0 ? null : authority.substring(0, at);
    String hostPort = authority.substring(at + 1);
    String user = query.getOrDefault("user", DEFAULT_USER);
    String password = query.get("password");
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(url, colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? password : decode(url, userInfo.substring(colon + 1));
    }
    if (user.isEmpty()) {
      throw invalid(url, "an empty user name");
    }
    return hostAndPort(url, hostPort, database, user, password);
  }

  private static DatabaseUrl hostAndPort(
      String url, String hostPort, String database, String user, String password) {
    String host = hostPort;
    String port = null;
    if (hostPort.startsWith("[")) {
      // An IPv6 address is written in brackets, because its colons would look like a port.
      int close = hostPort.indexOf(']');
      String after = close < 0 ? "" : hostPort.substring(close + 1);
      if (close < 0 || !(after.isEmpty() || after.startsWith(":"))) {
        throw invalid(url, "a broken [IPv6] host");
      }
      host = hostPort.substring(1, close);
      port = after.isEmpty() ? null : after.substring(1);
    } else if (hostPort.contains(":")) {
      host = hostPort.substring(0, hostPort.lastIndexOf(':'));
      port = hostPort.substring(hostPort.lastIndexOf(':') + 1);
    }
    if (host.isEmpty() || host.contains(",") || (host.contains(":") && !hostPort.startsWith("["))) {
      throw invalid(url, "no single host name before the database name");
    }
    return new DatabaseUrl(
        host, port == null ? DEFAULT_PORT : port(url, port), database, user, password);
  }

  private static int port(String url, String text) {
    try {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below, together with out-of-range numbers
    }
    throw invalid(url, "the port '" + text + "' is not a number from 1 to 65535");
  }

  private static Map<String, String> query(String url, String raw) {
    Map<String, String> values = new HashMap<>();
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(decode(url, pair.substring(0, eq)), decode(url, pair.substring(eq + 1)));
      }
    }
    return values;
  }

  private static String decode(String url, String text) {
    try {
      // In a URL '+' is a plus; URLDecoder would turn it into a space.
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // URLDecoder's own message quotes the text, which may be the password.
      throw invalid(url, "a broken %-escape (write % itself as %25)");
    }
  }

  private static IllegalArgumentException invalid(String url, String why) {
    return new IllegalArgumentException("Invalid database URL '" + masked(url) + "': " + why);
  }

  /**
   * The text with anything that may be a password replaced by {@code ***}: the {@code password=}
   * parameter and everything between the first ':' after the scheme and the last '@'. Masks too
   * much rather than too little, since it is applied to text that may not even parse.
   */
  static String masked(String url) {
    String text = url.replaceAll("(?i)(password=)[^&]*", "$1***");
    int scheme = text.indexOf("://");
    int at = text.lastIndexOf('@');
    int colon = scheme < 0 ? -1 : text.indexOf(':', scheme + 3);
    if (colon >= 0 && colon < at) {
      text = text.substring(0, colon + 1) + "***" + text.substring(at);
    }
    return text;
  }

  /** The JDBC URL of {@code db} on this server; the database name is URL-encoded. */
  static String jdbcUrl(String host, int port, String db) {
    String hostPart = host.contains(":") ? "[" + host + "]" : host;
    return "jdbc:postgresql://"
        + hostPart
        + ":"
        + port
        + "/"
        + URLEncoder.encode(db, StandardCharsets.UTF_8);
  }

  /** The same server with another database, e.g. the {@code postgres} maintenance database. */
  DatabaseUrl withDatabase(String other) {
    return new DatabaseUrl(host, port, other, user, password);
  }

  /** For messages and logs: {@code postgresql://user@host:port/db}, never the password. */
  @Override
  public String toString() {
    String hostPart = host.contains(":") ? "[" + host + "]" : host;
    return "postgresql://" + user + "@" + hostPart + ":" + port + "/" + database;
  }
}
