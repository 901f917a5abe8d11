package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.error.AppError;
import ru.metodichka.render.MarkdownRenderer;
import ru.metodichka.render.WikiLink;

/**
 * The publish checklist ({@link Checklist}): what a page lacks before it enters the bank — a kind
 * more precise than «другое», subjects, levels, a licence, a summary paragraph, an institution for
 * every author, no red links (for the public: a link to a page that does not exist or is not
 * published reads as missing), no empty section. The community's insiders read it; moderators see
 * it before publishing, and publishing a page that lacks something needs a note (on the screen; the
 * API's review takes the note as it comes).
 */
public final class PublishChecklist {
  private final Pool pool;
  private final CommunityService communities;
  private final PageReader reader;
  private final ReviewService reviews;
  private final MarkdownRenderer renderer;
  private final WorkerExecutor markdown;
  private final ActivityRepository activity = new ActivityRepository();
  private final LinkRepository links = new LinkRepository();

  /**
   * @param markdown the workers that parse texts (flexmark may take its time budget)
   */
  public PublishChecklist(
      Pool pool,
      CommunityService communities,
      PageReader reader,
      ReviewService reviews,
      MarkdownRenderer renderer,
      WorkerExecutor markdown) {
    this.pool = pool;
    this.communities = communities;
    this.reader = reader;
    this.reviews = reviews;
    this.renderer = renderer;
    this.markdown = markdown;
  }

  /** The checklist of a page's latest revision: 401 visitors, 403 non-insiders, then 404. */
  public Future<Checklist> of(CurrentUser actor, String community, String slug) {
    return insiderPage(actor, community, slug).compose(this::of);
  }

  /** The checklist of a page its reader may see (the caller checked they are an insider). */
  public Future<Checklist> of(VisiblePage v) {
    return reader.revision(v, v.page().currentRevision()).compose(r -> of(v, r));
  }

  /**
   * Publishes (reviews) {@code revision} — the one the moderator saw the checklist of, null for the
   * latest — with the moderator's note; when the checklist of that revision finds something
   * missing, the note is required (422 {@code note}).
   */
  public Future<ReviewService.ReviewState> publish(
      CurrentUser actor, String community, String slug, Integer revision, String note) {
    actor.requireLoggedIn();
    return communities
        .access(pool, actor, community)
        .map(Access::requireModerator)
        .compose(a -> reader.visible(actor, community, slug))
        .compose(
            v ->
                reader
                    .revision(v, revision == null ? v.page().currentRevision() : revision)
                    .compose(r -> of(v, r)))
        .compose(
            checklist -> {
              if (!checklist.complete() && (note == null || note.isBlank())) {
                return Future.failedFuture(AppError.invalid("note", "checklist_note"));
              }
              return reviews.review(actor, community, slug, checklist.revision(), note);
            });
  }

  private Future<VisiblePage> insiderPage(CurrentUser actor, String community, String slug) {
    actor.requireLoggedIn();
    return communities
        .access(pool, actor, community)
        .map(
            a -> {
              if (!a.insider()) {
                throw AppError.forbidden("not_a_member", a.community().name());
              }
              return a;
            })
        .compose(a -> reader.visible(actor, community, slug));
  }

  private Future<Checklist> of(VisiblePage v, Revision r) {
    var authors = activity.authors(pool, v.page().id(), r.number());
    var parsed = markdown.executeBlocking(() -> parse(r.markdown()), false);
    var red = parsed.compose(p -> redLinks(v, p.links()));
    return Future.all(authors, parsed, red)
        .map(
            all -> {
              Metadata meta = r.metadata();
              List<Checklist.Check> checks = new ArrayList<>();
              checks.add(
                  Checklist.Check.of(
                      "kind", !ResultKind.OTHER.code().equals(r.kind()) && r.kind() != null));
              checks.add(Checklist.Check.of("subjects", !meta.subjects().isEmpty()));
              checks.add(Checklist.Check.of("levels", !meta.levels().isEmpty()));
              checks.add(
                  Checklist.Check.of(
                      "licence", meta.licence() != null && !meta.licence().isBlank()));
              checks.add(Checklist.Check.of("summary", parsed.result().shape().summary()));
              checks.add(
                  Checklist.Check.of(
                      "institutions",
                      authors.result().stream()
                          .filter(a -> a.institution() == null || a.institution().isBlank())
                          .map(Author::name)
                          .toList()));
              checks.add(Checklist.Check.of("red-links", red.result()));
              checks.add(
                  Checklist.Check.of("empty-sections", parsed.result().shape().emptySections()));
              return new Checklist(r.number(), checks);
            });
  }

  private Parsed parse(String text) {
    return new Parsed(renderer.wikiLinks(text), TextShape.of(text));
  }

  /** What parsing the text gives the checklist. */
  private record Parsed(List<WikiLink> links, TextShape shape) {}

  /** The links that lead nowhere for the public, as written ({@code [[…]]}). */
  private Future<List<String>> redLinks(VisiblePage v, List<WikiLink> written) {
    String own = v.community().slug();
    List<LinkTarget> targets = LinkTarget.distinct(written, own);
    return links
        .resolveTargets(pool, targets, CurrentUser.ANONYMOUS)
        .map(
            resolved -> {
              Set<String> red = new LinkedHashSet<>();
              for (WikiLink link : written) {
                LinkTarget target = LinkTarget.of(link, own);
                if (target.slugKey().isEmpty() || target.titleKey().isEmpty()) {
                  continue;
                }
                LinkTarget.Resolved to = resolved.get(target.key());
                if (to == null || to.pageSlug() == null) {
                  red.add(
                      "[["
                          + (link.community() == null ? "" : link.community() + ":")
                          + link.target()
                          + "]]");
                }
              }
              return List.copyOf(red);
            });
  }
}
