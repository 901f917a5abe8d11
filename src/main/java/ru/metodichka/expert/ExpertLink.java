package ru.metodichka.expert;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.web.HeaderFact;
import ru.metodichka.web.Ui;

/** Whether the user holds the expert right, so the header links to «Мои экспертизы». */
public final class ExpertLink implements HeaderFact {
  private final ExpertService experts;

  public ExpertLink(ExpertService experts) {
    this.experts = experts;
  }

  @Override
  public Future<?> lookUp(CurrentUser user, RoutingContext ctx) {
    return experts
        .isExpert(user)
        .onSuccess(
            expert -> {
              if (expert) {
                ctx.put(Ui.EXPERT, true);
              }
            });
  }
}
