package ru.metodichka.demo;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.plan.AcademicYear;
import ru.metodichka.plan.ItemDraft;
import ru.metodichka.plan.ItemPatch;
import ru.metodichka.plan.PlanEdit;
import ru.metodichka.plan.PlanForm;
import ru.metodichka.plan.PlanItem;
import ru.metodichka.plan.PlanService;
import ru.metodichka.plan.PlanStatus;

/**
 * The demo communities' activity plans for the academic year containing today, from {@code
 * demo/plan.json}: items spread over the year, so that whenever the demo is seeded some are past
 * and some to come. The moderator adds each item; the first person responsible for a past one takes
 * it into work and marks it done with its result pages, and the moderator notes the outcome —
 * unless it slipped (left in progress, so overdue) or was cancelled. A current item is in progress,
 * a later one planned. All through {@link PlanService}, so versions, history and ledger rows are
 * what real use writes. (In the first weeks of September nothing is past yet: no item is done.)
 */
final class DemoPlan {
  private static final String PLANS = "demo/plan.json";
  private final PlanService plans;
  private final DemoContent content;
  private final Map<String, CurrentUser> people;
  private final LocalDate today;

  DemoPlan(
      PlanService plans, DemoContent content, Map<String, CurrentUser> people, LocalDate today) {
    this.plans = plans;
    this.content = content;
    this.people = people;
    this.today = today;
  }

  Future<Void> create() {
    JsonObject all = new JsonObject(DemoContent.resource(PLANS)).getJsonObject("plans");
    return DemoSeed.inOrder(all.fieldNames(), slug -> plan(slug, all.getJsonArray(slug)));
  }

  private Future<Void> plan(String community, JsonArray items) {
    AcademicYear year = AcademicYear.containing(today);
    long length = ChronoUnit.DAYS.between(year.first(), year.last());
    List<Slot> slots =
        IntStream.range(0, items.size())
            .mapToObj(k -> slot(year, length * k / items.size(), items.getJsonObject(k)))
            .toList();
    List<Slot> past =
        slots.stream().filter(s -> s.due().isBefore(today) && !s.cancelled()).toList();
    Slot slipped = past.size() >= 2 ? past.getLast() : null;
    return DemoSeed.inOrder(slots, slot -> item(community, year, slot, slot == slipped));
  }

  private static Slot slot(AcademicYear year, long offset, JsonObject json) {
    LocalDate starts = year.first().plusDays(offset);
    LocalDate due = starts.plusDays(json.getInteger("days") - 1L);
    return new Slot(json, starts, due.isAfter(year.last()) ? year.last() : due);
  }

  private Future<Void> item(String community, AcademicYear year, Slot slot, boolean slipped) {
    JsonObject json = slot.json();
    CurrentUser moderator = people.get(content.community(community).moderator());
    List<String> responsible = strings(json, "responsible");
    var draft =
        new ItemDraft(
            year,
            json.getString("title"),
            json.getString("description"),
            PlanForm.of(json.getString("form")),
            responsible,
            slot.starts(),
            slot.due(),
            PlanStatus.PLANNED,
            List.of(),
            "");
    CurrentUser member = people.get(responsible.getFirst());
    return plans
        .create(moderator, community, draft)
        .compose(
            item -> {
              if (slot.cancelled()) {
                return cancel(moderator, community, item);
              }
              if (slot.starts().isAfter(today)) {
                return Future.succeededFuture();
              }
              Future<PlanItem> started =
                  progress(member, community, item, PlanStatus.IN_PROGRESS, List.of());
              if (!slot.due().isBefore(today) || slipped) {
                return started.mapEmpty();
              }
              return started
                  .compose(
                      s ->
                          progress(member, community, s, PlanStatus.DONE, strings(json, "results")))
                  .compose(done -> outcome(moderator, community, done, json.getString("outcome")));
            });
  }

  private Future<PlanItem> progress(
      CurrentUser member,
      String community,
      PlanItem item,
      PlanStatus status,
      List<String> results) {
    return edit(member, community, item, ItemPatch.progress(item.version(), status, results));
  }

  private Future<Void> cancel(CurrentUser moderator, String community, PlanItem item) {
    var change =
        new ItemPatch(
            item.version(),
            null,
            null,
            null,
            null,
            null,
            null,
            PlanStatus.CANCELLED,
            null,
            "Перенесено на следующий учебный год.");
    return edit(moderator, community, item, change).mapEmpty();
  }

  private Future<Void> outcome(
      CurrentUser moderator, String community, PlanItem item, String text) {
    if (text.isEmpty()) {
      return Future.succeededFuture();
    }
    var change =
        new ItemPatch(item.version(), null, null, null, null, null, null, null, null, text);
    return edit(moderator, community, item, change).mapEmpty();
  }

  private Future<PlanItem> edit(
      CurrentUser actor, String community, PlanItem item, ItemPatch change) {
    return plans
        .edit(actor, community, item.id(), change)
        .map(
            edit ->
                switch (edit) {
                  case PlanEdit.Saved saved -> saved.item();
                  case PlanEdit.Stale stale ->
                      throw new IllegalStateException(
                          "Demo plan item " + item.id() + " changed meanwhile");
                });
  }

  /** An item of the seed file with its dates in the year. */
  private record Slot(JsonObject json, LocalDate starts, LocalDate due) {
    boolean cancelled() {
      return "cancelled".equals(json.getString("fate"));
    }
  }

  private static List<String> strings(JsonObject json, String key) {
    return json.getJsonArray(key).stream().map(String::valueOf).toList();
  }
}
