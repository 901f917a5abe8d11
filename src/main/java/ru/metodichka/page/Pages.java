package ru.metodichka.page;

import io.vertx.sqlclient.Pool;
import ru.metodichka.community.CommunityService;
import ru.metodichka.contribution.ContributionRepository;
import ru.metodichka.render.MarkdownRenderer;

/** The page feature, wired: what Main builds once and hands to the HTTP verticles. */
public record Pages(PageService service, PageReader reader, PageRoutes routes) {

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
            pool, communities, pages, revisions, links, new PageRendering(renderer, links));
    return new Pages(service, reader, new PageRoutes(service, reader));
  }
}
