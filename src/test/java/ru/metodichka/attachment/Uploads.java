package ru.metodichka.attachment;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import ru.metodichka.Api;

/** Multipart uploads of attachments, as a browser's form or script sends them. */
public final class Uploads {
  public static final String BOUNDARY = "----metodichka-test-boundary";

  private Uploads() {}

  public static String list(String community, String slug) {
    return Api.page(community, slug, "attachments");
  }

  public static String file(String community, String slug, String name, String... rest) {
    String[] segments = new String[2 + rest.length];
    segments[0] = "attachments";
    segments[1] = name;
    System.arraycopy(rest, 0, segments, 2, rest.length);
    return Api.page(community, slug, segments);
  }

  public static Api.Response upload(
      Api api, String token, String community, String slug, String name, byte[] content) {
    return api.send(
        HttpMethod.POST,
        list(community, slug),
        token,
        body(name, content),
        "multipart/form-data; boundary=" + BOUNDARY,
        Map.of());
  }

  public static Buffer body(String name, byte[] content) {
    String escaped = name.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
    Buffer body = Buffer.buffer();
    body.appendString("--" + BOUNDARY + "\r\n", "UTF-8");
    body.appendString(
        "Content-Disposition: form-data; name=\"file\"; filename=\"" + escaped + "\"\r\n", "UTF-8");
    body.appendString("Content-Type: application/octet-stream\r\n\r\n", "UTF-8");
    body.appendBytes(content);
    body.appendString("\r\n--" + BOUNDARY + "--\r\n", "UTF-8");
    return body;
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
