package ru.metodichka.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.ResponseValidator;
import io.vertx.openapi.validation.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import ru.metodichka.Api;
import ru.metodichka.TestApp;

/**
 * The OpenAPI document as the server serves it, loaded into Vert.x's response validator, plus a
 * record of which (operation, status) pairs real responses have been checked for.
 *
 * <p>Vert.x OpenAPI 5.0 accepts only a few media types (JSON, HAL, multipart, octet-stream, plain
 * text) and refuses to load a document declaring {@code application/problem+json}. So the validator
 * is given a copy in which problem documents are declared as {@code application/json}, YAML as
 * {@code text/plain} and Word documents, spreadsheets, CSV and PDF files and raster images as
 * {@code application/octet-stream}; the content type of each real response is checked here against
 * the served document itself, and its body by the validator against the same schema.
 */
final class ServedContract {
  private static final Map<String, String> VALIDATED_AS =
      Map.ofEntries(
          Map.entry("application/problem+json", "application/json"),
          Map.entry("application/yaml", "text/plain"),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              "application/octet-stream"),
          Map.entry(
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              "application/octet-stream"),
          Map.entry("text/csv", "application/octet-stream"),
          Map.entry("application/pdf", "application/octet-stream"),
          Map.entry("image/png", "application/octet-stream"),
          Map.entry("image/jpeg", "application/octet-stream"),
          Map.entry("image/gif", "application/octet-stream"),
          Map.entry("image/webp", "application/octet-stream"));

  private final JsonObject served;
  private final OpenAPIContract contract;
  private final ResponseValidator validator;
  private final Map<String, Set<Integer>> checked = new TreeMap<>();

  private ServedContract(JsonObject served, OpenAPIContract contract, ResponseValidator validator) {
    this.served = served;
    this.contract = contract;
    this.validator = validator;
  }

  /** Fetches {@code /api/openapi.yaml} from the running server and loads it. */
  static ServedContract load(Vertx vertx, TestApp app) {
    Api.Response response = app.api().get("/api/openapi.yaml", null);
    assertThat(response.status()).as("GET /api/openapi.yaml status").isEqualTo(200);
    assertThat(response.contentType())
        .as("GET /api/openapi.yaml type")
        .startsWith("application/yaml");
    Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(response.text());
    JsonObject served = new JsonObject(Json.encode(yaml));
    String origin = "http://127.0.0.1:" + app.app().port();
    OpenAPIContract contract = OpenAPIContract.from(vertx, validatable(served, origin)).await();
    return new ServedContract(served, contract, ResponseValidator.create(vertx, contract));
  }

  /**
   * A copy of the document the validator accepts: media types renamed (see above), paths with a
   * parameter that does not fill its segment given one ({@link #forVertx}), and server URLs
   * resolved against the origin the document came from, as OpenAPI defines relative ones (Vert.x
   * 5.0 refuses relative URLs: eclipse-vertx/vertx-openapi#99).
   */
  private static JsonObject validatable(JsonObject served, String origin) {
    JsonObject copy = served.copy();
    JsonObject paths = new JsonObject();
    copy.getJsonObject("paths").forEach(p -> paths.put(forVertx(p.getKey()), p.getValue()));
    copy.put("paths", paths);
    copy.getJsonArray("servers")
        .forEach(s -> ((JsonObject) s).put("url", origin + ((JsonObject) s).getString("url")));
    List<JsonObject> responses = new ArrayList<>();
    copy.getJsonObject("paths")
        .forEach(
            path ->
                ((JsonObject) path.getValue())
                    .forEach(
                        op -> {
                          if (op.getValue() instanceof JsonObject o && o.containsKey("responses")) {
                            o.getJsonObject("responses")
                                .forEach(r -> responses.add((JsonObject) r.getValue()));
                          }
                        }));
    copy.getJsonObject("components")
        .getJsonObject("responses")
        .forEach(r -> responses.add((JsonObject) r.getValue()));
    for (JsonObject response : responses) {
      JsonObject content = response.getJsonObject("content");
      if (content == null) {
        continue;
      }
      VALIDATED_AS.forEach(
          (type, as) -> {
            if (content.containsKey(type)) {
              // Several types may stand for one only when declared alike (binary images).
              Object declared = content.remove(type);
              assertThat(!content.containsKey(as) || content.getValue(as).equals(declared))
                  .as("both %s and %s declared, differently", type, as)
                  .isTrue();
              content.put(as, declared);
            }
          });
    }
    return copy;
  }

  /**
   * Vert.x OpenAPI 5.0 wants a path parameter to fill its whole segment, which OpenAPI does not ask
   * ({@code /api/orders/{id}.docx}): the validator's copy has {@code /api/orders/{id}/.docx}.
   */
  private static String forVertx(String path) {
    return path.replace("}.", "}/.");
  }

  /** The path of an operation as the served document (and the server) has it. */
  static String path(Operation op) {
    return op.getOpenAPIPath().replace("}/.", "}.");
  }

  OpenAPIContract contract() {
    return contract;
  }

  /** "METHOD /path" of every operation in the document. */
  Set<String> routes() {
    Set<String> routes = new TreeSet<>();
    contract.operations().forEach(op -> routes.add(op.getHttpMethod() + " " + path(op)));
    return routes;
  }

  /**
   * Asserts that the operation answered {@code status}, then that the response (status, content
   * type, headers, body) is one the served document declares for it. Returns the JSON body (empty
   * when there is none).
   */
  JsonObject expect(String operationId, int status, Api.Response response) {
    Operation op = contract.operation(operationId);
    assertThat(op).as("operation %s in the contract", operationId).isNotNull();
    String call = operationId + " (" + op.getHttpMethod() + " " + path(op) + ")";
    assertThat(response.status()).as("%s answered %s", call, brief(response)).isEqualTo(status);
    JsonObject declared = declaredResponse(op, status);
    assertThat(declared)
        .as("%s: status %d is not declared in the contract", call, status)
        .isNotNull();
    String type = mediaType(response.contentType());
    JsonObject content = declared.getJsonObject("content", new JsonObject());
    if (content.isEmpty()) {
      assertThat(response.text())
          .as("%s %d: the contract declares no body", call, status)
          .isEmpty();
    } else {
      assertThat(content.fieldNames())
          .as("%s %d: Content-Type %s must be one the contract declares", call, status, type)
          .contains(type);
    }
    validate(call, operationId, response, type);
    checked.computeIfAbsent(operationId, k -> new TreeSet<>()).add(status);
    boolean json = type.endsWith("json") && response.body() != null && response.body().length() > 0;
    return json ? response.json() : new JsonObject();
  }

  private void validate(String call, String operationId, Api.Response response, String type) {
    // Vert.x 5.0 reads a string header value as JSON when it is more than one word, so one with
    // quotes (WWW-Authenticate: Bearer realm="…") cannot be read (see eclipse-vertx/vertx-openapi
    // #114). Passed as JSON string literals, values reach the schemas exactly as sent.
    Map<String, String> headers = new HashMap<>();
    response
        .headers()
        .names()
        .forEach(
            name ->
                headers.put(
                    name.toLowerCase(Locale.ROOT), Json.encode(response.headers().get(name))));
    String as = VALIDATED_AS.getOrDefault(type, type);
    headers.put("content-type", Json.encode(as));
    Buffer body = response.body();
    ValidatableResponse validatable =
        body == null || body.length() == 0
            ? ValidatableResponse.create(response.status(), headers)
            : ValidatableResponse.create(response.status(), headers, body, as);
    try {
      validator.validate(validatable, operationId).await();
    } catch (RuntimeException e) {
      throw new AssertionError(
          call
              + " answered "
              + brief(response)
              + "\nwhich the contract does not allow: "
              + e.getMessage(),
          e);
    }
  }

  /** The response object the served document declares for a status, its $ref resolved. */
  private JsonObject declaredResponse(Operation op, int status) {
    JsonObject response = responses(op).getJsonObject(String.valueOf(status));
    if (response != null && response.containsKey("$ref")) {
      String name = response.getString("$ref").replace("#/components/responses/", "");
      response = served.getJsonObject("components").getJsonObject("responses").getJsonObject(name);
    }
    return response;
  }

  /** The operation's responses object in the served document. */
  private JsonObject responses(Operation op) {
    return served
        .getJsonObject("paths")
        .getJsonObject(path(op))
        .getJsonObject(op.getHttpMethod().name().toLowerCase(Locale.ROOT))
        .getJsonObject("responses");
  }

  /** Status, content type and the start of the body, for assertion messages. */
  private static String brief(Api.Response response) {
    String text = response.text();
    return response.status()
        + " "
        + response.contentType()
        + " "
        + (text.length() > 600 ? text.substring(0, 600) + "…" : text);
  }

  private static String mediaType(String contentType) {
    return contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
  }

  /** Declared statuses no real response was checked for, by operation, but the exempt ones. */
  Map<String, Set<Integer>> unchecked(Set<Integer> exempt) {
    Map<String, Set<Integer>> missing = new TreeMap<>();
    for (Operation op : contract.operations()) {
      Set<Integer> statuses = new TreeSet<>();
      responses(op).fieldNames().forEach(s -> statuses.add(Integer.valueOf(s)));
      statuses.removeAll(exempt);
      statuses.removeAll(checked.getOrDefault(op.getOperationId(), Set.of()));
      if (!statuses.isEmpty()) {
        missing.put(op.getOperationId(), statuses);
      }
    }
    return missing;
  }

  /** Operations no response was checked for. */
  Set<String> unexercised() {
    Set<String> ids = new TreeSet<>();
    contract.operations().forEach(op -> ids.add(op.getOperationId()));
    ids.removeAll(checked.keySet());
    return ids;
  }
}
