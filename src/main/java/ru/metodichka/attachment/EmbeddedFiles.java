package ru.metodichka.attachment;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import ru.metodichka.community.Access;
import ru.metodichka.page.Page;
import ru.metodichka.page.PageFiles;
import ru.metodichka.render.AttachmentResolver;
import ru.metodichka.render.AttachmentResolver.Resolution;

/**
 * What {@code ![подпись](attachment:схема.png)} shows on a page ({@link PageFiles}): the page's
 * files its reader may see (hidden ones for its moderators only, as the file list), by name; an
 * image a page may show ({@link Images#shown}) as its preview ({@code
 * …/attachments/{name}/preview}, at most {@value ImagePreviews#WIDTH} pixels wide) linked to the
 * whole file, any other file as a link. Addresses name the file, not a version: a new version shows
 * at once (its preview is served {@code no-cache} with the content's hash as its ETag). In the
 * editor, the files kept for the page until its save ({@link PendingFiles}) too, from their own
 * addresses.
 */
public final class EmbeddedFiles implements PageFiles {
  private static final String OF_PAGE =
      """
      SELECT a.name, b.media_type, b.width, b.height
        FROM attachments a
        JOIN attachment_versions v ON v.attachment_id = a.id AND v.number = a.versions
        JOIN attachment_blobs b ON b.id = v.blob_id
       WHERE a.page_id = $1 AND ($2 OR NOT a.hidden)
      """;

  private final PendingRepository pending = new PendingRepository();

  /** A file as a page refers to it: where it is, and how it is shown. */
  private record Shown(String name, String href, String mediaType, Integer width, Integer height) {
    Resolution resolution() {
      if (!Images.shown(mediaType, width, height)) {
        return Resolution.file(href);
      }
      int[] size = ImagePreviews.shownSize(width, height);
      return Resolution.image(href, href + "/preview", size[0], size[1]);
    }
  }

  @Override
  public Future<Embeds> of(SqlClient sql, Access access, Page page, String token) {
    String community = access.community().slug();
    Future<List<Shown>> own =
        page == null ? Future.succeededFuture(List.of()) : ofPage(sql, access, page, community);
    Future<List<Shown>> kept = ofPending(sql, access, token, community);
    return Future.all(own, kept).map(all -> embeds(own.result(), kept.result()));
  }

  private Future<List<Shown>> ofPage(SqlClient sql, Access access, Page page, String community) {
    String base = base(community, page.slug());
    return sql.preparedQuery(OF_PAGE)
        .execute(Tuple.of(page.id(), access.moderator()))
        .map(
            rows -> {
              List<Shown> list = new ArrayList<>();
              for (Row r : rows) {
                list.add(shown(base, r.getString("name"), r));
              }
              return list;
            });
  }

  private Future<List<Shown>> ofPending(SqlClient sql, Access access, String token, String c) {
    UUID id = uuid(token);
    if (id == null || access.user().anonymous()) {
      return Future.succeededFuture(List.of());
    }
    String base = "/api/communities/" + encode(c) + "/pending-files/" + id + "/";
    return pending
        .list(sql, id, access.user().id(), access.community().id(), null)
        .map(
            list ->
                list.stream()
                    .map(
                        p ->
                            new Shown(
                                p.name(),
                                base + encode(p.name()),
                                p.blob().mediaType(),
                                p.blob().width(),
                                p.blob().height()))
                    .toList());
  }

  private static Shown shown(String base, String name, Row r) {
    return new Shown(
        name,
        base + encode(name),
        r.getString("media_type"),
        r.getInteger("width"),
        r.getInteger("height"));
  }

  /** A kept file wins over the page's of the same name: the save makes it that file's version. */
  private static Embeds embeds(List<Shown> own, List<Shown> kept) {
    Map<String, Resolution> byKey = new TreeMap<>();
    for (Shown file : own) {
      byKey.put(AttachmentResolver.key(file.name()), file.resolution());
    }
    for (Shown file : kept) {
      byKey.put(AttachmentResolver.key(file.name()), file.resolution());
    }
    Map<String, Resolution> resolved = Map.copyOf(byKey);
    AttachmentResolver resolver =
        name -> resolved.getOrDefault(AttachmentResolver.key(name), Resolution.missing());
    return new Embeds(byKey.toString(), resolver);
  }

  private static UUID uuid(String token) {
    if (token == null || token.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(token.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Where a page's files are: their addresses start so. */
  private static String base(String community, String slug) {
    return "/api/communities/" + encode(community) + "/pages/" + encode(slug) + "/attachments/";
  }

  /**
   * The name of the page's own file whose preview {@code src} is, exactly as {@link #of} writes it
   * into a page of {@code community} at {@code slug}; null for any other address (another page's, a
   * file kept for a page, a web address).
   */
  public static String previewed(String community, String slug, String src) {
    String base = base(community, slug);
    String end = "/preview";
    if (src == null
        || !src.startsWith(base)
        || !src.endsWith(end)
        || src.length() <= base.length() + end.length()) {
      return null;
    }
    String encoded = src.substring(base.length(), src.length() - end.length());
    try {
      String name = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
      return encode(name).equals(encoded) ? name : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
