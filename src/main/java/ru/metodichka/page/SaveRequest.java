package ru.metodichka.page;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.diff.HunkChoice;
import ru.metodichka.web.JsonInput;

/**
 * A save of a page: the text the author wants and the revision they started from.
 *
 * @param baseRevision 0 when creating the page
 * @param kind null to keep the page's kind (a new page becomes an article)
 * @param metadata null to keep the page's metadata
 * @param resolution null for an ordinary save; otherwise the conflict this save settles
 */
public record SaveRequest(
    String title,
    String markdown,
    int baseRevision,
    String summary,
    String kind,
    Metadata metadata,
    Resolution resolution) {
  public static final int MAX_TITLE = 200;
  public static final int MAX_SUMMARY = 500;
  public static final int MAX_MARKDOWN = 1_000_000;
  public static final int MAX_CHOICES = 10_000;

  /** Stored Markdown is always normalised, whoever builds the request. */
  public SaveRequest {
    markdown = Markdown.normalize(markdown);
  }

  /** An ordinary save, settling no conflict. */
  public SaveRequest(
      String title,
      String markdown,
      int baseRevision,
      String summary,
      String kind,
      Metadata metadata) {
    this(title, markdown, baseRevision, summary, kind, metadata, null);
  }

  /**
   * The conflict a save settles, marked on the revision it appends («разрешён конфликт с версией
   * N»).
   *
   * @param conflictWith the revision whose changes overlapped the author's (the conflict's {@code
   *     currentRevision})
   * @param choices null when the text is already settled (written on top of {@code conflictWith});
   *     otherwise one choice per overlapping region of the merge of the base revision, {@code
   *     conflictWith} and the author's text, and the server assembles the text from them
   */
  public record Resolution(int conflictWith, List<HunkChoice> choices) {
    public Resolution {
      choices = choices == null ? null : List.copyOf(choices);
    }
  }

  /** Reads the body of {@code PUT .../pages/{slug}}; 422 lists every problem. */
  public static SaveRequest from(JsonInput in) {
    String title = in.requiredText("title", MAX_TITLE);
    String markdown = in.rawText("markdown", MAX_MARKDOWN);
    if (markdown == null && !in.hasError("markdown")) {
      in.reject("markdown", "required");
    }
    int base = in.optionalInt("baseRevision", 0, Integer.MAX_VALUE, 0);
    String summary = in.optionalText("summary", MAX_SUMMARY, "");
    String kind = in.optionalText("kind", 40, null);
    if (kind != null && ResultKind.fromCode(kind) == null) {
      in.reject("kind", "one_of", ResultKind.allCodes());
    }
    Metadata metadata = Metadata.read(in);
    Resolution resolution = resolution(in, base);
    in.validate();
    return new SaveRequest(title, markdown, base, summary, kind, metadata, resolution);
  }

  /**
   * {@code resolvesConflictWith} and {@code choices}: with choices, the conflict's revision is
   * newer than the base (the body is the one that got the 409); without, the text was written on
   * top of it.
   */
  private static Resolution resolution(JsonInput in, int base) {
    int with = in.optionalInt("resolvesConflictWith", 1, Integer.MAX_VALUE, 0);
    JsonArray array = in.optionalArray("choices");
    List<HunkChoice> choices = array == null ? null : choices(in, array);
    if (with == 0) {
      if (array != null && !in.hasError("resolvesConflictWith")) {
        in.reject("resolvesConflictWith", "required");
      }
      return null;
    }
    if (array != null && with <= base) {
      in.reject("resolvesConflictWith", "resolution_after_base", base);
    }
    if (array == null && with > base) {
      in.reject("baseRevision", "resolution_based_on", with);
    }
    return new Resolution(with, choices);
  }

  /** {@code ["mine", "theirs", {"text": "…"}]}; null when one of them is not a choice. */
  private static List<HunkChoice> choices(JsonInput in, JsonArray array) {
    if (array.size() > MAX_CHOICES) {
      in.reject("choices", "too_many_items", MAX_CHOICES);
      return null;
    }
    List<HunkChoice> choices = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      HunkChoice choice = choice(array.getValue(i));
      if (choice == null) {
        in.reject("choices[" + i + "]", "hunk_choice");
      }
      choices.add(choice);
    }
    return choices.contains(null) ? null : choices;
  }

  private static HunkChoice choice(Object value) {
    if ("mine".equals(value)) {
      return HunkChoice.MINE;
    }
    if ("theirs".equals(value)) {
      return HunkChoice.THEIRS;
    }
    if (value instanceof JsonObject object
        && object.size() == 1
        && object.getValue("text") instanceof String text
        && text.length() <= MAX_MARKDOWN
        && text.indexOf('\u0000') < 0) {
      return new HunkChoice.ByHand(text);
    }
    return null;
  }
}
