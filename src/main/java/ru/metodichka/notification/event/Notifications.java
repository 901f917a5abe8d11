package ru.metodichka.notification.event;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;

/**
 * Where features tell what happened. {@link #emit} must be called inside the transaction of the act
 * it tells about, with that transaction's connection: the notifications and the e-mails to send are
 * written in it, so they exist exactly when the act does (a rolled-back save notifies nobody).
 */
public interface Notifications {

  /** Nobody hears anything: for tools and tests that build a feature without notifications. */
  Notifications NONE = (tx, event) -> Future.succeededFuture();

  /** Writes the event's notifications (and mails) in {@code tx}; never notifies the actor. */
  Future<Void> emit(SqlClient tx, Event event);
}
