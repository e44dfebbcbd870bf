package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The I/O plumbing: channels registered with the loop's selector. Real system clock. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SelectorIoTest {
  private final List<LoopError> errors = new ArrayList<>();
  private final EventLoop loop = EventLoop.builder().exceptionHandler((l, e) -> errors.add(e)).build();
  private final Pipe pipe;

  SelectorIoTest() throws IOException {
    pipe = Pipe.open();
    pipe.source().configureBlocking(false);
  }

  @AfterEach
  void closeEverything() throws IOException {
    pipe.sink().close();
    pipe.source().close();
    loop.close();
  }

  @Test
  void handlerRunsOnTheLoopThreadWhenAnotherThreadWritesTheSink() throws Exception {
    String message = "hello from another thread";
    StringBuilder received = new StringBuilder();
    List<Thread> handlerThreads = new ArrayList<>();
    ByteBuffer buffer = ByteBuffer.allocate(64);
    loop.register(pipe.source(), SelectionKey.OP_READ, key -> {
      handlerThreads.add(Thread.currentThread());
      buffer.clear();
      int read = pipe.source().read(buffer);
      received.append(new String(buffer.array(), 0, Math.max(read, 0), StandardCharsets.UTF_8));
      if (received.length() >= message.length()) {
        key.cancel();
        loop.stop();
      }
    });
    Thread writer = new Thread(() -> {
      try {
        for (byte b : message.getBytes(StandardCharsets.UTF_8)) {
          pipe.sink().write(ByteBuffer.wrap(new byte[] {b}));
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    loop.runForever();
    writer.join();
    assertEquals(message, received.toString());
    assertTrue(!handlerThreads.isEmpty());
    for (Thread thread : handlerThreads) {
      assertSame(Thread.currentThread(), thread, "handlers run on the loop thread");
    }
    assertTrue(errors.isEmpty(), errors::toString);
  }

  @Test
  void handlerFailureIsReportedAndTheLoopGoesOn() throws Exception {
    IOException boom = new IOException("handler failed");
    loop.register(pipe.source(), SelectionKey.OP_READ, key -> {
      key.cancel();
      loop.callSoon(loop::stop);
      throw boom;
    });
    pipe.sink().write(ByteBuffer.wrap(new byte[] {1}));
    loop.runForever();
    assertEquals(1, errors.size(), errors::toString);
    assertSame(boom, errors.get(0).exception());
  }

  @Test
  void registeringOnAClosedLoopFails() {
    loop.close();
    assertThrows(LoopClosedException.class,
        () -> loop.register(pipe.source(), SelectionKey.OP_READ, key -> {}));
  }
}
