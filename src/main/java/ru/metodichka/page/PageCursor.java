package ru.metodichka.page;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import ru.metodichka.error.AppError;

/**
 * Where a part of a community's page list ends: the sort key (position, title key, id) of its last
 * page. The next part is read from after it (keyset paging), so the thousandth part costs what the
 * first does, and pages added or retitled meanwhile shift nothing. Clients get it as an opaque
 * URL-safe token ({@code next}) and send it back as {@code after}.
 */
public record PageCursor(int position, String titleKey, long id) {
  /** Before every page: the start of the list. */
  public static final PageCursor START = new PageCursor(Integer.MIN_VALUE, "", 0);

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  /** The token for {@code after}: base64url of "position:id:title key". */
  public String token() {
    String key = position + ":" + id + ":" + titleKey;
    return ENCODER.encodeToString(key.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a client sent as {@code after}; {@link #START} when absent; 400 when malformed. */
  public static PageCursor parse(String token) {
    if (token == null) {
      return START;
    }
    try {
      String key = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      String[] parts = key.split(":", 3);
      // U+0000 cannot be in a PostgreSQL text parameter; no title key has one.
      if (parts.length == 3 && parts[2].indexOf('\0') < 0) {
        return new PageCursor(Integer.parseInt(parts[0]), parts[2], Long.parseLong(parts[1]));
      }
    } catch (IllegalArgumentException e) {
      // not base64, or not numbers (NumberFormatException is one): reported below
    }
    throw AppError.badRequest("bad_cursor", "after");
  }
}
