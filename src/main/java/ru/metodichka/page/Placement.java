package ru.metodichka.page;

import java.util.List;

/**
 * Where a page stands in its community's structure (§4.8), as its reader may see it: the sections
 * above it (the breadcrumbs), the pages of its own section, and the pages before and after it when
 * the tree is read in order. Pages the reader may not see are left out: a page under a hidden one
 * stands, for that reader, under the nearest ancestor they may see. A page outside the tree has no
 * placement ({@link #NONE}).
 *
 * @param ancestors from the top of the tree down to the page's parent
 * @param section the pages under the same parent, the page itself included, in order
 * @param previous the page before it in reading order, or null
 * @param next the page after it in reading order, or null
 */
public record Placement(
    List<PlacedPage> ancestors, List<PlacedPage> section, PlacedPage previous, PlacedPage next) {

  /**
   * The position of a page that is not placed in the tree: it stands after the tree (see
   * V20__structure.sql).
   */
  public static final int UNPLACED = Integer.MAX_VALUE;

  /** A page outside the tree. */
  public static final Placement NONE = new Placement(List.of(), List.of(), null, null);

  public Placement {
    ancestors = List.copyOf(ancestors);
    section = List.copyOf(section);
  }

  public boolean placed() {
    return !section.isEmpty();
  }

  /** A page of the structure as its reader reads it: address and title. */
  public record PlacedPage(String slug, String title) {}
}
