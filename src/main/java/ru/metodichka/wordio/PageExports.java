package ru.metodichka.wordio;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import ru.metodichka.attachment.AttachmentService;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.error.AppError;
import ru.metodichka.page.Author;
import ru.metodichka.page.Citation;
import ru.metodichka.page.PageReader;
import ru.metodichka.page.RenderedRevision;
import ru.metodichka.page.Visibility;
import ru.metodichka.page.VisiblePage;
import ru.metodichka.structure.StructureNode;
import ru.metodichka.structure.StructureService;
import ru.metodichka.web.Locales;

/**
 * Exports of pages as .docx and .pdf: one revision of a page (the one its reader reads, or an
 * earlier one they may read), or a whole section of the community's structure — the page and every
 * page under it its reader may see, in reading order — as one document. Who may see what is {@link
 * PageReader}'s ({@link Visibility}): a draft does not exist for outsiders, a revision saved after
 * the review does not exist for the public. The documents are written on the documents' workers,
 * with a time limit.
 */
public final class PageExports {
  /** A section's export stops at this many pages: the document stays printable. */
  static final int MAX_SECTION_PAGES = 200;

  private static final long TIME_LIMIT_MS = 60_000;
  private final PageReader reader;
  private final AttachmentService attachments;
  private final StructureService structures;
  private final WorkerExecutor documents;
  private final String centre;
  private final ZoneId zone;
  private final Clock clock;

  /**
   * @param attachments where the pictures pages show are read ({@link ExportImages})
   * @param centre the centre's name ({@code centre.name}), in every citation block
   */
  public PageExports(
      PageReader reader,
      AttachmentService attachments,
      StructureService structures,
      WorkerExecutor documents,
      String centre,
      ZoneId zone,
      Clock clock) {
    this.reader = reader;
    this.attachments = attachments;
    this.structures = structures;
    this.documents = documents;
    this.centre = centre;
    this.zone = zone;
    this.clock = clock;
  }

  /** What to export, and to whom. */
  public record Request(
      CurrentUser actor,
      String community,
      String slug,
      Integer revision,
      boolean section,
      String base,
      Format format) {}

  /** The two kinds of document. */
  public enum Format {
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    PDF("application/pdf", "pdf");

    public final String contentType;
    public final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }
  }

  /** A written document and the name to save it under. */
  public record Document(String fileName, String contentType, byte[] bytes) {}

  public Future<Document> export(Request request) {
    ExportImages images = new ExportImages(attachments, documents);
    return reader
        .visible(request.actor(), request.community(), request.slug())
        .compose(
            v ->
                request.section()
                    ? section(v, request, images)
                    : one(v, request, images).map(List::of))
        .compose(parts -> write(parts, request));
  }

  private Future<ExportedPart> one(VisiblePage v, Request request, ExportImages images) {
    int number =
        request.revision() == null
            ? Visibility.shownRevision(v.access(), v.page())
            : request.revision();
    return part(v, number, request.base(), images);
  }

  /** A page at a revision: its HTML as its reader sees it, its citation and its pictures. */
  private Future<ExportedPart> part(VisiblePage v, int number, String base, ExportImages images) {
    var rendered = reader.rendered(v, number);
    var authors = reader.authors(v, number);
    return Future.all(rendered, authors)
        .compose(all -> images.of(v, rendered.result().html()))
        .map(
            pictures ->
                new ExportedPart(
                    citation(v, rendered.result(), authors.result(), base),
                    rendered.result().html(),
                    pictures));
  }

  private Citation citation(VisiblePage v, RenderedRevision r, List<Author> authors, String base) {
    return Citation.of(
        v.community(),
        v.page().slug(),
        r.revision(),
        authors,
        centre,
        base,
        licenceName(r.revision().metadata().licence()));
  }

  /**
   * The page (at the revision asked for) and the pages under it in the structure, each at the
   * revision its reader reads; a page outside the structure is exported alone.
   */
  private Future<List<ExportedPart>> section(VisiblePage v, Request request, ExportImages images) {
    return structures
        .read(v.access())
        .compose(
            structure -> {
              StructureNode node = find(structure.tree(), v.page().slug());
              List<String> below = new ArrayList<>();
              if (node != null) {
                node.children().forEach(child -> collect(child, below));
              }
              Future<List<ExportedPart>> parts =
                  one(v, request, images).map(p -> new ArrayList<>(List.of(p)));
              for (String slug : below.subList(0, Math.min(below.size(), MAX_SECTION_PAGES - 1))) {
                parts = parts.compose(list -> child(request, slug, images).map(p -> add(list, p)));
              }
              return parts;
            });
  }

  private Future<ExportedPart> child(Request request, String slug, ExportImages images) {
    return reader
        .visible(request.actor(), request.community(), slug)
        .compose(
            c -> part(c, Visibility.shownRevision(c.access(), c.page()), request.base(), images));
  }

  private static List<ExportedPart> add(List<ExportedPart> list, ExportedPart part) {
    list.add(part);
    return list;
  }

  private static StructureNode find(List<StructureNode> nodes, String slug) {
    for (StructureNode node : nodes) {
      if (node.slug().equals(slug)) {
        return node;
      }
      StructureNode below = find(node.children(), slug);
      if (below != null) {
        return below;
      }
    }
    return null;
  }

  private static void collect(StructureNode node, List<String> slugs) {
    slugs.add(node.slug());
    node.children().forEach(child -> collect(child, slugs));
  }

  private Future<Document> write(List<ExportedPart> parts, Request request) {
    LocalDate today = LocalDate.now(clock.withZone(zone));
    String name =
        request.slug() + (request.section() ? "-razdel" : "") + "." + request.format().extension;
    return documents
        .executeBlocking(
            () ->
                switch (request.format()) {
                  case PDF -> PdfWriter.write(parts, zone, today);
                  case DOCX -> DocxWriter.write(parts, zone, today);
                },
            false)
        .timeout(TIME_LIMIT_MS, TimeUnit.MILLISECONDS)
        .recover(
            failure ->
                Future.failedFuture(
                    failure instanceof TimeoutException
                        ? AppError.unavailable("export_too_slow", request.slug())
                        : failure))
        .map(bytes -> new Document(name, request.format().contentType, bytes));
  }

  private static String licenceName(String licence) {
    return Locales.bundle("i18n/ui", Locale.of("ru")).getString("licence." + licence);
  }
}
