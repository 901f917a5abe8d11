package ru.metodichka.render;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Decides what a page's reference to one of its files becomes: {@code
 * ![подпись](attachment:схема.png)} (an image) or {@code [текст](attachment:план.pdf)} (a link).
 * Supplied by the caller per render, like {@link WikiLinkResolver}: the renderer never builds file
 * URLs itself, and whatever it is given still goes through the sanitizer.
 *
 * <p>The name is the file's name on the page as written after {@value #SCHEME}, in any case;
 * percent-escapes are decoded, so a name with spaces or brackets is written with them escaped
 * ({@code attachment:план%20урока.png}: the renderer takes no spaces in a destination, not even in
 * angle brackets) and any name may be written fully encoded ({@code
 * attachment:%D1%81%D1%85%D0%B5%D0%BC%D0%B0.png}).
 */
@FunctionalInterface
public interface AttachmentResolver {
  /** What precedes a file's name in a link or image destination. */
  String SCHEME = "attachment:";

  /** For texts that belong to no page (comments, plans): every file reference is missing. */
  AttachmentResolver NONE = name -> Resolution.missing();

  /**
   * Resolves one file by its name as written (decoded); called once per reference, on the rendering
   * thread; must not return null. Compare names by their {@link #key}.
   */
  Resolution resolve(String name);

  /**
   * Whether a text may refer to files at all: a quick test that spares the texts that do not (most)
   * any lookup of the page's files. The scheme is written in lower case, as the editor inserts it.
   */
  static boolean mayReferToFiles(String markdown) {
    return markdown.contains(SCHEME);
  }

  /**
   * The name a destination refers to ({@code attachment:…}), decoded; null when it is not a file
   * reference.
   */
  static String name(String destination) {
    if (destination == null || !destination.startsWith(SCHEME)) {
      return null;
    }
    String raw = destination.substring(SCHEME.length());
    try {
      // '+' is a plus in a file name, not a space.
      raw = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // A lone '%' is part of the name as written.
    }
    String name = raw.strip();
    return name.isEmpty() ? null : name;
  }

  /**
   * A name as a Markdown destination: {@value #SCHEME} and the name, its spaces, brackets,
   * backslashes and percent signs escaped ({@code attachment:план%20урока.png}).
   */
  static String destination(String name) {
    StringBuilder out = new StringBuilder(SCHEME);
    name.codePoints()
        .forEach(
            c -> {
              if (Character.isWhitespace(c) || "()<>[]%\\".indexOf(c) >= 0) {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                  out.append('%').append(String.format("%02X", b & 0xff));
                }
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /**
   * How names are compared: as the attachments store them (unique ignoring case, in Unicode's
   * composed form), so {@code Схема.PNG} finds {@code схема.png}.
   */
  static String key(String name) {
    return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
  }

  /**
   * What a reference becomes.
   *
   * @param kind an image shown from its preview, a link to the file, or a missing file
   * @param href the file's address (a link, and what an image leads to); null when missing
   * @param src the address of the image shown (a preview at most a page's width); null otherwise
   * @param width the width the image is shown at, in pixels, or null when unknown
   * @param height its height, or null
   */
  record Resolution(Kind kind, String href, String src, Integer width, Integer height) {
    public static Resolution image(String href, String src, Integer width, Integer height) {
      return new Resolution(Kind.IMAGE, href, src, width, height);
    }

    /** A file that is not shown as an image (a document, or an image that cannot be shown). */
    public static Resolution file(String href) {
      return new Resolution(Kind.FILE, href, null, null, null);
    }

    /** No such file on the page (or none its reader may see). */
    public static Resolution missing() {
      return new Resolution(Kind.MISSING, null, null, null, null);
    }
  }

  /** The three things a file reference can become. */
  enum Kind {
    IMAGE,
    FILE,
    MISSING
  }
}
