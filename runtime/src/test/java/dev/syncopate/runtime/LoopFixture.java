package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A loop on a {@link VirtualClock} whose exception handler records every report, for tests that
 * must prove that nothing was reported (or exactly what was).
 */
final class LoopFixture {
  final VirtualClock clock = new VirtualClock();
  final List<LoopError> errors = Collections.synchronizedList(new ArrayList<>());
  final EventLoop loop =
      EventLoop.builder().name("test-loop").clock(clock).exceptionHandler((l, e) -> errors.add(e)).build();

  /** Closes the loop and asserts that nothing went to the exception handler. */
  void closeCleanly() {
    loop.close();
    assertTrue(errors.isEmpty(), () -> "unexpected reports: " + errors);
  }

  /**
   * Starts a thread that runs {@code action} once {@code loop} has started its next run, so that
   * the action meets a running (often sleeping) loop.
   */
  static Thread whenRunning(EventLoop loop, String name, Runnable action) {
    CountDownLatch running = new CountDownLatch(1);
    loop.callSoon(running::countDown);
    Thread thread = new Thread(() -> {
      try {
        running.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      action.run();
    }, name);
    thread.start();
    return thread;
  }

  /** Sleeps for real; for tests that let a loop fall asleep, never for timing assertions. */
  static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
