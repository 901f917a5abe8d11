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
import ru.metodichka.notification.event.Event;
import ru.metodichka.notification.event.Notifications;
import ru.metodichka.render.MarkdownRenderer;

/**
 * Appends one revision and everything written with it: the page's new head, the revision's wiki
 * links, the contribution ledger row and the watchers' notifications. Must run inside the act's
 * transaction, under the page's row lock.
 *
 * <p>The wiki links of the text as submitted are read before the transaction ({@link #links}, on
 * the Markdown workers: flexmark may take up to the renderer's time budget on a hostile text), so
 * the row lock is not held while a text is parsed. A revert copies the restored revision's links.
 * Only a merged save, whose text exists only inside the transaction, is parsed under the lock.
 */
final class RevisionWriter {
  private final PageRepository pages;
  private final RevisionRepository revisions;
  private final LinkRepository links;
  private final ContributionRepository contributions;
  private final Notifications notifications;
  private final MarkdownRenderer renderer;
  private final WorkerExecutor workers;

  RevisionWriter(
      PageRepository pages,
      RevisionRepository revisions,
      LinkRepository links,
      ContributionRepository contributions,
      Notifications notifications,
      MarkdownRenderer renderer,
      WorkerExecutor workers) {
    this.pages = pages;
    this.revisions = revisions;
    this.links = links;
    this.contributions = contributions;
    this.notifications = notifications;
    this.renderer = renderer;
    this.workers = workers;
  }

  /** The wiki links of a text about to be saved in a community; call before the transaction. */
  Future<ParsedLinks> links(String markdown, String communitySlug) {
    if (!MarkdownRenderer.mayHaveWikiLinks(markdown)) {
      // Most texts have none, and a hop to a worker and back is a save's longest wait on a busy
      // machine after the database's.
      return Future.succeededFuture(new ParsedLinks(markdown, List.of()));
    }
    return workers.executeBlocking(
        () ->
            new ParsedLinks(
                markdown, LinkTarget.distinct(renderer.wikiLinks(markdown), communitySlug)),
        false);
  }

  /**
   * Appends revision {@code page.currentRevision + 1}; returns its number.
   *
   * @param parsed the links read from the submitted text before the transaction (ignored when the
   *     content is a revert, and when a merge changed the text)
   */
  Future<Integer> append(
      SqlClient tx,
      Access access,
      Page page,
      NewContent content,
      String summary,
      Integer baseNumber,
      boolean created,
      ParsedLinks parsed) {
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
            content.metadata(),
            content.resolvedConflictWith());
    return revisions
        .append(tx, revision)
        .compose(
            id -> {
              // None of these waits for another's answer: sent one behind the other, they reach
              // PostgreSQL in this order (the watchers are asked after the head moved, which their
              // visibility depends on) and the save waits for their answers once, not four times.
              // Should one fail, the others fail with it and the transaction rolls back.
              Future<Void> head =
                  pages.updateHead(tx, page.id(), number, content.title(), content.kind());
              Future<Void> linked = writeLinks(tx, access, page, id, content, parsed);
              Future<Void> counted = ledger(tx, access, page, id, content, created);
              Future<Void> told =
                  notifications.emit(
                      tx, new Event.PageChanged(page.id(), number, access.user().id()));
              return Future.all(head, linked, counted, told);
            })
        .map(number);
  }

  private Future<Void> writeLinks(
      SqlClient tx,
      Access access,
      Page page,
      long revisionId,
      NewContent content,
      ParsedLinks parsed) {
    if (content.revertedFrom() != null) {
      return links.copy(tx, revisionId, page.id(), content.revertedFrom());
    }
    Future<List<LinkTarget>> targets =
        parsed != null && parsed.markdown().equals(content.markdown())
            ? Future.succeededFuture(parsed.targets())
            : links(content.markdown(), access.community().slug()).map(ParsedLinks::targets);
    return targets.compose(t -> links.insert(tx, revisionId, t));
  }

  /**
   * One ledger row for the revision: a new page's first revision is recorded as the page's creation
   * (a revision too, with its characters), so a new page counts once.
   */
  private Future<Void> ledger(
      SqlClient tx,
      Access access,
      Page page,
      long revisionId,
      NewContent content,
      boolean created) {
    CharDelta delta = TextDiff.charDelta(content.replaced().markdown(), content.markdown());
    return contributions.record(
        tx,
        new Contribution(
            access.user().id(),
            access.community().id(),
            page.id(),
            revisionId,
            created ? ContributionKind.PAGE_CREATED : ContributionKind.REVISION,
            delta.added(),
            delta.removed()));
  }

  /** The wiki links of a text, read before the save's transaction. */
  record ParsedLinks(String markdown, List<LinkTarget> targets) {}
}
