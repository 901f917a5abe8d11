package ru.metodichka.page;

import java.time.OffsetDateTime;
import java.util.Locale;
import ru.metodichka.auth.Person;

/**
 * One act of a page's lifecycle, as its history shows it: renamed (a new title, a new address or
 * both), moved to another community, retired to the archive or restored from it.
 *
 * @param revision the page's latest revision once the act was done
 * @param from where the page was and what it was called (renamed and moved; null otherwise)
 * @param to where it went and what it is called since (renamed and moved; null otherwise)
 */
public record LifecycleEvent(
    int revision, Kind kind, Person by, OffsetDateTime at, Place from, Place to) {

  /** What happened. */
  public enum Kind {
    RENAMED,
    MOVED,
    RETIRED,
    RESTORED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  /** A page's place and name: its community (address and name), its address and its title. */
  public record Place(String community, String communityName, String slug, String title) {
    /** {@code /c/{community}/{slug}}: the address, which redirects to the page if it moved. */
    public String path() {
      return "/c/" + community + "/" + slug;
    }
  }

  /** Whether the title changed (a rename may change only the address). */
  public boolean retitled() {
    return from != null && !from.title().equals(to.title());
  }

  /** Whether the address changed. */
  public boolean readdressed() {
    return from != null
        && (!from.slug().equals(to.slug()) || !from.community().equals(to.community()));
  }
}
