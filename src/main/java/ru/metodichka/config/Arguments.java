package ru.metodichka.config;

import java.util.LinkedHashMap;
import java.util.Map;

/** Command-line arguments: an optional command word, {@code --key=value} and {@code --flag}. */
record Arguments(String command, String configFile, Map<String, String> values) {

  static Arguments parse(String[] args) {
    String command = "serve";
    String configFile = null;
    Map<String, String> values = new LinkedHashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) {
        command = arg;
        continue;
      }
      int eq = arg.indexOf('=');
      String flag = eq < 0 ? arg : arg.substring(0, eq);
      // A bare flag means true: "--demo" is "--demo=true".
      String value = eq < 0 ? "true" : arg.substring(eq + 1);
      if (flag.equals("--config")) {
        configFile = value;
        continue;
      }
      ConfigKey key = ConfigKey.byFlag(flag);
      if (key == null) {
        throw new IllegalArgumentException(
            "Unknown option " + flag + "; known keys: " + ConfigLoader.knownKeys());
      }
      values.put(key.name(), value);
    }
    return new Arguments(command, configFile, values);
  }
}
