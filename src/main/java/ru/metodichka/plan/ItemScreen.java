package ru.metodichka.plan;

import java.util.List;
import ru.metodichka.auth.Person;
import ru.metodichka.community.Community;

/**
 * What an item's screen shows: the item, its history newest first, and the form its reader may fill
 * in.
 *
 * @param canModerate a moderator's form, every field
 * @param canReport the responsible member's form: status and results
 * @param members who may be made responsible (the moderator's form)
 * @param notice a key of what was just done or went wrong, or ""
 */
public record ItemScreen(
    Community community,
    AcademicYear year,
    PlanItem item,
    String descriptionHtml,
    List<ItemVersion> history,
    boolean canModerate,
    boolean canReport,
    ItemForm form,
    List<Person> members,
    String notice) {}
