package ru.metodichka.page;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.SqlClient;
import java.util.List;
import ru.metodichka.community.Access;
import ru.metodichka.contribution.ContributionKind;
import ru.metodichka.contribution.ContributionRepository;
import ru.metodichka.contribution.ContributionRepository.Contribution;
import ru.metodichka.diff.CharDelta;
import ru.metodichka.diff.TextDiff;
import ru.metodichka.render.MarkdownRenderer;

/**
 * Appends one revision and everything written with it: the page's new head, the revision's wiki
 * links and the contribution ledger rows. Must run inside the act's transaction, under the page's
 * row lock. The wiki links are read on the Markdown workers: flexmark may take up to the renderer's
 * time budget on a hostile text, which must not stall an event loop.
 */
final class RevisionWriter {
  private final PageRepository pages;
  private final RevisionRepository revisions;
  private final LinkRepository links;
  private final ContributionRepository contributions;
  private final MarkdownRenderer renderer;
  private final WorkerExecutor workers;

  RevisionWriter(
      PageRepository pages,
      RevisionRepository revisions,
      LinkRepository links,
      ContributionRepository contributions,
      MarkdownRenderer renderer,
      WorkerExecutor workers) {
    this.pages = pages;
    this.revisions = revisions;
    this.links = links;
    this.contributions = contributions;
    this.renderer = renderer;
    this.workers = workers;
  }

  /** Appends revision {@code page.currentRevision + 1}; returns its number. */
  Future<Integer> append(
      SqlClient tx,
      Access access,
      Page page,
      NewContent content,
      String summary,
      Integer baseNumber,
      boolean created) {
    int number = page.currentRevision() + 1;
    var revision =
        new RevisionRepository.NewRevision(
            page.id(),
            number,
            baseNumber,
            access.user().id(),
            summary,
            content.title(),
            content.kind(),
            content.markdown(),
            content.merged(),
            content.revertedFrom(),
            content.metadata());
    return workers
        .executeBlocking(() -> targets(access, content), false)
        .compose(targets -> append(tx, access, page, content, created, revision, targets))
        .map(number);
  }

  private List<LinkTarget> targets(Access access, NewContent content) {
    return LinkTarget.distinct(renderer.wikiLinks(content.markdown()), access.community().slug());
  }

  private Future<Void> append(
      SqlClient tx,
      Access access,
      Page page,
      NewContent content,
      boolean created,
      RevisionRepository.NewRevision revision,
      List<LinkTarget> targets) {
    return revisions
        .append(tx, revision)
        .compose(
            id ->
                pages
                    .updateHead(tx, page.id(), revision.number(), content.title(), content.kind())
                    .compose(v -> links.insert(tx, id, targets))
                    .compose(v -> ledger(tx, access, page, id, content, created)));
  }

  private Future<Void> ledger(
      SqlClient tx,
      Access access,
      Page page,
      long revisionId,
      NewContent content,
      boolean created) {
    CharDelta delta = TextDiff.charDelta(content.replaced().markdown(), content.markdown());
    long userId = access.user().id();
    long communityId = access.community().id();
    Future<Void> revision =
        contributions.record(
            tx,
            new Contribution(
                userId,
                communityId,
                page.id(),
                revisionId,
                ContributionKind.REVISION,
                delta.added(),
                delta.removed()));
    return created
        ? revision.compose(
            v ->
                contributions.record(
                    tx,
                    new Contribution(
                        userId,
                        communityId,
                        page.id(),
                        revisionId,
                        ContributionKind.PAGE_CREATED,
                        0,
                        0)))
        : revision;
  }
}
