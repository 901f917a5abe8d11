package ru.metodichka.bank;

import java.io.StringWriter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A small front to the JDK's {@link XMLStreamWriter} for the feeds and the sitemap: it escapes
 * markup, and this drops the characters XML 1.0 cannot carry at all (a control character pasted
 * into a title would otherwise make the whole document unreadable). Not thread-safe; one per
 * document.
 */
public final class Xml {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
  private final StringWriter out = new StringWriter(16384);
  private final XMLStreamWriter writer;

  public Xml() {
    try {
      writer = FACTORY.createXMLStreamWriter(out);
      writer.writeStartDocument("UTF-8", "1.0");
      writer.writeCharacters("\n");
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Opens the root element in its default namespace. */
  public Xml root(String name, String namespace) {
    try {
      writer.writeStartElement(name);
      writer.writeDefaultNamespace(namespace);
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  public Xml start(String name) {
    try {
      writer.writeStartElement(name);
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  public Xml attribute(String name, String value) {
    try {
      writer.writeAttribute(name, clean(value));
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** An element with only text in it. */
  public Xml element(String name, String text) {
    return start(name).text(text).end();
  }

  /** An element with only attributes. */
  public Xml empty(String name, String... attributes) {
    try {
      writer.writeEmptyElement(name);
      for (int i = 0; i < attributes.length; i += 2) {
        writer.writeAttribute(attributes[i], clean(attributes[i + 1]));
      }
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  public Xml text(String text) {
    try {
      writer.writeCharacters(clean(text));
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  public Xml end() {
    try {
      writer.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Closes what is still open and returns the document. */
  public String finish() {
    try {
      writer.writeEndDocument();
      writer.close();
      return out.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A time as Atom and sitemaps want it: RFC 3339 in UTC, whole seconds. */
  public static String time(OffsetDateTime time) {
    return time.withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.SECONDS)
        .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** The text without the characters XML 1.0 forbids (controls, lone surrogates, U+FFFE/FFFF). */
  static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder kept = new StringBuilder(text.length());
    text.codePoints()
        .filter(
            c ->
                c == 0x9
                    || c == 0xA
                    || c == 0xD
                    || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD)
                    || (c >= 0x10000 && c <= 0x10FFFF))
        .forEach(kept::appendCodePoint);
    return kept.toString();
  }
}
