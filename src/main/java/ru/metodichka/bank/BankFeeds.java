package ru.metodichka.bank;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import ru.metodichka.error.AppError;
import ru.metodichka.web.PublicUrl;
import ru.metodichka.web.Screens;

/**
 * What machines read: the Atom feed of new materials ({@code /bank/feed.atom}), the sitemap (with
 * its numbered files when it is an index) and {@code robots.txt}, which points to the sitemap by
 * its absolute address (the protocol asks for one, so the file cannot be static).
 */
public final class BankFeeds implements Screens {
  private static final String ROBOTS = "webroot/assets/robots.txt";
  private static final String XML = "application/xml; charset=utf-8";

  /** {@code /sitemap-1.xml} …; a number with a leading zero or of ten digits is no file. */
  private static final String SITEMAP_FILE = "/sitemap-(?<number>[1-9][0-9]{0,8})\\.xml";

  private final Bank bank;
  private final Sitemaps sitemaps;
  private final PublicUrl publicUrl;
  private final String robots;

  public BankFeeds(Bank bank, Sitemaps sitemaps, PublicUrl publicUrl) {
    this.bank = bank;
    this.sitemaps = sitemaps;
    this.publicUrl = publicUrl;
    this.robots = read(ROBOTS);
  }

  @Override
  public void mount(Router router) {
    router.get("/bank/feed.atom").handler(this::feed);
    router.get("/sitemap.xml").handler(this::sitemap);
    router.getWithRegex(SITEMAP_FILE).handler(this::sitemapFile);
    router.get("/robots.txt").handler(this::robots);
  }

  private void feed(RoutingContext ctx) {
    bank.feed(publicUrl.base(ctx))
        .onSuccess(xml -> send(ctx, "application/atom+xml; charset=utf-8", xml))
        .onFailure(ctx::fail);
  }

  private void sitemap(RoutingContext ctx) {
    sitemaps.main(publicUrl.base(ctx)).onSuccess(xml -> send(ctx, XML, xml)).onFailure(ctx::fail);
  }

  private void sitemapFile(RoutingContext ctx) {
    int number = Integer.parseInt(ctx.pathParam("number"));
    sitemaps
        .file(publicUrl.base(ctx), number)
        .onSuccess(
            xml ->
                xml.ifPresentOrElse(
                    found -> send(ctx, XML, found), () -> ctx.fail(AppError.notFound("not_found"))))
        .onFailure(ctx::fail);
  }

  private void robots(RoutingContext ctx) {
    String text = robots + "\nSitemap: " + publicUrl.of(ctx, "/sitemap.xml") + "\n";
    send(ctx, "text/plain; charset=utf-8", text);
  }

  private static void send(RoutingContext ctx, String contentType, String body) {
    ctx.response()
        .putHeader("Content-Type", contentType)
        .end(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static String read(String resource) {
    try (InputStream in = BankFeeds.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).stripTrailing() + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
