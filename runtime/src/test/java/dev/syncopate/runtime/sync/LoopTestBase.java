package dev.syncopate.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syncopate.runtime.AsyncCallable;
import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.LoopError;
import dev.syncopate.runtime.Steps;
import dev.syncopate.runtime.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * A loop on a virtual clock that records loop errors, and step counters, for the tests of the
 * sync and queue packages. Each test fails if the loop reported an error.
 */
public abstract class LoopTestBase {
  protected final List<LoopError> errors = new ArrayList<>();
  protected final EventLoop loop = EventLoop.builder()
      .clock(new VirtualClock()).exceptionHandler((l, e) -> errors.add(e)).build();
  protected final Steps steps = new Steps();

  @AfterEach
  void closeLoopAndCheckErrors() {
    loop.close();
    assertTrue(errors.isEmpty(), errors::toString);
  }

  /** Runs {@code body} as a task until it completes and returns its value. */
  protected <T> T run(AsyncCallable<T> body) {
    return loop.runUntilComplete(loop.createTask(body));
  }
}
