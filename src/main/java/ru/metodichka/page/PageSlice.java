package ru.metodichka.page;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One part of a community's page list, in the list's order.
 *
 * @param next where the next part starts; null when this part ends the list
 */
public record PageSlice(JsonArray items, PageCursor next) {

  /** {@code {items, next}} for the API; {@code next} is absent at the end of the list. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("items", items);
    if (next != null) {
      json.put("next", next.token());
    }
    return json;
  }
}
