package ru.metodichka.structure;

import java.time.OffsetDateTime;
import java.util.List;
import ru.metodichka.auth.Person;
import ru.metodichka.community.Access;

/**
 * A community's structure as its reader may see it: the tree, then the pages not placed in it («не
 * размещены»), with the version a change must be made from.
 *
 * @param version how many times the structure was changed (0: never)
 * @param changedBy who made the last change, or null when none was made
 * @param changedAt when, or null
 */
public record Structure(
    Access access,
    int version,
    List<StructureNode> tree,
    List<StructureNode> unplaced,
    Person changedBy,
    OffsetDateTime changedAt) {

  public Structure {
    tree = List.copyOf(tree);
    unplaced = List.copyOf(unplaced);
  }

  /** Whether the reader may change it: the community's moderators while it is active. */
  public boolean canArrange() {
    return access.canModerate();
  }
}
