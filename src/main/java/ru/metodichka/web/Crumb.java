package ru.metodichka.web;

import java.util.List;

/** One step of a screen's breadcrumbs; the last one (the screen itself) has no link. */
public record Crumb(String label, String href) {

  public static List<Crumb> of(Crumb... crumbs) {
    return List.of(crumbs);
  }

  public static Crumb here(String label) {
    return new Crumb(label, null);
  }
}
