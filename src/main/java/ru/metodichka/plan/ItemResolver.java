package ru.metodichka.plan;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ru.metodichka.auth.NewUser;
import ru.metodichka.community.Slugs;
import ru.metodichka.error.AppError;

/**
 * Turns a change of an item into the content of its next version: the people and pages it names
 * looked up, its dates checked against the plan's year. Every problem is listed at once (422 naming
 * each field: {@code starts}, {@code due}, {@code responsible[i]}, {@code results[i]}); nothing is
 * written before that.
 */
final class ItemResolver {
  private final ReferenceRepository references = new ReferenceRepository();

  /**
   * The content {@code change} makes of {@code base} in a plan of {@code year}. People must be
   * members of the community, except those {@code base} already has (someone who has left since may
   * stay responsible for what they did).
   */
  Future<Content> apply(
      SqlClient tx, long communityId, AcademicYear year, Content base, ItemPatch change) {
    List<AppError.FieldError> errors = new ArrayList<>();
    Future<List<Long>> people =
        change.responsible() == null
            ? Future.succeededFuture(base.responsible())
            : people(tx, communityId, change.responsible(), base.responsible(), errors);
    return people.compose(
        responsible -> {
          Future<List<Long>> pages =
              change.results() == null
                  ? Future.succeededFuture(base.results())
                  : pages(tx, communityId, change.results(), errors);
          return pages.map(results -> content(year, base, change, responsible, results, errors));
        });
  }

  private static Content content(
      AcademicYear year,
      Content base,
      ItemPatch change,
      List<Long> responsible,
      List<Long> results,
      List<AppError.FieldError> errors) {
    LocalDate starts = change.starts() != null ? change.starts() : base.starts();
    LocalDate due = change.due() != null ? change.due() : base.due();
    if (!year.contains(starts)) {
      errors.add(new AppError.FieldError("starts", "plan_outside_year", year.label()));
    }
    if (!year.contains(due)) {
      errors.add(new AppError.FieldError("due", "plan_outside_year", year.label()));
    } else if (due.isBefore(starts)) {
      errors.add(new AppError.FieldError("due", "plan_due_before_start"));
    }
    if (!errors.isEmpty()) {
      throw AppError.invalid(errors);
    }
    return new Content(
        change.title() != null ? change.title() : base.title(),
        change.description() != null ? change.description() : base.description(),
        change.form() != null ? change.form() : base.form(),
        starts,
        due,
        change.status() != null ? change.status() : base.status(),
        change.outcome() != null ? change.outcome() : base.outcome(),
        responsible,
        results);
  }

  private Future<List<Long>> people(
      SqlClient tx,
      long communityId,
      List<String> logins,
      List<Long> kept,
      List<AppError.FieldError> errors) {
    List<String> keys = logins.stream().map(NewUser::loginKey).toList();
    return references
        .users(tx, communityId, distinct(keys))
        .map(
            found -> {
              Set<Long> ids = new LinkedHashSet<>();
              for (int i = 0; i < keys.size(); i++) {
                ReferenceRepository.Candidate person = found.get(keys.get(i));
                String field = "responsible[" + i + "]";
                if (person == null) {
                  errors.add(new AppError.FieldError(field, "plan_unknown_login", logins.get(i)));
                } else if (!person.member() && !kept.contains(person.id())) {
                  errors.add(new AppError.FieldError(field, "plan_not_member", logins.get(i)));
                } else {
                  ids.add(person.id());
                }
              }
              return List.copyOf(ids);
            });
  }

  private Future<List<Long>> pages(
      SqlClient tx, long communityId, List<String> slugs, List<AppError.FieldError> errors) {
    List<String> keys = slugs.stream().map(Slugs::key).toList();
    return references
        .pages(tx, communityId, distinct(keys))
        .map(
            found -> {
              Set<Long> ids = new LinkedHashSet<>();
              for (int i = 0; i < keys.size(); i++) {
                Long id = found.get(keys.get(i));
                if (id == null) {
                  errors.add(
                      new AppError.FieldError(
                          "results[" + i + "]", "plan_unknown_page", slugs.get(i)));
                } else {
                  ids.add(id);
                }
              }
              return List.copyOf(ids);
            });
  }

  private static List<String> distinct(List<String> keys) {
    return List.copyOf(new LinkedHashSet<>(keys));
  }

  /** The content an item is created from: nothing yet, so every person named must be a member. */
  static Content blank() {
    return new Content(null, "", null, null, null, PlanStatus.PLANNED, "", List.of(), List.of());
  }

  /** A draft as a change of {@link #blank()}. */
  static ItemPatch asChange(ItemDraft d) {
    return new ItemPatch(
        0,
        d.title(),
        d.description(),
        d.form(),
        d.responsible(),
        d.starts(),
        d.due(),
        d.status(),
        d.results(),
        d.outcome());
  }
}
