package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * Base of the structured-concurrency tests: a {@link LoopFixture} loop (virtual clock, recorded
 * reports); after each test the loop is closed and, unless the test expected reports, nothing may
 * have been reported.
 */
abstract class VirtualLoopTest {
  private final LoopFixture fixture = new LoopFixture();
  final List<LoopError> errors = fixture.errors;
  final EventLoop loop = fixture.loop;
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
