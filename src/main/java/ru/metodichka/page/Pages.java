package ru.metodichka.page;

import io.vertx.core.WorkerExecutor;
import io.vertx.sqlclient.Pool;
import java.time.ZoneId;
import java.util.List;
import ru.metodichka.community.CommunityService;
import ru.metodichka.contribution.ContributionRepository;
import ru.metodichka.render.MarkdownRenderer;
import ru.metodichka.web.PublicUrl;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;

/** The page feature, wired: what Main builds once and hands to the HTTP verticles. */
public record Pages(
    PageService service,
    PageReader reader,
    HistoryReader history,
    EditorService editor,
    PageRoutes routes,
    ViewCounter views,
    PageViewCache viewCache) {

  public static Pages create(
      Pool pool,
      CommunityService communities,
      ContributionRepository contributions,
      MarkdownRenderer renderer,
      WorkerExecutor previews,
      WorkerExecutor markdown,
      ZoneId zone) {
    var pages = new PageRepository();
    var revisions = new RevisionRepository();
    var links = new LinkRepository();
    var writer = new RevisionWriter(pages, revisions, links, contributions, renderer, markdown);
    var viewCache = new PageViewCache();
    var service =
        new PageService(
            pool, communities, pages, revisions, new IdempotencyRepository(), writer, viewCache);
    var views = new ViewCounter(pool, zone);
    var reader =
        new PageReader(
            pool,
            communities,
            pages,
            revisions,
            links,
            new PageRendering(renderer, links, markdown),
            new ActivityRepository(),
            views);
    var history = new HistoryReader(pool, reader, revisions);
    var editor = new EditorService(pool, communities, pages, reader, links, renderer, previews);
    return new Pages(
        service,
        reader,
        history,
        editor,
        new PageRoutes(service, reader, editor),
        views,
        viewCache);
  }

  /** The HTML screens of pages: reading (with similar pages under it), editing, history. */
  public List<Screens> screens(Templates templates, PublicUrl publicUrl, SimilarPages similar) {
    // The editor first: its /c/{c}/new must win over the page screen's /c/{c}/{slug}.
    return List.of(
        new EditorScreens(templates, service, reader, editor),
        new PageScreens(templates, reader, service, publicUrl, similar, viewCache, views),
        new HistoryScreens(templates, history),
        new RevertScreens(templates, history, service));
  }
}
