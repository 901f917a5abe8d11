package ru.metodichka.attachment;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.community.Access;
import ru.metodichka.community.CommunityService;
import ru.metodichka.error.AppError;
import ru.metodichka.page.VisiblePage;

/**
 * Files kept aside for a page until it is saved: the pictures of a Word document imported into the
 * editor, and images pasted into a page that does not exist yet. They are stored at once (so
 * nothing is lost between the preview and the save, and the preview shows them), under a token the
 * editor carries with the form; saving the page {@link #attach attaches} them all in one
 * transaction. A token belongs to the user who sent its files, in one community: to anyone else it
 * does not exist (404). Sending needs what creating a page needs (the community's insiders, while
 * it is active).
 */
public final class PendingFiles {
  private final Pool pool;
  private final CommunityService communities;
  private final AttachmentService attachments;
  private final PendingRepository repository = new PendingRepository();

  public PendingFiles(Pool pool, CommunityService communities, AttachmentService attachments) {
    this.pool = pool;
    this.communities = communities;
    this.attachments = attachments;
  }

  /** A file kept under a token. */
  public record Kept(UUID token, String name, StoredBlob blob) {}

  /** The community a user keeps files in: 401, 403 for outsiders, 409 if archived. */
  public Future<Access> editor(CurrentUser actor, String community) {
    return communities.access(pool, actor, community).map(Access::requireEditor);
  }

  /**
   * Stores {@code content} under {@code token} (null: a new token) as {@code rawName} (sanitised; a
   * file of the same name under the token is replaced). {@code access} from {@link #editor}. 404
   * for a token of someone else's; 413 ({@link BlobStore.TooLarge}) beyond the upload limit; 422
   * for an image too large to decode.
   */
  public Future<Kept> keep(
      Access access, String token, String rawName, ReadStream<Buffer> content) {
    UUID id;
    try {
      id = token == null ? UUID.randomUUID() : parse(token);
    } catch (AppError e) {
      return Future.failedFuture(e);
    }
    String name = FileNames.sanitize(rawName);
    return attachments
        .blobs()
        .receive(content, name, attachments.maxBytes())
        .compose(
            blob -> {
              if (Images.tooLarge(blob)) {
                return Future.failedFuture(
                    AppError.invalid("file", "attachment_image_too_large", Images.MAX_PIXELS));
              }
              return repository
                  .put(pool, id, name, blob.id(), access.user().id(), access.community().id())
                  .map(
                      kept -> {
                        if (!kept) {
                          throw AppError.notFound("pending_not_found");
                        }
                        return new Kept(id, name, blob);
                      });
            });
  }

  /** A file made in memory (a Word document's picture), kept as {@link #keep} does. */
  public Future<Kept> keep(Access access, String token, String rawName, Buffer bytes) {
    return keep(access, token, rawName, new BufferStream(bytes));
  }

  /**
   * The user's files under a token (in a community they may still edit); 404 when it holds none of
   * theirs (someone else's token, or one whose files were attached).
   */
  public Future<List<Kept>> list(CurrentUser actor, String community, String token) {
    return editor(actor, community)
        .compose(access -> list(access, parse(token), null))
        .map(
            list -> {
              if (list.isEmpty()) {
                throw AppError.notFound("pending_not_found");
              }
              return list;
            });
  }

  /** One of the user's files under a token; 404 when there is none such for them. */
  public Future<Kept> find(CurrentUser actor, String community, String token, String name) {
    return editor(actor, community)
        .compose(access -> list(access, parse(token), name))
        .map(
            list -> {
              if (list.isEmpty()) {
                throw AppError.notFound("attachment_not_found", name);
              }
              return list.getFirst();
            });
  }

  private Future<List<Kept>> list(Access access, UUID token, String name) {
    return repository
        .list(pool, token, access.user().id(), access.community().id(), name)
        .map(rows -> rows.stream().map(p -> new Kept(token, p.name(), p.blob())).toList());
  }

  /**
   * Makes the token's files files of {@code page} (each the next version of its name there), in one
   * transaction, and forgets the token; the names attached (none when the token holds nothing: a
   * form saved twice attaches once). {@code page} must be one its actor may edit ({@link
   * AttachmentService#editable}).
   */
  public Future<List<String>> attach(VisiblePage page, String token) {
    UUID id;
    try {
      id = parse(token);
    } catch (AppError e) {
      return Future.failedFuture(e);
    }
    long user = page.access().user().id();
    long community = page.community().id();
    return pool.withTransaction(
            tx ->
                repository
                    .lock(tx, id, user, community)
                    .compose(v -> repository.list(tx, id, user, community, null))
                    .compose(
                        files -> {
                          Future<Void> chain = Future.succeededFuture();
                          for (PendingRepository.Pending file : files) {
                            chain =
                                chain.compose(
                                    v -> attachments.add(tx, page, file.name(), file.blob()));
                          }
                          return chain
                              .compose(v -> repository.drop(tx, id, user, community))
                              .map(v -> files);
                        }))
        .map(
            files -> {
              attachments.textQueued(files.stream().map(PendingRepository.Pending::blob).toList());
              List<String> names = new ArrayList<>();
              files.forEach(f -> names.add(f.name()));
              return names;
            });
  }

  /**
   * Whether {@link #keep} refused a file for its size: beyond the upload limit, or an image of too
   * many pixels.
   */
  public static boolean tooLarge(Throwable failure) {
    return failure instanceof BlobStore.TooLarge
        || (failure instanceof AppError e
            && e.fieldErrors().stream()
                .anyMatch(f -> f.messageKey().equals("attachment_image_too_large")));
  }

  /** A token as sent by a client: 404 when it is not one (it names nothing). */
  private static UUID parse(String token) {
    try {
      return UUID.fromString(token == null ? "" : token.strip());
    } catch (IllegalArgumentException e) {
      throw AppError.notFound("pending_not_found");
    }
  }

  /** Housekeeping: removes files kept for a week and never saved with a page; their number. */
  public static Future<Integer> purge(Pool pool) {
    return PendingRepository.purge(pool);
  }
}
