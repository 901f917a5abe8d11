package ru.metodichka.page;

import io.vertx.sqlclient.Pool;
import java.util.List;
import ru.metodichka.community.CommunityService;
import ru.metodichka.contribution.ContributionRepository;
import ru.metodichka.render.MarkdownRenderer;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;

/** The page feature, wired: what Main builds once and hands to the HTTP verticles. */
public record Pages(
    PageService service, PageReader reader, HistoryReader history, PageRoutes routes) {

  public static Pages create(
      Pool pool,
      CommunityService communities,
      ContributionRepository contributions,
      MarkdownRenderer renderer) {
    var pages = new PageRepository();
    var revisions = new RevisionRepository();
    var links = new LinkRepository();
    var writer = new RevisionWriter(pages, revisions, links, contributions, renderer);
    var service =
        new PageService(pool, communities, pages, revisions, new IdempotencyRepository(), writer);
    var reader =
        new PageReader(
            pool,
            communities,
            pages,
            revisions,
            links,
            new PageRendering(renderer, links),
            new ActivityRepository());
    var history = new HistoryReader(pool, reader, revisions);
    return new Pages(service, reader, history, new PageRoutes(service, reader));
  }

  /** The HTML screens of pages: reading, editing, history. */
  public List<Screens> screens(Templates templates) {
    return List.of(
        new PageScreens(templates, reader, service),
        new HistoryScreens(templates, history),
        new RevertScreens(templates, history, service));
  }
}
