package ru.metodichka.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * What a file is, judged by its first bytes (Tika's magic numbers; the name only refines a type the
 * bytes already show, such as a .docx inside what the bytes say is a ZIP archive), never by the
 * name alone: an executable named .pdf is an executable. And how each type may be served.
 */
public final class ContentTypes {
  /** Bytes of a file's start that the detection reads. */
  public static final int HEAD = 64 * 1024;

  private static final MimeTypes TYPES = MimeTypes.getDefaultMimeTypes();

  /** Raster images a browser shows inline and a page may embed. */
  static final Set<String> IMAGES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

  /**
   * Images whose size is read and whose previews are made: the JDK's readers, and TwelveMonkeys'
   * for WebP.
   */
  static final Set<String> DECODABLE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

  /** Documents whose text is extracted and searched. */
  static final Set<String> EXTRACTABLE =
      Set.of(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
          "application/msword",
          "application/vnd.oasis.opendocument.text",
          "application/pdf",
          "application/vnd.openxmlformats-officedocument.presentationml.presentation",
          "application/vnd.ms-powerpoint",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          "application/vnd.ms-excel",
          "application/vnd.oasis.opendocument.presentation",
          "application/vnd.oasis.opendocument.spreadsheet",
          "application/rtf",
          "text/plain");

  private ContentTypes() {}

  /** The media type of a file that starts with {@code head}, named {@code name}. */
  public static String detect(byte[] head, String name) {
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
    try {
      MediaType type = TYPES.detect(new ByteArrayInputStream(head), metadata);
      return type.getBaseType().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether a browser may show it in the page's tab: raster images and plain text only. Anything
   * that can be active (HTML, SVG, XML, scripts, PDF with its JavaScript, unknown types) is a
   * download.
   */
  public static boolean inline(String type) {
    return IMAGES.contains(type) || type.equals("text/plain");
  }

  /** The Content-Type a file is served with: its own for inline types, a neutral one otherwise. */
  public static String served(String type) {
    if (type.equals("text/plain")) {
      return "text/plain; charset=utf-8";
    }
    return inline(type) ? type : "application/octet-stream";
  }

  public static boolean image(String type) {
    return IMAGES.contains(type);
  }

  public static boolean extractable(String type) {
    return EXTRACTABLE.contains(type);
  }
}
