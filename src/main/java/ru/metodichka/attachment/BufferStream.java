package ru.metodichka.attachment;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * Bytes already in memory as a stream, for callers that made a file themselves (the demo, an
 * import): delivered in slices of 64 KB, honouring pause and resume. Synchronous: call {@link
 * #resume} on the context the reader expects.
 */
final class BufferStream implements ReadStream<Buffer> {
  private static final int SLICE = 64 * 1024;
  private final Buffer bytes;
  private Handler<Buffer> handler;
  private Handler<Void> endHandler;
  private int position;
  private boolean paused = true;
  private boolean ended;
  private boolean delivering;

  BufferStream(Buffer bytes) {
    this.bytes = bytes;
  }

  @Override
  public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  @Override
  public ReadStream<Buffer> handler(Handler<Buffer> handler) {
    this.handler = handler;
    return this;
  }

  @Override
  public ReadStream<Buffer> pause() {
    paused = true;
    return this;
  }

  @Override
  public ReadStream<Buffer> resume() {
    paused = false;
    deliver();
    return this;
  }

  @Override
  public ReadStream<Buffer> fetch(long amount) {
    return resume();
  }

  @Override
  public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
    this.endHandler = endHandler;
    return this;
  }

  private void deliver() {
    if (delivering) {
      return;
    }
    delivering = true;
    try {
      while (!paused && position < bytes.length()) {
        int end = Math.min(bytes.length(), position + SLICE);
        Buffer slice = bytes.getBuffer(position, end);
        position = end;
        if (handler != null) {
          handler.handle(slice);
        }
      }
      if (!paused && position >= bytes.length() && !ended) {
        ended = true;
        if (endHandler != null) {
          endHandler.handle(null);
        }
      }
    } finally {
      delivering = false;
    }
  }
}
