package ru.metodichka.order;

import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import ru.metodichka.auth.CurrentUser;

/**
 * Orders as Word documents: the draft of an order before signing, and an issued order. POI builds
 * them on a worker executor of their own, never on an event loop.
 */
public final class OrderDocuments {
  /** The media type of a .docx file. */
  public static final String DOCX =
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

  private final OrderService orders;
  private final WorkerExecutor workers;
  private final String centre;

  /**
   * @param centre the centre's name, printed at the head of every order (config {@code
   *     centre.name})
   */
  public OrderDocuments(OrderService orders, WorkerExecutor workers, String centre) {
    this.orders = orders;
    this.workers = workers;
    this.centre = centre;
  }

  /** The draft for the given communities (slugs); administrators only. */
  public Future<Document> draft(CurrentUser actor, List<String> communities) {
    return orders.draft(actor, communities).compose(this::write);
  }

  /** An issued order; administrators only, 404 when there is none. */
  public Future<Document> issued(CurrentUser actor, long id) {
    return orders.contents(actor, id).compose(this::write);
  }

  /** The centre's name, as the documents print it. */
  public String centre() {
    return centre;
  }

  private Future<Document> write(OrderContents contents) {
    return workers.executeBlocking(
        () ->
            new Document(
                fileName(contents),
                asciiName(contents),
                Buffer.buffer(OrderDocument.write(contents, centre))));
  }

  /** {@code приказ-15-од-2026-11-20.docx}, or {@code проект-приказа-2026-12-06.docx}. */
  private String fileName(OrderContents contents) {
    return contents
            .order()
            .map(o -> "приказ-" + o.number().replaceAll("[^\\p{L}\\p{N}-]+", "-") + "-" + o.date())
            .orElse("проект-приказа-" + orders.today())
        + ".docx";
  }

  /** The name for clients that read no UTF-8 names: {@code order-7-2026-11-20.docx}. */
  private String asciiName(OrderContents contents) {
    return contents
            .order()
            .map(o -> "order-" + o.id() + "-" + o.date())
            .orElse("draft-order-" + orders.today())
        + ".docx";
  }

  /**
   * A document ready to send.
   *
   * @param asciiName the same name in ASCII, for clients that read no other
   */
  public record Document(String fileName, String asciiName, Buffer bytes) {}
}
