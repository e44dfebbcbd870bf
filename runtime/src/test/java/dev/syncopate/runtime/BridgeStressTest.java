package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 64 threads x 10,000 bridge calls on a real-clock loop, with random interrupts and timeouts.
 * Invariants: every call ends (no hung caller) with its value, a TimeoutError, or a
 * BridgeInterruptedException with the interrupt status set; no other outcome; no task is left on
 * the loop; the loop reported no error.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BridgeStressTest {
  private static final int THREADS = 64;
  private static final int CALLS = 10_000;

  @Test
  void sixtyFourThreadsWithRandomInterruptsAndTimeouts() throws Exception {
    List<LoopError> errors = new CopyOnWriteArrayList<>();
    EventLoop loop = EventLoop.builder().name("stress")
        .exceptionHandler((l, e) -> errors.add(e)).build();
    LoopBridge bridge = LoopBridge.start(loop);
    AtomicLong values = new AtomicLong();
    AtomicLong timeouts = new AtomicLong();
    AtomicLong interrupts = new AtomicLong();
    List<Throwable> violations = new CopyOnWriteArrayList<>();
    List<Thread> callers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      Thread caller = new Thread(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < CALLS; i++) {
          int expected = i;
          int kind = random.nextInt(10);
          // Drawn apart from the kind: a timeout must be able to hit a sleeping operation.
          Duration timeout = random.nextInt(10) == 0
              ? Duration.ofNanos(1 + random.nextInt(200_000)) : null;
          try {
            int value = bridge.call(() -> kind < 5 ? loop.completedFuture(expected)
                : kind < 8 ? loop.yieldNow().thenApply(ignored -> expected)
                : loop.sleep(Duration.ofNanos(random.nextInt(300_000)), expected), timeout);
            if (value != expected) {
              violations.add(new AssertionError("wrong value " + value + " for " + expected));
            }
            values.incrementAndGet();
          } catch (TimeoutError e) {
            if (timeout == null) {
              violations.add(new AssertionError("a timeout without a timeout", e));
            }
            timeouts.incrementAndGet();
          } catch (BridgeInterruptedException e) {
            if (!Thread.interrupted()) {
              violations.add(new AssertionError("interrupt status lost", e));
            }
            interrupts.incrementAndGet();
          } catch (Throwable e) {
            violations.add(e);
          }
        }
        Thread.interrupted(); // an interrupt that came after the last call
      }, "caller-" + t);
      callers.add(caller);
    }
    AtomicBoolean done = new AtomicBoolean();
    Thread interrupter = new Thread(() -> {
      ThreadLocalRandom random = ThreadLocalRandom.current();
      while (!done.get()) {
        callers.get(random.nextInt(THREADS)).interrupt();
        LockSupport.parkNanos(200_000);
      }
    }, "interrupter");
    callers.forEach(Thread::start);
    interrupter.start();
    for (Thread caller : callers) {
      caller.join(TimeUnit.SECONDS.toMillis(100));
      assertFalse(caller.isAlive(), () -> caller.getName() + " hung");
    }
    done.set(true);
    interrupter.join();
    try {
      assertTrue(violations.isEmpty(), () -> violations.size() + " violations, first: "
          + violations.get(0));
      assertEquals((long) THREADS * CALLS, values.get() + timeouts.get() + interrupts.get());
      assertTrue(interrupts.get() > 0, "interrupts happened");
      assertTrue(values.get() > 0, "values happened");
      assertTrue(timeouts.get() > 0, "timeouts happened");
      assertEquals(0, (int) bridge.invoke(() -> loop.allTasks().size()), "no leaked task");
      assertEquals(0, loop.inbox().blockedCallers(), "every caller was counted out exactly once");
    } finally {
      bridge.close();
    }
    assertTrue(errors.isEmpty(), errors::toString);
    System.out.printf("BridgeStressTest: %d values, %d timeouts, %d interrupts%n",
        values.get(), timeouts.get(), interrupts.get());
  }

  /**
   * The ending races callers that keep calling: 20 rounds of 32 threads calling until the bridge
   * closes under them. Every caller must be released (none hangs) with LoopClosedException, and
   * every call before that must have returned its own value.
   */
  @Test
  void closingWhileCallersKeepCallingReleasesEveryOne() throws Exception {
    for (int round = 0; round < 20; round++) {
      EventLoop loop = EventLoop.builder().name("closing-" + round).build();
      LoopBridge bridge = LoopBridge.start(loop);
      List<Throwable> violations = new CopyOnWriteArrayList<>();
      AtomicLong calls = new AtomicLong();
      List<Thread> callers = new ArrayList<>();
      for (int t = 0; t < 32; t++) {
        int id = t;
        Thread caller = new Thread(() -> {
          for (int i = 0; ; i++) {
            int expected = id * 1_000_000 + i;
            try {
              int value = bridge.call(() -> (expected & 1) == 0 ? loop.completedFuture(expected)
                  : loop.yieldNow().thenApply(ignored -> expected));
              if (value != expected) {
                violations.add(new AssertionError("wrong value " + value + " for " + expected));
              }
              calls.incrementAndGet();
            } catch (LoopClosedException released) {
              return;
            } catch (Throwable e) {
              violations.add(e);
              return;
            }
          }
        }, "closing-caller-" + t);
        callers.add(caller);
        caller.start();
      }
      while (calls.get() < 1_000 * (round % 4 + 1)) {
        Thread.onSpinWait();
      }
      bridge.close();
      for (Thread caller : callers) {
        caller.join(TimeUnit.SECONDS.toMillis(20));
        assertFalse(caller.isAlive(), () -> caller.getName() + " was never released");
      }
      assertTrue(violations.isEmpty(), () -> violations.size() + " violations, first: "
          + violations.get(0));
      assertEquals(0, loop.inbox().blockedCallers(), "every caller was counted out");
    }
  }

  /**
   * Threads making their first blocking call ever (so registering while they call) race a
   * bridge's close, next to a caller on another bridge: every caller of the closed bridge is
   * released, none hangs, and the other bridge's caller is left alone.
   */
  @Test
  void threadsRegisteringWhileTheBridgeClosesAreReleasedAndOtherBridgesLeftAlone()
      throws Exception {
    int rounds = 100;
    int callers = 5;
    List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    AtomicLong released = new AtomicLong();
    AtomicLong otherFinished = new AtomicLong();
    for (int round = 0; round < rounds; round++) {
      LoopBridge closing = LoopBridge.start("closing-" + round);
      LoopBridge other = LoopBridge.start("other-" + round);
      List<Thread> threads = new ArrayList<>();
      threads.add(new Thread(() -> {
        try {
          other.call(() -> other.loop().sleep(Duration.ofMillis(2)));
          otherFinished.incrementAndGet();
        } catch (Throwable e) {
          unexpected.add(e);
        }
      }));
      for (int i = 0; i < callers; i++) {
        threads.add(new Thread(() -> {
          try {
            closing.call(() -> closing.loop().createFuture()); // never completes by itself
            unexpected.add(new AssertionError("a call that never completes returned"));
          } catch (LoopClosedException expected) {
            released.incrementAndGet();
          } catch (Throwable e) {
            unexpected.add(e);
          }
        }));
      }
      threads.forEach(Thread::start);
      if (round % 2 == 1) {
        LockSupport.parkNanos(50_000); // let some callers get in first, others race the close
      }
      closing.close();
      for (Thread thread : threads) {
        thread.join(10_000);
        assertFalse(thread.isAlive(), "round " + round + ": a caller hangs: " + thread);
      }
      other.close();
    }
    assertTrue(unexpected.isEmpty(), unexpected::toString);
    assertEquals((long) rounds * callers, released.get(), "every caller of the closed bridge");
    assertEquals(rounds, otherFinished.get(), "the other bridge's caller finished normally");
  }
}
