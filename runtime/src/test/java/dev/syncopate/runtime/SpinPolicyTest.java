package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SpinPolicyTest {
  private static final boolean MULTI_CPU = Runtime.getRuntime().availableProcessors() > 1;

  @Test
  void failuresShrinkTheBudgetToAFloorButNeverToZero() {
    assumeTrue(MULTI_CPU, "spinning is off on one CPU");
    SpinPolicy policy = new SpinPolicy(256);
    for (int i = 0; i < 100; i++) {
      assertTrue(policy.begin() > 0, "a hand-off must always be able to win again");
      policy.end(false);
    }
    int floor = policy.budget();
    assertTrue(floor > 0 && floor < 256, "floor was " + floor);
    policy.begin();
    policy.end(true);
    assertTrue(policy.budget() > floor, "a win grows the budget again");
  }

  @Test
  void winsGrowTheBudgetUpToACap() {
    assumeTrue(MULTI_CPU, "spinning is off on one CPU");
    SpinPolicy policy = new SpinPolicy(32);
    int previous = policy.budget();
    for (int i = 0; i < 100; i++) {
      policy.begin();
      policy.end(true);
    }
    assertTrue(policy.budget() > previous);
    int cap = policy.budget();
    policy.begin();
    policy.end(true);
    assertEquals(cap, policy.budget(), "the budget is capped");
  }

  @Test
  void atMostAllButOneCpuSpinAtOnce() {
    assumeTrue(MULTI_CPU, "spinning is off on one CPU");
    SpinPolicy policy = new SpinPolicy(256);
    int cpus = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i < cpus - 1; i++) {
      assertTrue(policy.begin() > 0);
    }
    assertEquals(0, policy.begin(), "one more spinner than CPUs - 1 must park at once");
  }
}
