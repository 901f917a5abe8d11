package ru.metodichka.demo;

import io.vertx.core.Future;
import java.util.Map;
import ru.metodichka.auth.CurrentUser;
import ru.metodichka.structure.StructureService;

/**
 * Each demo community's pages arranged by its moderator into sections (§4.8), as a moderator does
 * it through the API; a page left out of a tree shows as «не размещена».
 */
final class DemoStructure {
  private final StructureService structures;
  private final DemoContent content;
  private final Map<String, CurrentUser> people;

  DemoStructure(StructureService structures, DemoContent content, Map<String, CurrentUser> people) {
    this.structures = structures;
    this.content = content;
    this.people = people;
  }

  Future<Void> create() {
    return DemoSeed.inOrder(content.communities(), this::arrange);
  }

  private Future<Void> arrange(DemoContent.DemoCommunity community) {
    if (community.structure().isEmpty()) {
      return Future.succeededFuture();
    }
    CurrentUser moderator = people.get(community.moderator());
    return structures
        .replace(moderator, community.community().slug(), null, community.structure())
        .mapEmpty();
  }
}
