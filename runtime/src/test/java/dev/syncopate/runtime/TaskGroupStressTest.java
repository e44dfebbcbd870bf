package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 3,000 concurrent task groups, each with a body and up to four children that succeed or fail at
 * distinct times, and an optional external cancellation of the parent. Invariants: the first
 * failure before the cancellation gives an {@link ExceptionGroup} holding exactly that failure
 * (later siblings are cancelled before they fail) with {@code cancelling()} back to 0; a
 * cancellation before any failure and before the end cancels the parent with one request left;
 * otherwise the body's value. Every child ends, no task is left, nothing is reported.
 */
@org.junit.jupiter.api.Timeout(value = 60, unit = TimeUnit.SECONDS)
class TaskGroupStressTest extends VirtualLoopTest {
  private static final int GROUPS = 3_000;

  private record Child(long at, boolean fails) {}

  private record Scenario(long body, List<Child> children, long cancelAt) {
    long firstFailure() {
      long first = Long.MAX_VALUE;
      for (Child child : children) {
        if (child.fails()) {
          first = Math.min(first, child.at());
        }
      }
      return first;
    }

    long end() {
      long end = body;
      for (Child child : children) {
        end = Math.max(end, child.at());
      }
      return end;
    }
  }

  private static Scenario scenario(Random random) {
    List<Long> times = new ArrayList<>();
    while (times.size() < 6) {
      long t = 1 + random.nextInt(1_000);
      if (!times.contains(t)) {
        times.add(t);
      }
    }
    List<Child> children = new ArrayList<>();
    int count = random.nextInt(5);
    for (int i = 0; i < count; i++) {
      children.add(new Child(times.get(2 + i), random.nextInt(3) == 0));
    }
    long cancelAt = random.nextInt(3) == 0 ? times.get(1) : Long.MAX_VALUE;
    return new Scenario(times.get(0), children, cancelAt);
  }

  @Test
  void randomGroupsWithFailuresAndCancellations() {
    Random random = new Random(7_2026L);
    List<Scenario> scenarios = new ArrayList<>();
    List<Task<String>> parents = new ArrayList<>();
    List<Task<?>> children = new ArrayList<>();
    for (int i = 0; i < GROUPS; i++) {
      Scenario scenario = scenario(random);
      scenarios.add(scenario);
      int index = i;
      Task<String> parent = loop.createTask(() -> Aio.taskGroup(group -> {
        for (Child child : scenario.children()) {
          children.add(group.createTask(() -> loop.sleep(Duration.ofMillis(child.at()))
              .thenApply(v -> {
                if (child.fails()) {
                  throw new IllegalStateException("child of " + index + " at " + child.at());
                }
                return "child";
              })));
        }
        return loop.sleep(Duration.ofMillis(scenario.body()), "body " + index);
      }));
      parents.add(parent);
      if (scenario.cancelAt() != Long.MAX_VALUE) {
        loop.callLater(Duration.ofMillis(scenario.cancelAt()), parent::cancel);
      }
    }
    List<Outcome<String>> outcomes = runTask(() -> Aio.gatherOutcomes(parents));
    loop.runUntilComplete(loop.sleep(Duration.ofMillis(1_001)));

    int[] kinds = new int[3];
    for (int i = 0; i < GROUPS; i++) {
      Scenario scenario = scenarios.get(i);
      Outcome<String> outcome = outcomes.get(i);
      Task<String> parent = parents.get(i);
      String where = "group " + i + " " + scenario + " -> " + outcome;
      long failure = scenario.firstFailure();
      if (failure < scenario.cancelAt()) {
        ExceptionGroup group = assertInstanceOf(ExceptionGroup.class, outcome.failure(), where);
        assertEquals(1, group.exceptions().size(), where);
        assertTrue(group.exceptions().get(0).getMessage().endsWith(" at " + failure), where);
        assertEquals(0, parent.cancelling(), where);
        kinds[0]++;
      } else if (scenario.cancelAt() < scenario.end()) {
        assertTrue(parent.isCancelled(), where);
        assertEquals(1, parent.cancelling(), where);
        kinds[1]++;
      } else {
        assertEquals("body " + i, outcome.value(), where);
        kinds[2]++;
      }
    }
    for (Task<?> child : children) {
      assertTrue(child.isDone());
    }
    for (int kind : kinds) {
      assertTrue(kind > GROUPS / 20, () -> java.util.Arrays.toString(kinds));
    }
    assertTrue(loop.allTasks().isEmpty(), () -> "left: " + loop.allTasks().size());
    assertTrue(errors.isEmpty(), () -> "reported: " + errors.subList(0, Math.min(5, errors.size())));
  }
}
