package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 10,000 concurrent tasks, each with up to three nested timeouts, a body that completes (through
 * a timer or a plain future), an optional external cancellation, and an optional body that
 * swallows cancellation. Event times are distinct per task except that nested deadlines may tie
 * (both scopes then expire in one iteration), so every outcome is predictable:
 *
 * <ul>
 *   <li>body first: its value;
 *   <li>a deadline first: {@link TimeoutError} (or "swallowed" if the body catches it), and the
 *       task's {@code cancelling()} back to 0;
 *   <li>the external cancel first: the task is cancelled with {@code cancelling() == 1} (or
 *       completes with "swallowed" if the body catches it).
 * </ul>
 *
 * <p>Also: every task ends, none stays in {@code allTasks()}, nothing reaches the loop's
 * exception handler, and the virtual clock ends at the latest event.
 */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
class TimeoutStressTest extends VirtualLoopTest {
  private static final int TASKS = 10_000;

  private enum Expect {
    VALUE,
    TIMEOUT,
    CANCELLED,
    SWALLOWED
  }

  private record Scenario(long body, long[] deadlines, long cancelAt, boolean swallow,
      boolean plainFuture, Expect expect) {}

  private static Scenario scenario(Random random) {
    List<Long> times = new ArrayList<>();
    while (times.size() < 5) {
      long t = 1 + random.nextInt(1_000);
      if (!times.contains(t)) {
        times.add(t);
      }
    }
    int depth = random.nextInt(4);
    long[] deadlines = new long[depth];
    for (int i = 0; i < depth; i++) {
      deadlines[i] = times.get(2 + i);
    }
    if (depth >= 2 && random.nextInt(4) == 0) {
      deadlines[depth - 1] = deadlines[0]; // inner and outer expire in the same iteration
    }
    long body = times.get(0);
    long cancelAt = random.nextInt(3) == 0 ? times.get(1) : Long.MAX_VALUE;
    boolean swallow = random.nextInt(5) == 0;
    long firstDeadline = Long.MAX_VALUE;
    for (long deadline : deadlines) {
      firstDeadline = Math.min(firstDeadline, deadline);
    }
    Expect expect;
    if (body < firstDeadline && body < cancelAt) {
      expect = Expect.VALUE;
    } else if (swallow) {
      expect = Expect.SWALLOWED;
    } else {
      expect = firstDeadline < cancelAt ? Expect.TIMEOUT : Expect.CANCELLED;
    }
    return new Scenario(body, deadlines, cancelAt, swallow, random.nextBoolean(), expect);
  }

  private Future<String> body(Scenario scenario) {
    Future<String> inner;
    if (scenario.plainFuture()) {
      Future<String> plain = loop.createFuture();
      loop.callLater(Duration.ofMillis(scenario.body()), () -> {
        if (!plain.isDone()) {
          plain.setResult("v");
        }
      });
      inner = plain;
    } else {
      inner = loop.sleep(Duration.ofMillis(scenario.body()), "v");
    }
    if (!scenario.swallow()) {
      return inner;
    }
    return inner.exceptionally(failure -> {
      if (failure instanceof CancelledError) {
        return "swallowed";
      }
      throw Throwables.sneakyThrow(failure);
    });
  }

  private Future<String> nested(Scenario scenario, int level) {
    if (level == scenario.deadlines().length) {
      return body(scenario);
    }
    return Aio.timeoutAt(loop.time() + Duration.ofMillis(scenario.deadlines()[level]).toNanos(),
        () -> nested(scenario, level + 1));
  }

  @Test
  void randomNestedTimeoutsCancellationsAndCompletions() {
    Random random = new Random(20261122L);
    List<Scenario> scenarios = new ArrayList<>(TASKS);
    List<Task<String>> tasks = new ArrayList<>(TASKS);
    long latest = 0;
    for (int i = 0; i < TASKS; i++) {
      Scenario scenario = scenario(random);
      scenarios.add(scenario);
      Task<String> task = loop.createTask(() -> nested(scenario, 0));
      tasks.add(task);
      if (scenario.cancelAt() != Long.MAX_VALUE) {
        loop.callLater(Duration.ofMillis(scenario.cancelAt()), task::cancel);
      }
      latest = Math.max(latest, Math.max(scenario.body(),
          scenario.cancelAt() == Long.MAX_VALUE ? 0 : scenario.cancelAt()));
    }
    List<Outcome<String>> outcomes = runTask(() -> Aio.gatherOutcomes(tasks));
    loop.runUntilComplete(loop.sleep(Duration.ofMillis(1_001)));

    int[] counts = new int[Expect.values().length];
    for (int i = 0; i < TASKS; i++) {
      Scenario scenario = scenarios.get(i);
      Outcome<String> outcome = outcomes.get(i);
      Task<String> task = tasks.get(i);
      String where = "task " + i + " " + scenario + " -> " + outcome;
      assertTrue(task.isDone(), where);
      counts[scenario.expect().ordinal()]++;
      switch (scenario.expect()) {
        case VALUE -> {
          assertEquals("v", outcome.value(), where);
          assertEquals(0, task.cancelling(), where);
        }
        case SWALLOWED -> {
          assertEquals("swallowed", outcome.value(), where);
          boolean cancelledFirst = scenario.cancelAt() < min(scenario.deadlines());
          assertEquals(cancelledFirst ? 1 : 0, task.cancelling(), where);
        }
        case TIMEOUT -> {
          assertInstanceOf(TimeoutError.class, outcome.failure(), where);
          assertInstanceOf(CancelledError.class, outcome.failure().getCause(), where);
          assertFalse(task.isCancelled(), where);
          assertEquals(0, task.cancelling(), where);
        }
        case CANCELLED -> {
          assertTrue(task.isCancelled(), where);
          assertEquals(1, task.cancelling(), where);
        }
      }
    }
    for (int count : counts) {
      assertTrue(count > TASKS / 50, () -> "every kind of outcome occurs: " + java.util.Arrays.toString(counts));
    }
    assertTrue(loop.allTasks().isEmpty(), () -> "left: " + loop.allTasks().size());
    assertTrue(errors.isEmpty(), () -> "reported: " + errors.subList(0, Math.min(5, errors.size())));
    assertTrue(loop.time() >= Duration.ofMillis(latest).toNanos());
  }

  private static long min(long[] values) {
    long min = Long.MAX_VALUE;
    for (long value : values) {
      min = Math.min(min, value);
    }
    return min;
  }
}
