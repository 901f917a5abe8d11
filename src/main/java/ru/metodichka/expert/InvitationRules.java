package ru.metodichka.expert;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.auth.User;
import ru.metodichka.auth.UserRepository;
import ru.metodichka.community.Community;
import ru.metodichka.community.Slugs;
import ru.metodichka.error.AppError;

/**
 * The rules of an invitation, inside its transaction: the expert holds the expert right, the chosen
 * pages are published pages of the community, and the expert is independent of it (see {@link
 * ExpertService}); then the invitation is recorded under the current rubric version.
 */
final class InvitationRules {
  private final ExpertRepository experts = new ExpertRepository();
  private final IndependenceRepository independence = new IndependenceRepository();
  private final RubricRepository rubrics = new RubricRepository();
  private final UserRepository users = new UserRepository();

  /** Checks and records the invitation; returns its id. Call inside a transaction. */
  Future<Long> invite(SqlClient tx, CurrentUser actor, Community c, Invitation invitation) {
    return expert(tx, invitation.expert())
        .compose(
            expert ->
                pages(tx, c, invitation.pages())
                    .compose(pages -> invite(tx, actor, c, expert, invitation, pages)));
  }

  private Future<Long> invite(
      SqlClient tx,
      CurrentUser actor,
      Community c,
      User expert,
      Invitation invitation,
      List<Long> pages) {
    return independent(tx, c, expert, pages)
        .compose(v -> rubrics.current(tx))
        .compose(
            rubric ->
                experts.insert(
                    tx,
                    c.id(),
                    expert.id(),
                    invitation.period(),
                    pages,
                    rubric.version(),
                    actor.id()));
  }

  /** A user holding the expert right; 422 on {@code expert} otherwise. */
  private Future<User> expert(SqlClient tx, String login) {
    return users
        .findByLogin(tx, login)
        .compose(
            found -> {
              if (found.isEmpty()) {
                throw AppError.invalid("expert", "expert_unknown", login);
              }
              return experts
                  .holdsRight(tx, found.get().id())
                  .map(
                      holds -> {
                        if (!holds) {
                          throw AppError.invalid("expert", "expert_not_expert", found.get().name());
                        }
                        return found.get();
                      });
            });
  }

  /** The ids of the chosen pages, in order; 422 naming each that is not published here. */
  private Future<List<Long>> pages(SqlClient tx, Community c, List<String> slugs) {
    if (slugs.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    List<String> keys = slugs.stream().map(Slugs::key).toList();
    return independence
        .pages(tx, c.id(), keys)
        .map(
            found -> {
              List<Long> ids = new ArrayList<>();
              List<AppError.FieldError> wrong = new ArrayList<>();
              for (int i = 0; i < slugs.size(); i++) {
                String key = keys.get(i);
                Optional<IndependenceRepository.PageRow> page =
                    found.stream()
                        .filter(p -> p.slugKey().equals(key) && p.published())
                        .findFirst();
                page.ifPresent(p -> ids.add(p.page().id()));
                if (page.isEmpty()) {
                  wrong.add(
                      new AppError.FieldError(
                          "pages[" + i + "]", "expert_page_not_published", slugs.get(i)));
                }
              }
              if (!wrong.isEmpty()) {
                throw AppError.invalid(wrong);
              }
              return ids;
            });
  }

  private Future<Void> independent(SqlClient tx, Community c, User expert, List<Long> pages) {
    return independence
        .membership(tx, c.id(), expert.id())
        .compose(
            member ->
                member.isPresent()
                    ? Future.succeededFuture(member)
                    : independence.sameInstitution(tx, c.id(), expert.id(), pages))
        .map(
            conflict -> {
              conflict.ifPresent(
                  found -> {
                    throw found.error(expert.name(), c.name());
                  });
              return null;
            });
  }
}
