package ru.metodichka.account;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import ru.metodichka.auth.NewUser;
import ru.metodichka.error.AppError;

/**
 * Reads the CSV files of user and institution imports (Apache Commons CSV): UTF-8 with or without a
 * byte order mark, {@code ;} (what Excel writes in a Russian locale) or {@code ,} between fields, a
 * header row naming the columns in English or Russian, in any order. Checks every row by the rules
 * of one account or institution; what needs the database (taken logins, known institutions) is
 * checked by {@link AccountService}.
 */
final class CsvImport {
  static final int MAX_ROWS = 5000;
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{1,63}");
  private static final Map<String, String> USER_COLUMNS =
      aliases(
          "login=login,логин",
          "name=name,фио,имя,ф.и.о.",
          "email=email,e-mail,почта,электронная почта",
          "institution=institution,организация,учреждение,оо,школа",
          "position=position,должность",
          "methodist=methodist,методист");
  private static final Map<String, String> INSTITUTION_COLUMNS =
      aliases(
          "name=name,название,наименование",
          "shortName=short name,shortname,short_name,краткое название,сокращённое название,"
              + "сокращенное название",
          "kind=kind,тип,вид");
  private static final Map<String, String> KINDS =
      Map.ofEntries(
          Map.entry("school", "school"),
          Map.entry("kindergarten", "kindergarten"),
          Map.entry("college", "college"),
          Map.entry("centre", "centre"),
          Map.entry("center", "centre"),
          Map.entry("other", "other"),
          Map.entry("школа", "school"),
          Map.entry("детский сад", "kindergarten"),
          Map.entry("колледж", "college"),
          Map.entry("центр", "centre"),
          Map.entry("другое", "other"));

  private CsvImport() {}

  /** The rows of a user file, with every problem a row has on its own or with another row. */
  static ImportPreview<ImportedUser> users(String text) {
    List<AppError.FieldError> errors = new ArrayList<>();
    List<ImportedUser> rows = new ArrayList<>();
    Table table = table(text, USER_COLUMNS, List.of("login", "name"), errors);
    Map<String, Integer> seen = new HashMap<>();
    for (Row row : table.rows()) {
      String login = row.get("login");
      String name = row.get("name");
      String email = row.get("email");
      String institution = row.get("institution");
      String position = row.get("position");
      if (login.isEmpty()) {
        errors.add(row.error("login", "required"));
      } else if (!LOGIN.matcher(login).matches()) {
        errors.add(row.error("login", "login"));
      } else {
        Integer first = seen.putIfAbsent(NewUser.loginKey(login), row.line());
        if (first != null) {
          errors.add(row.error("login", "csv_login_twice", first));
        }
      }
      if (name.isEmpty()) {
        errors.add(row.error("name", "required"));
      } else if (name.length() > 200) {
        errors.add(row.error("name", "too_long", 200));
      }
      if (!email.isEmpty()
          && (email.length() > 254 || !UserChange.EMAIL.matcher(email).matches())) {
        errors.add(row.error("email", "email"));
      }
      if (position.length() > 200) {
        errors.add(row.error("position", "too_long", 200));
      }
      Boolean methodist = flag(row.get("methodist"));
      if (methodist == null) {
        errors.add(row.error("methodist", "csv_flag"));
      }
      rows.add(
          new ImportedUser(
              row.line(),
              login,
              name,
              blankToNull(email),
              blankToNull(institution),
              blankToNull(position),
              Boolean.TRUE.equals(methodist)));
    }
    return new ImportPreview<>(rows, errors);
  }

