package ru.metodichka.structure;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import ru.metodichka.community.Slugs;
import ru.metodichka.error.AppError;

/**
 * A whole tree as a client sends it, {@code [{"slug", "children": […]}]}, checked for its shape:
 * every node an object with a slug, children a list, no deeper than {@link
 * StructureTree#MAX_DEPTH}. Every problem is collected, named by where it is ({@code
 * [0].children[1].slug}), and reported at once (422). Whether the slugs name pages of the community
 * is the service's to check.
 */
final class TreeInput {
  private TreeInput() {}

  /** A node as sent: the slug, where it was (for errors) and the nodes under it. */
  record Requested(String slug, String field, List<Requested> children) {}

  static List<Requested> parse(JsonArray body) {
    List<AppError.FieldError> errors = new ArrayList<>();
    List<Requested> tree = nodes(body, "", 1, errors);
    if (!errors.isEmpty()) {
      throw AppError.invalid(errors);
    }
    return tree;
  }

  private static List<Requested> nodes(
      JsonArray array, String prefix, int depth, List<AppError.FieldError> errors) {
    List<Requested> nodes = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      String at = prefix + "[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject node)) {
        errors.add(new AppError.FieldError(at, "not_object"));
        continue;
      }
      Requested parsed = node(node, at, depth, errors);
      if (parsed != null) {
        nodes.add(parsed);
      }
    }
    return nodes;
  }

  private static Requested node(
      JsonObject node, String at, int depth, List<AppError.FieldError> errors) {
    Object slug = node.getValue("slug");
    String slugField = at + ".slug";
    if (slug == null) {
      errors.add(new AppError.FieldError(slugField, "required"));
    } else if (!(slug instanceof String)) {
      errors.add(new AppError.FieldError(slugField, "not_string"));
    } else if (((String) slug).length() > Slugs.MAX_LENGTH * 4) {
      errors.add(new AppError.FieldError(slugField, "too_long", Slugs.MAX_LENGTH));
    }
    Object children = node.getValue("children");
    String childrenField = at + ".children";
    List<Requested> under = List.of();
    if (children != null && !(children instanceof JsonArray)) {
      errors.add(new AppError.FieldError(childrenField, "not_array"));
    } else if (children instanceof JsonArray list && !list.isEmpty()) {
      if (depth >= StructureTree.MAX_DEPTH) {
        errors.add(
            new AppError.FieldError(childrenField, "structure_too_deep", StructureTree.MAX_DEPTH));
      } else {
        under = nodes(list, childrenField, depth + 1, errors);
      }
    }
    return slug instanceof String s ? new Requested(s, slugField, under) : null;
  }
}
