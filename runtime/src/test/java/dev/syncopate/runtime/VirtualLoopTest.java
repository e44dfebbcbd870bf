package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the structured-concurrency tests: a loop on a {@link VirtualClock} that records what
 * reaches its exception handler; after each test the loop is closed and, unless the test
 * expected reports, nothing may have been reported.
 */
abstract class VirtualLoopTest {
  final VirtualClock clock = new VirtualClock();
  final List<LoopError> errors = new ArrayList<>();
  final EventLoop loop =
      EventLoop.builder().clock(clock).exceptionHandler((l, e) -> errors.add(e)).build();
  final Steps steps = new Steps();
  int expectedErrors;

  @AfterEach
  void closeLoopAndCheckReports() {
    if (!loop.isClosed()) {
      loop.close();
    }
    assertEquals(expectedErrors, errors.size(), () -> "reports: " + errors);
  }

  /** Runs {@code body} as a task until it completes and returns its value (or throws). */
  <T> T runTask(AsyncCallable<T> body) {
    return loop.runUntilComplete(loop.createTask(body));
  }

  static Duration seconds(long n) {
    return Duration.ofSeconds(n);
  }

  long nanos(long seconds) {
    return Duration.ofSeconds(seconds).toNanos();
  }
}
