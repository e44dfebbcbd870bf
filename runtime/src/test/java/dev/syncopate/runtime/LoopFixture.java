package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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
}
