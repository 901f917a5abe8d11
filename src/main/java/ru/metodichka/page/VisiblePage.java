package ru.metodichka.page;

import ru.metodichka.community.Access;
import ru.metodichka.community.Community;

/** A page its reader may see ({@link Visibility}), with what the reader may do in its community. */
public record VisiblePage(Access access, Page page) {
  public Community community() {
    return access.community();
  }
}
