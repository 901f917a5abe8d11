package ru.metodichka.web;

import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;

/** Redirects after a form: 303, so the browser follows with a GET and a reload posts nothing. */
public final class Redirect {
  private Redirect() {}

  /** Ends the response with 303 to a path of this site (Cyrillic slugs percent-encoded). */
  public static void seeOther(RoutingContext ctx, String path) {
    ctx.response().setStatusCode(303).putHeader("Location", encoded(path)).end();
  }

  /** Percent-encodes the bytes a header may not carry raw, leaving ASCII as written. */
  public static String encoded(String path) {
    StringBuilder out = new StringBuilder(path.length() + 16);
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      if (b < 0x21 || b > 0x7e) {
        out.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)));
        out.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      } else {
        out.append((char) b);
      }
    }
    return out.toString();
  }
}
