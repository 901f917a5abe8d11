package ru.metodichka.page.editor;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import ru.metodichka.community.Community;
import ru.metodichka.community.Slugs;
import ru.metodichka.page.Metadata;
import ru.metodichka.page.ResultKind;
import ru.metodichka.page.Revision;
import ru.metodichka.page.SaveRequest;

/**
 * What the editor form shows and sends back: the page's fields, the revision the text started from,
 * and the idempotency key that makes a double-submitted form save once.
 *
 * @param slug the page's slug; on a new page what the author typed (may be empty)
 * @param isNew true on {@code /c/{c}/new}, where the slug is a field and there is no page yet
 * @param resolvesConflictWith on the conflict screen, the revision the author's text conflicted
 *     with: saving the form settles that conflict and the revision is marked so; 0 elsewhere
 * @param pendingFiles the token of files kept for the page until its save (a Word document's
 *     pictures, images pasted into a new page), attached when it is saved; "" for none
 */
public record EditorForm(
    String community,
    String communityName,
    String slug,
    boolean isNew,
    String title,
    String kind,
    String markdown,
    String summary,
    Metadata metadata,
    int baseRevision,
    String idempotencyKey,
    int resolvesConflictWith,
    String pendingFiles) {

  /** The form for a page as it is now. */
  static EditorForm of(EditorService.Opened page) {
    Revision r = page.current();
    return new EditorForm(
        page.community().slug(),
        page.community().name(),
        page.slug(),
        false,
        r.title(),
        r.kind(),
        r.markdown(),
        "",
        r.metadata(),
        r.number(),
        freshKey(),
        0,
        "");
  }

  /** The empty form of a new page in a community, with a suggested title. */
  static EditorForm blank(Community community, String title) {
    return new EditorForm(
        community.slug(),
        community.name(),
        "",
        true,
        title == null ? "" : title.strip(),
        ResultKind.ARTICLE.code(),
        "",
        "",
        Metadata.EMPTY,
        0,
        freshKey(),
        0,
        "");
  }

  /** The form as posted; every field kept as typed so that nothing is lost on a re-render. */
  static EditorForm posted(RoutingContext ctx, boolean isNew) {
    String slug = isNew ? field(ctx, "slug").strip() : ctx.pathParam("slug");
    int base;
    try {
      base = Math.max(0, Integer.parseInt(field(ctx, "baseRevision").strip()));
    } catch (NumberFormatException e) {
      base = 0;
    }
    String kind = field(ctx, "kind");
    int resolves;
    try {
      resolves = Math.max(0, Integer.parseInt(field(ctx, "resolvesConflictWith").strip()));
    } catch (NumberFormatException e) {
      resolves = 0;
    }
    return new EditorForm(
        ctx.pathParam("community"),
        "",
        slug,
        isNew,
        field(ctx, "title"),
        ResultKind.fromCode(kind) == null ? ResultKind.ARTICLE.code() : kind,
        field(ctx, "markdown"),
        field(ctx, "summary"),
        MetadataForm.posted(ctx),
        base,
        field(ctx, "idempotencyKey"),
        resolves,
        field(ctx, "pendingFiles").strip());
  }

  /** The slug the page is saved under: as typed, or made from the title when left empty. */
  String targetSlug() {
    return isNew && slug.isBlank() ? Slugs.fromTitle(title) : slug;
  }

  /** Keys of the messages for what is wrong, in the order of the fields; empty when all is well. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (title.isBlank()) {
      problems.add("editor.error.titleRequired");
    } else if (title.strip().length() > SaveRequest.MAX_TITLE) {
      problems.add("editor.error.titleTooLong");
    }
    if (isNew && !title.isBlank() && !Slugs.isValid(targetSlug())) {
      problems.add("editor.error.slug");
    }
    if (markdown.length() > SaveRequest.MAX_MARKDOWN) {
      problems.add("editor.error.textTooLong");
    }
    if (summary.strip().length() > SaveRequest.MAX_SUMMARY) {
      problems.add("editor.error.summaryTooLong");
    }
    problems.addAll(MetadataForm.problems(metadata));
    return problems;
  }

  /** The save the form asks for, settling the given conflict (or none, when null). */
  SaveRequest request(SaveRequest.Resolution resolution) {
    return new SaveRequest(
        title.strip(), markdown, baseRevision, summary.strip(), kind, metadata, resolution);
  }

  /**
   * What the idempotency key vouches for: the fields that make the save, not the CSRF token or the
   * button, so a resubmission of the same form is recognised as the same request.
   */
  byte[] fingerprint() {
    String all =
        String.join(
            "\u0000",
            slug,
            title,
            kind,
            markdown,
            summary,
            metadata.toJson().encode(),
            "" + baseRevision,
            "" + resolvesConflictWith,
            pendingFiles);
    return all.getBytes(StandardCharsets.UTF_8);
  }

  EditorForm in(Community community) {
    return new EditorForm(
        this.community,
        community.name(),
        slug,
        isNew,
        title,
        kind,
        markdown,
        summary,
        metadata,
        baseRevision,
        idempotencyKey,
        resolvesConflictWith,
        pendingFiles);
  }

  /**
   * The author's title and text (as the conflict has them), to be saved again on top of {@code
   * revision}, settling the conflict with it.
   */
  EditorForm rebased(String savedSlug, int revision, String yourTitle, String yourMarkdown) {
    return new EditorForm(
        community,
        communityName,
        savedSlug,
        false,
        yourTitle,
        kind,
        yourMarkdown,
        summary,
        metadata,
        revision,
        freshKey(),
        revision,
        pendingFiles);
  }

  /** A fresh idempotency key for another form on the same screen. */
  String otherKey() {
    return freshKey();
  }

  /** Where the form posts. */
  public String action() {
    return isNew ? "/c/" + community + "/new" : "/c/" + community + "/" + slug + "/edit";
  }

  /** The address of the page's files (none for a new page: its files wait, see pendingFiles). */
  public String filesApi() {
    return isNew ? "" : "/api/communities/" + community + "/pages/" + slug + "/attachments";
  }

  /** The key editor.js keeps the browser draft under. */
  public String draftKey() {
    return community + ":" + (isNew ? "new" : slug);
  }

  public List<String> levels() {
    return Metadata.LEVELS;
  }

  public List<String> licences() {
    return Metadata.LICENCES;
  }

  public List<String> kinds() {
    return Arrays.stream(ResultKind.values()).map(ResultKind::code).toList();
  }

  private static String freshKey() {
    return UUID.randomUUID().toString();
  }

  private static String field(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value == null ? "" : value;
  }
}
