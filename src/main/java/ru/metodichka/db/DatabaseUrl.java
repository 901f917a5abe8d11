package ru.metodichka.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A PostgreSQL address as users write it: {@code postgresql://user[:password]@host[:port]/db},
 * {@code postgres://…} or {@code jdbc:postgresql://host[:port]/db?user=…&password=…}.
 */
record DatabaseUrl(String host, int port, String database, String user, String password) {
  private static final int DEFAULT_PORT = 5432;

  static DatabaseUrl parse(String url) {
    String text = url.strip();
    String rest;
    if (text.startsWith("jdbc:postgresql://")) {
      rest = text.substring("jdbc:postgresql://".length());
    } else if (text.startsWith("postgresql://")) {
      rest = text.substring("postgresql://".length());
    } else if (text.startsWith("postgres://")) {
      rest = text.substring("postgres://".length());
    } else {
      throw invalid(url, "it must start with postgresql://, postgres:// or jdbc:postgresql://");
    }
    try {
      URI uri = new URI("postgresql://" + rest);
      if (uri.getHost() == null) {
        throw invalid(url, "no host");
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      String database = decode(path.startsWith("/") ? path.substring(1) : path);
      if (database.isEmpty() || database.contains("/")) {
        throw invalid(url, "no database name after the host");
      }
      Map<String, String> query = query(uri.getRawQuery());
      String[] userInfo = userInfo(uri.getRawUserInfo());
      String user = userInfo[0] != null ? userInfo[0] : query.getOrDefault("user", "postgres");
      String password = userInfo[1] != null ? userInfo[1] : query.get("password");
      return new DatabaseUrl(
          uri.getHost(),
          uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT,
          database,
          user,
          password);
    } catch (URISyntaxException e) {
      throw invalid(url, e.getReason());
    }
  }

  /** The same address with the password hidden, for messages and logs. */
  static String masked(String url) {
    return url.replaceAll("(://[^:/@]+:)[^@]*@", "$1***@").replaceAll("(password=)[^&]*", "$1***");
  }

  private static String[] userInfo(String raw) {
    if (raw == null) {
      return new String[2];
    }
    int colon = raw.indexOf(':');
    return colon < 0
        ? new String[] {decode(raw), null}
        : new String[] {decode(raw.substring(0, colon)), decode(raw.substring(colon + 1))};
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> values = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          values.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
      }
    }
    return values;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static IllegalArgumentException invalid(String url, String why) {
    return new IllegalArgumentException("Invalid database URL '" + masked(url) + "': " + why);
  }
}
