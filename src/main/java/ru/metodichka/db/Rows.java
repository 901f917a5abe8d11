package ru.metodichka.db;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** How repositories read query results: every row as a record, or the first row. */
public final class Rows {
  private Rows() {}

  /** Each row mapped to a JSON object, in the query's order. */
  public static JsonArray toArray(RowSet<Row> rows, Function<Row, JsonObject> mapper) {
    JsonArray array = new JsonArray();
    rows.forEach(row -> array.add(mapper.apply(row)));
    return array;
  }

  /**
   * A timestamp as RFC 3339 text, seconds always included ({@code OffsetDateTime.toString()} drops
   * them on a whole minute); null stays null.
   */
  public static String time(OffsetDateTime time) {
    return time == null ? null : time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** Each row mapped to a record, in the query's order. */
  public static <T> List<T> list(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> list = new ArrayList<>(rows.size());
    rows.forEach(row -> list.add(mapper.apply(row)));
    return List.copyOf(list);
  }

  /** The first row mapped, or empty when the query found nothing. */
  public static <T> Optional<T> first(RowSet<Row> rows, Function<Row, T> mapper) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(mapper.apply(it.next())) : Optional.empty();
  }
}
