package ru.metodichka.community;

import ru.metodichka.web.JsonInput;

/** A community to create, validated. */
public record NewCommunity(String slug, String name, String task, String description) {

  /** Reads the body of {@code POST /api/communities}; 422 lists every problem. */
  public static NewCommunity from(JsonInput in) {
    String slug = in.requiredText("slug", Slugs.MAX_LENGTH);
    if (!slug.isEmpty() && !Slugs.isValid(slug)) {
      in.reject("slug", "slug");
    }
    String name = in.requiredText("name", 200);
    String task = in.requiredText("task", 2000);
    String description = in.optionalText("description", 20_000, "");
    in.validate();
    return new NewCommunity(slug, name, task, description);
  }
}
