package ru.metodichka.expert;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.web.Ui;

/**
 * Before every screen a logged-in user sees: whether they hold the expert right, so the header
 * links to «Мои экспертизы». One indexed query; none for visitors. A failure shows no link rather
 * than failing the screen.
 */
public final class ExpertNavHandler implements Handler<RoutingContext> {
  private final ExpertService experts;

  public ExpertNavHandler(ExpertService experts) {
    this.experts = experts;
  }

  @Override
  public void handle(RoutingContext ctx) {
    CurrentUser user = CurrentUser.of(ctx);
    if (user.anonymous()) {
      ctx.next();
      return;
    }
    experts
        .isExpert(user)
        .onComplete(
            found -> {
              if (found.succeeded() && found.result()) {
                ctx.put(Ui.EXPERT, true);
              }
              ctx.next();
            });
  }
}
