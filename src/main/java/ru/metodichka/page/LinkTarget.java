package ru.metodichka.page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ru.metodichka.community.Slugs;
import ru.metodichka.render.WikiLink;

/**
 * A wiki link reduced to what it is matched by: the target community's key, and the link text as a
 * slug key and as a title key ({@code [[Проектная деятельность]]} finds a page titled so, or one
 * whose slug is {@code проектная-деятельность}).
 */
record LinkTarget(String communityKey, String slugKey, String titleKey) {

  /** The identity of a link inside one revision. */
  record Key(String communityKey, String titleKey) {}

  /**
   * Where a link leads for one reader.
   *
   * @param communitySlug the target community's slug as it is written
   * @param pageSlug the slug of the page it leads to, or null when there is none the reader may see
   * @param mayCreate whether the reader may create the missing page (an insider of the active
   *     target community)
   */
  record Resolved(String communitySlug, String pageSlug, boolean mayCreate) {}

  Key key() {
    return new Key(communityKey, titleKey);
  }

  static LinkTarget of(WikiLink link, String ownCommunitySlug) {
    String community = link.community() != null ? link.community() : ownCommunitySlug;
    return new LinkTarget(
        Slugs.key(community), Slugs.fromTitle(link.target()), Slugs.titleKey(link.target()));
  }

  /** Distinct targets of a list of links, skipping ones that reduce to nothing. */
  static List<LinkTarget> distinct(List<WikiLink> links, String ownCommunitySlug) {
    Map<Key, LinkTarget> targets = new LinkedHashMap<>();
    for (WikiLink link : links) {
      LinkTarget target = of(link, ownCommunitySlug);
      if (!target.slugKey().isEmpty() && !target.titleKey().isEmpty()) {
        targets.putIfAbsent(target.key(), target);
      }
    }
    return List.copyOf(targets.values());
  }
}
