package ru.metodichka.attachment;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;

/**
 * The child JVM that reads the text of one file with Apache Tika: {@code java -Xmx… -cp <the
 * server's class path> ru.metodichka.attachment.ExtractMain FILE MAX_CHARS}. The text goes to
 * standard output in UTF-8, cut at {@code MAX_CHARS}; a failure to standard error with exit status
 * 2. Run apart from the server so that whatever a hostile file does to the parser (eats the heap,
 * loops, crashes the JVM) ends this process only: {@link TextExtractor} caps its memory, kills it
 * at the time limit and records the outcome.
 */
public final class ExtractMain {
  private ExtractMain() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int maxChars = Integer.parseInt(args[1]);
    Writer out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    BodyContentHandler handler = new BodyContentHandler(new LimitedWriter(out, maxChars));
    // Embedded documents (pictures in a .docx, files in a PDF) are not parsed: no Parser in the
    // context. Tika's AutoDetectParser guards against zip bombs and XML entity expansion itself.
    ParseContext context = new ParseContext();
    try (InputStream in = TikaInputStream.get(file)) {
      new AutoDetectParser().parse(in, handler, new Metadata(), context);
    } catch (Exception e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e) && !full(e)) {
        out.flush();
        System.err.println(e);
        System.exit(2);
      }
    }
    out.flush();
    System.exit(0);
  }

  private static boolean full(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Full) {
        return true;
      }
    }
    return false;
  }

  /** Thrown when the text reached its cap: what was read is kept. */
  static final class Full extends RuntimeException {
    Full() {
      super("text cap reached", null, false, false);
    }
  }

  /** Writes at most {@code max} characters, then stops the parse. */
  private static final class LimitedWriter extends Writer {
    private final Writer out;
    private long left;

    LimitedWriter(Writer out, long max) {
      this.out = out;
      this.left = max;
    }

    @Override
    public void write(char[] chars, int off, int len) throws java.io.IOException {
      int take = (int) Math.min(len, left);
      out.write(chars, off, take);
      left -= take;
      if (left <= 0) {
        throw new Full();
      }
    }

    @Override
    public void flush() throws java.io.IOException {
      out.flush();
    }

    @Override
    public void close() throws java.io.IOException {
      out.flush();
    }
  }
}
