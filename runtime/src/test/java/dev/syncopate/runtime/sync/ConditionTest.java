package dev.syncopate.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syncopate.runtime.CancelledError;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ConditionTest extends LoopTestBase {
  private final Condition cond = new Condition();

  /** A task that takes the lock, waits once, records the outcome with the lock state, releases. */
  private Task<Void> waiter(AtomicReference<Throwable> outcome, Runnable onSignal) {
    return loop.createTask(() -> cond.acquire()
        .thenCompose(v -> cond.await())
        .handle((v, failure) -> {
          assertTrue(cond.isLocked(), "the lock is held before anything propagates");
          outcome.set(failure);
          if (failure == null) {
            onSignal.run();
          }
          cond.release();
          if (failure != null) {
            throw (CancelledError) failure;
          }
          return null;
        }));
  }

  @Test
  void awaitAndSignalNeedTheLock() {
    run(() -> {
      assertThrows(IllegalStateException.class, cond::await);
      assertThrows(IllegalStateException.class, cond::signal);
      assertThrows(IllegalStateException.class, cond::signalAll);
      assertThrows(IllegalArgumentException.class, () -> cond.signal(-1));
      return loop.completedFuture(null);
    });
  }

  @Test
  void signalWakesWaitersInOrderEachHoldingTheLock() {
    AtomicReference<Throwable> a = new AtomicReference<>();
    AtomicReference<Throwable> b = new AtomicReference<>();
    AtomicReference<Throwable> c = new AtomicReference<>();
    run(() -> {
      Task<Void> first = waiter(a, () -> steps.expect(2));
      Task<Void> second = waiter(b, () -> steps.expect(3));
      Task<Void> third = waiter(c, steps::unreached);
      return loop.yieldNow().thenCompose(v -> loop.yieldNow()).thenCompose(v -> cond.acquire())
          .thenCompose(v -> {
            assertEquals(3, cond.statistics().waiters());
            cond.signal(2);
            steps.expect(1);
            cond.release();
            return first.thenCompose(x -> second);
          }).thenCompose(v -> {
            assertEquals(1, cond.statistics().waiters());
            third.cancel();
            return third.handle((x, failure) -> failure);
          });
    });
    steps.finish(4);
    assertTrue(c.get() instanceof CancelledError);
    assertFalse(cond.isLocked());
    assertEquals(0, cond.statistics().waiters());
  }

  @Test
  void cancellationWaitsForTheLockAndPropagatesTheSameInstance() {
    AtomicReference<Throwable> seen = new AtomicReference<>();
    AtomicReference<Task<Void>> task = new AtomicReference<>();
    run(() -> {
      task.set(waiter(seen, steps::unreached));
      return loop.yieldNow().thenCompose(v -> loop.yieldNow())
          .thenCompose(v -> cond.acquire()) // the main task now holds the lock
          .thenCompose(v -> {
            assertTrue(task.get().cancel("stop"));
            return loop.yieldNow().thenCompose(x -> loop.yieldNow()).thenCompose(x -> loop.yieldNow());
          }).thenCompose(v -> {
            assertFalse(task.get().isDone(), "cancellation waits for the lock");
            assertEquals(1, cond.lock().statistics().waiters(), "re-acquiring");
            steps.expect(1);
            cond.release();
            return task.get().handle((x, failure) -> failure);
          });
    });
    steps.finish(2);
    assertTrue(seen.get() instanceof CancelledError);
    assertEquals("stop", seen.get().getMessage());
    assertTrue(task.get().isCancelled());
    assertSame(seen.get(), assertThrows(CancelledError.class, task.get()::exception));
    assertFalse(cond.isLocked());
  }

  @Test
  void signalledWaiterThatIsCancelledPassesTheSignalOn() {
    AtomicReference<Throwable> a = new AtomicReference<>();
    AtomicReference<Throwable> b = new AtomicReference<>();
    run(() -> {
      Task<Void> first = waiter(a, steps::unreached);
      Task<Void> second = waiter(b, () -> steps.expect(2));
      return loop.yieldNow().thenCompose(v -> loop.yieldNow()).thenCompose(v -> cond.acquire())
          .thenCompose(v -> {
            cond.signal(); // first is signalled ...
            first.cancel(); // ... and cancelled while it still needs the lock
            first.cancel();
            steps.expect(1);
            cond.release();
            return second;
          });
    });
    steps.finish(3);
    assertTrue(a.get() instanceof CancelledError);
    assertEquals(null, b.get());
    assertFalse(cond.isLocked());
  }

  @Test
  void cancelledAfterReacquiringPassesTheSignalOn() {
    AtomicReference<Throwable> a = new AtomicReference<>();
    AtomicReference<Throwable> b = new AtomicReference<>();
    run(() -> {
      Task<Void> first = waiter(a, steps::unreached);
      Task<Void> second = waiter(b, () -> steps.expect(1));
      return loop.yieldNow().thenCompose(v -> loop.yieldNow()).thenCompose(v -> cond.acquire())
          .thenCompose(v -> {
            cond.signal();
            cond.release();
            // first's signal callback re-acquires the free lock in the next iteration, before
            // this callback; the cancellation then lands while first holds the lock again but
            // its await() has not completed yet.
            loop.callSoon(() -> {
              assertTrue(cond.isLocked());
              first.cancel();
            });
            return second;
          });
    });
    steps.finish(2);
    assertTrue(a.get() instanceof CancelledError);
    assertFalse(cond.isLocked());
  }

  @Test
  void waitForChecksThePredicateAfterEachSignal() {
    int[] value = {0};
    int[] checks = {0};
    run(() -> {
      Future<Void> waiting = cond.withLock(() -> cond.waitFor(() -> {
        checks[0]++;
        return value[0] == 2;
      }));
      return loop.yieldNow().thenCompose(v -> cond.withLock(() -> {
        value[0] = 1;
        cond.signalAll();
        return loop.completedFuture(null);
      })).thenCompose(v -> loop.yieldNow()).thenCompose(v -> cond.withLock(() -> {
        value[0] = 2;
        cond.signalAll();
        return loop.completedFuture(null);
      })).thenCompose(v -> waiting);
    });
    assertEquals(3, checks[0]);
    assertFalse(cond.isLocked());
  }

  @Test
  void predicateFailureReachesTheCallerWithTheLockHeld() {
    IllegalStateException boom = new IllegalStateException("boom");
    Throwable failure = run(() -> cond.acquire()
        .thenCompose(v -> cond.waitFor(() -> {
          throw boom;
        }))
        .handle((v, f) -> {
          assertTrue(cond.isLocked());
          cond.release();
          return f;
        }));
    assertSame(boom, failure);
  }

  @Test
  void repeatedCancellationDuringReacquisitionStillWaitsForTheLock() {
    AtomicReference<Throwable> seen = new AtomicReference<>();
    AtomicReference<Task<Void>> task = new AtomicReference<>();
    run(() -> {
      task.set(waiter(seen, steps::unreached));
      return loop.yieldNow().thenCompose(v -> loop.yieldNow())
          .thenCompose(v -> cond.acquire())
          .thenCompose(v -> {
            task.get().cancel("first");
            return loop.yieldNow();
          }).thenCompose(v -> {
            task.get().cancel("second");
            return loop.yieldNow().thenCompose(x -> loop.yieldNow());
          }).thenCompose(v -> {
            assertFalse(task.get().isDone());
            cond.release();
            return task.get().handle((x, failure) -> failure);
          });
    });
    assertTrue(seen.get() instanceof CancelledError);
    assertEquals(2, task.get().cancelling());
    assertFalse(cond.isLocked());
    assertEquals(new ConditionStatistics(0, new LockStatistics(false, 0)), cond.statistics());
  }

  @Test
  void conditionsCanShareALock() {
    Lock lock = new Lock();
    Condition other = new Condition(lock);
    assertSame(lock, other.lock());
    assertThrows(NullPointerException.class, () -> new Condition(null));
  }
}
