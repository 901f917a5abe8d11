package ru.metodichka.structure;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ru.metodichka.Api;

/** Reading and replacing a community's structure through the API, for tests. */
final class Structures {
  private final Api api;
  private final String community;

  Structures(Api api, String community) {
    this.api = api;
    this.community = community;
  }

  String path() {
    return "/api" + Api.path("communities", community, "structure");
  }

  Api.Response get(String token) {
    return api.get(path(), token);
  }

  Api.Response put(String token, JsonArray tree) {
    return put(token, tree, Map.of());
  }

  Api.Response put(String token, JsonArray tree, Map<String, String> headers) {
    return api.send(HttpMethod.PUT, path(), token, tree.toBuffer(), "application/json", headers);
  }

  /** Replaces the tree, asserting success; the structure as it is now. */
  JsonObject replace(String token, JsonArray tree) {
    var response = put(token, tree);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response.json();
  }

  /** A node: {@code node("a", node("b"))}. */
  static JsonObject node(String slug, JsonObject... children) {
    JsonArray under = new JsonArray();
    for (JsonObject child : children) {
      under.add(child);
    }
    return new JsonObject().put("slug", slug).put("children", under);
  }

  static JsonArray tree(JsonObject... nodes) {
    JsonArray tree = new JsonArray();
    for (JsonObject node : nodes) {
      tree.add(node);
    }
    return tree;
  }

  /** The tree as lines "depth:slug" in order, to compare in one assertion. */
  static List<String> outline(JsonArray nodes) {
    List<String> lines = new ArrayList<>();
    outline(nodes, 0, lines);
    return lines;
  }

  private static void outline(JsonArray nodes, int depth, List<String> lines) {
    for (int i = 0; i < nodes.size(); i++) {
      JsonObject node = nodes.getJsonObject(i);
      lines.add(depth + ":" + node.getString("slug"));
      outline(node.getJsonArray("children"), depth + 1, lines);
    }
  }

  static List<String> slugs(JsonArray nodes) {
    List<String> slugs = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      slugs.add(nodes.getJsonObject(i).getString("slug"));
    }
    return slugs;
  }
}
