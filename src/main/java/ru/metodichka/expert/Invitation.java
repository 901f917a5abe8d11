package ru.metodichka.expert;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import ru.metodichka.community.Slugs;
import ru.metodichka.web.JsonInput;

/**
 * The body of {@code POST /api/communities/{c}/expert-reviews} (and of the invitation form): the
 * expert's login, the period, and optionally the chosen published pages (slugs).
 */
public record Invitation(String expert, Period period, List<String> pages) {
  static final int MAX_PAGES = 100;

  public Invitation {
    pages = List.copyOf(pages);
  }

  /** Reads and checks the body, every problem at once (422). */
  public static Invitation from(JsonInput in, ZoneId zone) {
    String expert = in.requiredText("expert", 64);
    Period period = Period.read(in, zone);
    List<String> pages = in.optionalTextList("pages", MAX_PAGES, 200);
    if (pages != null) {
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < pages.size(); i++) {
        if (!seen.add(Slugs.key(pages.get(i)))) {
          in.reject("pages[" + i + "]", "expert_page_repeated", pages.get(i));
        }
      }
    }
    in.validate();
    return new Invitation(expert, period, pages == null ? List.of() : pages);
  }
}
