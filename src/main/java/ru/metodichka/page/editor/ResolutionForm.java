package ru.metodichka.page.editor;

import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.diff.HunkChoice;
import ru.metodichka.page.SaveRequest;

/**
 * What the conflict screen posts besides the editor's fields: the revision the save settles the
 * conflict with ({@code resolvesConflictWith}) and, from the form that settles it place by place,
 * the number of places ({@code hunks}) and for each {@code choice.N} ({@code mine}, {@code theirs}
 * or {@code hand}) with {@code hand.N}, the text written by hand. The server assembles the text.
 *
 * @param resolution null when the form settles no conflict
 * @param complete false when a place has no valid choice (a browser enforces {@code required})
 */
record ResolutionForm(SaveRequest.Resolution resolution, boolean complete) {
  static final ResolutionForm NONE = new ResolutionForm(null, true);

  /**
   * @param with the revision the posted form settles the conflict with (the editor form's {@code
   *     resolvesConflictWith}), 0 for none
   */
  static ResolutionForm posted(RoutingContext ctx, int with) {
    if (with <= 0) {
      return NONE;
    }
    String hunks = field(ctx, "hunks");
    if (hunks.isBlank()) {
      return new ResolutionForm(new SaveRequest.Resolution(with, null), true);
    }
    int count = number(hunks, SaveRequest.MAX_CHOICES);
    if (count < 0) {
      return new ResolutionForm(null, false);
    }
    List<HunkChoice> choices = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      HunkChoice choice =
          switch (field(ctx, "choice." + i)) {
            case "mine" -> HunkChoice.MINE;
            case "theirs" -> HunkChoice.THEIRS;
            case "hand" -> new HunkChoice.ByHand(field(ctx, "hand." + i));
            default -> null;
          };
      if (choice == null) {
        return new ResolutionForm(null, false);
      }
      choices.add(choice);
    }
    return new ResolutionForm(new SaveRequest.Resolution(with, choices), true);
  }

  /** The choices as text, so an idempotency key vouches for them too. */
  String fingerprint() {
    if (resolution == null) {
      return "";
    }
    StringBuilder all = new StringBuilder().append(resolution.conflictWith());
    if (resolution.choices() != null) {
      for (HunkChoice choice : resolution.choices()) {
        all.append('\u0000')
            .append(
                switch (choice) {
                  case HunkChoice.Mine m -> "mine";
                  case HunkChoice.Theirs t -> "theirs";
                  case HunkChoice.ByHand hand -> "hand:" + hand.text();
                });
      }
    }
    return all.toString();
  }

  /** A whole number in [0, max], or -1. */
  private static int number(String text, int max) {
    try {
      int n = Integer.parseInt(text.strip());
      return n >= 0 && n <= max ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String field(RoutingContext ctx, String name) {
    String value = ctx.request().getFormAttribute(name);
    return value == null ? "" : value;
  }
}
