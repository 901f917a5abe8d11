package ru.metodichka.page;

import ru.metodichka.web.JsonInput;

/**
 * A save of a page: the text the author wants and the revision they started from.
 *
 * @param baseRevision 0 when creating the page
 * @param kind null to keep the page's kind (a new page becomes an article)
 * @param metadata null to keep the page's metadata
 */
public record SaveRequest(
    String title,
    String markdown,
    int baseRevision,
    String summary,
    String kind,
    Metadata metadata) {
  public static final int MAX_TITLE = 200;
  public static final int MAX_SUMMARY = 500;
  public static final int MAX_MARKDOWN = 1_000_000;

  /** Stored Markdown is always normalised, whoever builds the request. */
  public SaveRequest {
    markdown = Markdown.normalize(markdown);
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
    in.validate();
    return new SaveRequest(title, markdown, base, summary, kind, metadata);
  }
}