  /** The rows of an institution file, with every problem a row has. */
  static ImportPreview<ImportedInstitution> institutions(String text) {
    List<AppError.FieldError> errors = new ArrayList<>();
    List<ImportedInstitution> rows = new ArrayList<>();
    Table table = table(text, INSTITUTION_COLUMNS, List.of("name"), errors);
    Map<String, Integer> seen = new HashMap<>();
    for (Row row : table.rows()) {
      String name = row.get("name");
      String shortName = row.get("shortName");
      String kindText = row.get("kind").toLowerCase(Locale.ROOT);
      if (name.isEmpty()) {
        errors.add(row.error("name", "required"));
      } else if (name.length() > 300) {
        errors.add(row.error("name", "too_long", 300));
      } else {
        Integer first = seen.putIfAbsent(name, row.line());
        if (first != null) {
          errors.add(row.error("name", "csv_institution_twice", first));
        }
      }
      if (shortName.length() > 100) {
        errors.add(row.error("shortName", "too_long", 100));
      }
      String kind = kindText.isEmpty() ? "school" : KINDS.get(kindText);
      if (kind == null) {
        errors.add(row.error("kind", "one_of", "school, kindergarten, college, centre, other"));
      }
      rows.add(
          new ImportedInstitution(
              row.line(), name, blankToNull(shortName), kind == null ? "other" : kind));
    }
    return new ImportPreview<>(rows, errors);
  }

  /** The field name a problem of this row and column has: {@code rows[3].email}. */
  static String field(int line, String column) {
    return "rows[" + line + "]." + column;
  }

  private record Row(int line, Map<String, String> values) {
    String get(String column) {
      return values.getOrDefault(column, "");
    }

    AppError.FieldError error(String column, String key, Object... args) {
      return new AppError.FieldError(field(line, column), key, args);
    }
  }

  private record Table(List<Row> rows) {}

  private static Table table(
      String text,
      Map<String, String> columns,
      List<String> required,
      List<AppError.FieldError> errors) {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    if (body.isBlank()) {
      errors.add(new AppError.FieldError("file", "csv_empty"));
      return new Table(List.of());
    }
    int firstLineEnd = body.indexOf('\n');
    String header = firstLineEnd < 0 ? body : body.substring(0, firstLineEnd);
    char delimiter = count(header, ';') >= count(header, ',') ? ';' : ',';
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
      List<String> names = null;
      Set<String> known = new HashSet<>();
      for (CSVRecord record : parser) {
        if (names == null) {
          names = new ArrayList<>();
          for (String cell : record) {
            String column = columns.get(cell.strip().toLowerCase(Locale.ROOT));
            names.add(column);
            if (column != null) {
              known.add(column);
            }
          }
          for (String column : required) {
            if (!known.contains(column)) {
              errors.add(new AppError.FieldError("header", "csv_missing_column", column));
            }
          }
          if (!errors.isEmpty()) {
            return new Table(List.of());
          }
          continue;
        }
        if (rows.size() == MAX_ROWS) {
          errors.add(new AppError.FieldError("file", "csv_too_many_rows", MAX_ROWS));
          break;
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < record.size() && i < names.size(); i++) {
          if (names.get(i) != null) {
            values.put(names.get(i), record.get(i).replace("\u0000", ""));
          }
        }
        // The line where the record starts, as a spreadsheet numbers its rows.
        rows.add(new Row((int) record.getRecordNumber(), values));
      }
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      errors.add(new AppError.FieldError("file", "csv_malformed"));
      return new Table(List.of());
    }
    if (rows.isEmpty()) {
      errors.add(new AppError.FieldError("file", "csv_empty"));
    }
    return new Table(rows);
  }

  /** Yes or no in the ways people write it; null for anything else. */
  private static Boolean flag(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "", "0", "no", "false", "нет", "-" -> false;
      case "1", "yes", "true", "да", "+", "x", "х" -> true;
      default -> null;
    };
  }

  private static int count(String text, char c) {
    return (int) text.chars().filter(ch -> ch == c).count();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static Map<String, String> aliases(String... lines) {
    Map<String, String> map = new HashMap<>();
    for (String line : lines) {
      String column = line.substring(0, line.indexOf('='));
      for (String alias : line.substring(line.indexOf('=') + 1).split(",")) {
        map.put(alias.strip().toLowerCase(Locale.ROOT), column);
      }
    }
    return Map.copyOf(map);
  }
}
