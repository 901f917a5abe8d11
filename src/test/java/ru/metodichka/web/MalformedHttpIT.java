package ru.metodichka.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.metodichka.AppExtension;
import ru.metodichka.TestApp;

/**
 * Requests that are not valid HTTP, sent as raw bytes (an HTTP client would refuse to send them):
 * each gets a problem+json answer with its status and {@code Connection: close}, and the server
 * closes the connection instead of leaving the client waiting.
 */
@ExtendWith(AppExtension.class)
class MalformedHttpIT {
  // Far longer than any of these answers takes; reaching it means the server left us hanging.
  private static final int READ_TIMEOUT_MS = 5_000;
  private static final String GOOD = "GET /api/search?q=a HTTP/1.1\r\nHost: x\r\n\r\n";
  private int port;

  @BeforeEach
  void setUp(TestApp app) {
    port = app.app().port();
  }

  @Test
  void aRawSpaceInTheRequestLineIs400AndTheConnectionIsClosed() throws IOException {
    Answer answer = exchange("GET /api/search?q=a b HTTP/1.1\r\nHost: x\r\n\r\n");
    answer.assertProblem(400, "bad_request");
  }

  @Test
  void aRawSpaceInAScreensRequestLineIsAlso400() throws IOException {
    exchange("GET /search?q=a b HTTP/1.1\r\nHost: x\r\n\r\n").assertProblem(400, "bad_request");
  }

  @Test
  void aMalformedRequestAfterAGoodOneOnTheSameConnectionIsAnsweredToo() throws IOException {
    Answer answer = exchange(GOOD + "GET /api/search?q=a b HTTP/1.1\r\nHost: x\r\n\r\n");
    assertThat(answer.text).startsWith("HTTP/1.1 200 ");
    Answer second = new Answer(answer.text.substring(answer.text.indexOf("HTTP/1.", 1)));
    second.assertProblem(400, "bad_request");
  }

  @Test
  void aRequestLineOverTheLimitIs414() throws IOException {
    String query = "a".repeat(HttpVerticle.MAX_REQUEST_LINE);
    exchange("GET /api/search?q=" + query + " HTTP/1.1\r\nHost: x\r\n\r\n")
        .assertProblem(414, "uri_too_long");
  }

  @Test
  void headersOverTheLimitAre431() throws IOException {
    String big = "X-Big: " + "a".repeat(20_000) + "\r\n";
    exchange("GET /api/search?q=a HTTP/1.1\r\nHost: x\r\n" + big + "\r\n")
        .assertProblem(431, "headers_too_large");
  }

  /** Sends the bytes and reads until the server closes the connection. */
  private Answer exchange(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(READ_TIMEOUT_MS);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
      socket.getOutputStream().flush();
      return new Answer(readToEnd(socket.getInputStream()));
    }
  }

  private static String readToEnd(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      for (int n; (n = in.read(buffer)) != -1; ) {
        out.write(buffer, 0, n);
      }
    } catch (SocketTimeoutException e) {
      fail(
          "No end of the answer within %d ms; got: %s",
          READ_TIMEOUT_MS, out.toString(StandardCharsets.UTF_8));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** One raw HTTP/1.x answer: status line, headers, body. */
  private record Answer(String text) {
    void assertProblem(int status, String code) {
      assertThat(text).matches("(?s)HTTP/1\\.[01] " + status + " .*");
      int end = text.indexOf("\r\n\r\n");
      assertThat(end).as(text).isPositive();
      String head = text.substring(0, end).toLowerCase(Locale.ROOT);
      assertThat(head).contains("\r\ncontent-type: application/problem+json");
      assertThat(head).contains("\r\nconnection: close");
      JsonObject problem = new JsonObject(text.substring(end + 4));
      assertThat(problem.getInteger("status")).isEqualTo(status);
      assertThat(problem.getString("code")).isEqualTo(code);
      assertThat(problem.getString("title")).isNotBlank();
    }
  }
}
