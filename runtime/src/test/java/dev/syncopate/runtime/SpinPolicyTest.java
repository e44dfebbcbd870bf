package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SpinPolicyTest {
  private static final int CPUS = Runtime.getRuntime().availableProcessors();

  @Test
  void lossesShrinkTheBudgetToTheFloorNeverToZero() {
    assumeTrue(CPUS > 1, "spinning is off on one CPU");
    SpinPolicy policy = new SpinPolicy(SpinPolicy.MAX_SPINS);
    assertFalse(policy.spinUntil(() -> false));
    assertTrue(policy.budget() > SpinPolicy.MAX_SPINS / 2, "one loss only trims the budget");
    for (int i = 0; i < 100; i++) {
      assertFalse(policy.spinUntil(() -> false));
    }
    assertEquals(SpinPolicy.MIN_SPINS, policy.budget());
  }

  @Test
  void aWinSizesTheBudgetToWhatItNeeded() {
    assumeTrue(CPUS > 1, "spinning is off on one CPU");
    SpinPolicy policy = new SpinPolicy(SpinPolicy.MIN_SPINS);
    AtomicInteger checks = new AtomicInteger();
    assertTrue(policy.spinUntil(() -> checks.incrementAndGet() > 10));
    assertEquals(SpinPolicy.MIN_SPINS + 4 * 10, policy.budget());
    assertTrue(policy.spinUntil(() -> true));
    assertEquals(SpinPolicy.MIN_SPINS + 4 * 10, policy.budget(), "a quick win never shrinks it");
  }

  @Test
  void everyProbeSpinsTheFullBudgetSoAParkedPartnerCanBeOutlasted() {
    assumeTrue(CPUS > 1, "spinning is off on one CPU");
    SpinPolicy policy = new SpinPolicy(SpinPolicy.MIN_SPINS);
    int needed = SpinPolicy.MAX_SPINS / 8;
    int wins = 0;
    for (int wait = 1; wait <= SpinPolicy.PROBE_EVERY; wait++) {
      AtomicInteger checks = new AtomicInteger();
      if (policy.spinUntil(() -> checks.incrementAndGet() > needed)) {
        wins++;
      }
    }
    assertEquals(1, wins, "only the probe outlasts a partner slower than the floor");
    assertEquals(SpinPolicy.MIN_SPINS + 4 * needed, policy.budget());
  }

  @Test
  void onlyAllButOneCpuSpinAtOnce() throws Exception {
    assumeTrue(CPUS > 1, "spinning is off on one CPU");
    SpinPolicy policy = new SpinPolicy(SpinPolicy.MAX_SPINS);
    CountDownLatch spinning = new CountDownLatch(CPUS - 1);
    AtomicBoolean othersTried = new AtomicBoolean();
    List<Thread> holders = new ArrayList<>();
    for (int i = 0; i < CPUS - 1; i++) {
      Thread holder = new Thread(() -> policy.spinUntil(() -> {
        spinning.countDown();
        while (!othersTried.get()) {
          Thread.onSpinWait();
        }
        return true;
      }));
      holder.start();
      holders.add(holder);
    }
    spinning.await();
    AtomicInteger checks = new AtomicInteger();
    assertFalse(policy.spinUntil(() -> {
      checks.incrementAndGet();
      return false;
    }));
    assertEquals(1, checks.get(), "a thread over the limit checks once and parks");
    othersTried.set(true);
    for (Thread holder : holders) {
      holder.join();
    }
  }
}
