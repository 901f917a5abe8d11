package ru.metodichka.page.history;

import java.util.ArrayList;
import java.util.List;
import ru.metodichka.diff.DiffLine;
import ru.metodichka.diff.Hunk;
import ru.metodichka.diff.Segment;
import ru.metodichka.diff.TextDiff;

/**
 * A line diff laid out in two columns, the old text left and the new one right, as the diff screen
 * shows it. A removed line and the added line paired with it share a row, so the changed words can
 * be read across; unchanged stretches between hunks become one row that only counts their lines.
 * Pure and thread-safe.
 */
public final class SideBySide {
  /** Unchanged lines kept around each change; the rest is collapsed. */
  static final int CONTEXT = 3;

  private SideBySide() {}

  /**
   * One row of the layout. {@code kind} is {@code skip} (then only {@code skipped} matters), {@code
   * context}, {@code changed} (a removed line paired with an added one), {@code removed} or {@code
   * added} (the other side is an empty cell).
   */
  public record Row(String kind, Cell left, Cell right, int skipped) {
    public boolean skip() {
      return kind.equals("skip");
    }
  }

  /** One side of a row: the line number (null for an empty cell) and the text as segments. */
  public record Cell(Integer line, List<Segment> segments) {
    static final Cell EMPTY = new Cell(null, List.of());

    public boolean empty() {
      return line == null;
    }
  }

  /** The rows of the diff from {@code from} to {@code to}; none when the texts are the same. */
  public static List<Row> of(String from, String to) {
    List<Hunk> hunks = TextDiff.diff(from, to, CONTEXT);
    List<Row> rows = new ArrayList<>();
    int shown = 0;
    for (Hunk hunk : hunks) {
      skip(rows, hunk.fromStart() - 1 - shown);
      addHunk(rows, hunk.lines());
      shown = hunk.fromStart() - 1 + hunk.fromCount();
    }
    if (!hunks.isEmpty()) {
      skip(rows, lineCount(from) - shown);
    }
    return rows;
  }

  private static void skip(List<Row> rows, int lines) {
    if (lines > 0) {
      rows.add(new Row("skip", Cell.EMPTY, Cell.EMPTY, lines));
    }
  }

  /**
   * A hunk lists a change's removed lines, then its added ones; the k-th of each are a pair (see
   * {@link DiffLine}) and go into one row.
   */
  private static void addHunk(List<Row> rows, List<DiffLine> lines) {
    int i = 0;
    while (i < lines.size()) {
      DiffLine line = lines.get(i);
      if (line.type() == DiffLine.Type.CONTEXT) {
        Cell same = new Cell(line.fromLine(), whole(Segment.Kind.EQUAL, line.text()));
        rows.add(new Row("context", same, new Cell(line.toLine(), same.segments()), 0));
        i++;
        continue;
      }
      int removedEnd = i;
      while (removedEnd < lines.size() && lines.get(removedEnd).type() == DiffLine.Type.REMOVED) {
        removedEnd++;
      }
      int addedEnd = removedEnd;
      while (addedEnd < lines.size() && lines.get(addedEnd).type() == DiffLine.Type.ADDED) {
        addedEnd++;
      }
      change(rows, lines.subList(i, removedEnd), lines.subList(removedEnd, addedEnd));
      i = addedEnd;
    }
  }

  private static void change(List<Row> rows, List<DiffLine> removed, List<DiffLine> added) {
    int n = Math.max(removed.size(), added.size());
    for (int k = 0; k < n; k++) {
      Cell left = k < removed.size() ? cell(removed.get(k), Segment.Kind.DELETED) : Cell.EMPTY;
      Cell right = k < added.size() ? cell(added.get(k), Segment.Kind.INSERTED) : Cell.EMPTY;
      String kind = left.empty() ? "added" : right.empty() ? "removed" : "changed";
      rows.add(new Row(kind, left, right, 0));
    }
  }

  /** A changed line keeps its word segments; a line without a partner is changed as a whole. */
  private static Cell cell(DiffLine line, Segment.Kind whole) {
    Integer number = line.type() == DiffLine.Type.REMOVED ? line.fromLine() : line.toLine();
    List<Segment> segments = line.words().isEmpty() ? whole(whole, line.text()) : line.words();
    return new Cell(number, segments);
  }

  private static List<Segment> whole(Segment.Kind kind, String text) {
    return text.isEmpty() ? List.of() : List.of(new Segment(kind, text));
  }

  /** Lines as the diff reads them: CRLF is one break, and a final newline ends the last line. */
  static int lineCount(String text) {
    String unix = text.replace("\r\n", "\n");
    int breaks = (int) unix.chars().filter(c -> c == '\n').count();
    return unix.isEmpty() || unix.endsWith("\n") ? breaks : breaks + 1;
  }
}
