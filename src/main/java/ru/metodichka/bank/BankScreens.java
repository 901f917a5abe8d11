package ru.metodichka.bank;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import ru.metodichka.web.Crumb;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;

/** {@code /bank}: the bank's front page, open to everyone, logged in or not. */
public final class BankScreens implements Screens {
  private final Templates templates;
  private final Bank bank;

  public BankScreens(Templates templates, Bank bank) {
    this.templates = templates;
    this.bank = bank;
  }

  @Override
  public void mount(Router router) {
    router.get("/bank").handler(this::front);
  }

  private void front(RoutingContext ctx) {
    bank.shelves()
        .onSuccess(
            shelves ->
                templates.render(
                    ctx,
                    "bank/bank.jte",
                    Map.of(
                        "shelves",
                        shelves,
                        "crumbs",
                        Crumb.of(
                            new Crumb(templates.ui(ctx).t("nav.home"), "/"),
                            Crumb.here(templates.ui(ctx).t("bank.title"))))))
        .onFailure(ctx::fail);
  }
}
