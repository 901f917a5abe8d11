package ru.metodichka.attachment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
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
 * The long-lived child JVM that reads the text of files with Apache Tika, one after another: {@code
 * java -Xmx… -cp <the server's class path> ru.metodichka.attachment.ExtractMain}. Run apart from
 * the server so that whatever a hostile file does to the parser (eats the heap, loops, crashes the
 * JVM) ends this process only; {@link ExtractorProcess} caps its memory, kills it at the time
 * limit, records the outcome and starts a fresh one.
 *
 * <p>The protocol, in {@link DataOutputStream}'s encoding: once started, the child writes {@value
 * #READY}. Then for each job the parent writes the file's path ({@code writeUTF}) and the most
 * characters to keep ({@code writeInt}); the child answers {@value #DONE} or {@value #FAILED}
 * ({@code writeUTF}) followed by the text or the error as UTF-8 bytes ({@code writeInt} length,
 * then the bytes). The end of its standard input ends the child. Standard output carries only the
 * protocol: whatever a library prints goes to standard error, which the parent drains.
 */
public final class ExtractMain {
  static final String READY = "ready";
  static final String DONE = "done";
  static final String FAILED = "failed";

  private ExtractMain() {}

  public static void main(String[] args) throws IOException {
    DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16));
    // Libraries' prints and logging (Logback's console) go to standard error from here on.
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
    DataInputStream in =
        new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
    leaveWithParent();
    // Built once: finding the parsers is most of a cold start. The parser is thread-safe and
    // reusable; each file gets a handler, metadata and a context of its own.
    AutoDetectParser parser = new AutoDetectParser();
    out.writeUTF(READY);
    out.flush();
    while (true) {
      Path file;
      int maxChars;
      try {
        file = Path.of(in.readUTF());
        maxChars = in.readInt();
      } catch (EOFException parentClosed) {
        System.exit(0);
        return;
      }
      answer(out, extract(parser, file, maxChars));
    }
  }

  /** What one file came to: its text, or the error that stopped the parse. */
  private record Answer(String kind, String value) {}

  private static Answer extract(AutoDetectParser parser, Path file, int maxChars) {
    StringBuilder text = new StringBuilder();
    BodyContentHandler handler = new BodyContentHandler(new LimitedWriter(text, maxChars));
    // Embedded documents (pictures in a .docx, files in a PDF) are not parsed: no Parser in the
    // context. Tika's AutoDetectParser guards against zip bombs and XML entity expansion itself.
    ParseContext context = new ParseContext();
    try (InputStream stream = TikaInputStream.get(file)) {
      parser.parse(stream, handler, new Metadata(), context);
    } catch (Exception | StackOverflowError e) {
      if (!WriteLimitReachedException.isWriteLimitReached(e) && !full(e)) {
        return new Answer(FAILED, ExtractorProcess.cut(e.toString()));
      }
    }
    return new Answer(DONE, text.toString());
  }

  private static void answer(DataOutputStream out, Answer answer) throws IOException {
    byte[] bytes = answer.value().getBytes(StandardCharsets.UTF_8);
    out.writeUTF(answer.kind());
    out.writeInt(bytes.length);
    out.write(bytes);
    out.flush();
  }

  /**
   * Ends this process when its parent is gone: a parent killed outright cannot kill its child, and
   * a child looping on a hostile file would never read the end of its input.
   */
  private static void leaveWithParent() {
    ProcessHandle parent = ProcessHandle.current().parent().orElse(null);
    if (parent == null) {
      return;
    }
    Thread.ofPlatform()
        .daemon(true)
        .name("parent-watch")
        .start(
            () -> {
              while (parent.isAlive()) {
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  return;
                }
              }
              Runtime.getRuntime().halt(0);
            });
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

  /** Appends at most {@code max} characters, then stops the parse. */
  private static final class LimitedWriter extends Writer {
    private final StringBuilder out;
    private long left;

    LimitedWriter(StringBuilder out, long max) {
      this.out = out;
      this.left = max;
    }

    @Override
    public void write(char[] chars, int off, int len) {
      int take = (int) Math.min(len, left);
      out.append(chars, off, take);
      left -= take;
      if (left <= 0) {
        throw new Full();
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
