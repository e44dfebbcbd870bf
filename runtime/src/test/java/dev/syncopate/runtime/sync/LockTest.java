package dev.syncopate.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syncopate.runtime.CancelledError;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LockTest extends LoopTestBase {

  @Test
  void uncontendedAcquireIsAlreadyDoneAndReleaseUnlocks() {
    Lock lock = new Lock();
    run(() -> {
      Future<Void> first = lock.acquire();
      assertTrue(first.isDone());
      assertTrue(lock.isLocked());
      lock.release();
      assertFalse(lock.isLocked());
      assertSame(first, lock.acquire(), "the fast path shares one completed future");
      lock.release();
      return loop.completedFuture(null);
    });
    assertEquals(new LockStatistics(false, 0), lock.statistics());
  }

  @Test
  void waitersAreServedInArrivalOrder() {
    Lock lock = new Lock();
    List<Integer> order = new ArrayList<>();
    run(() -> {
      assertTrue(lock.acquire().isDone());
      List<Future<Void>> all = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        int id = i;
        all.add(lock.withLock(() -> {
          order.add(id);
          return loop.sleep(Duration.ofSeconds(1));
        }));
      }
      assertEquals(3, lock.statistics().waiters());
      lock.release();
      return all.get(2);
    });
    assertEquals(List.of(0, 1, 2), order);
    assertFalse(lock.isLocked());
  }

  @Test
  void releasingAnUnlockedLockFailsClearly() {
    Lock lock = new Lock();
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> run(() -> {
          lock.release();
          return loop.completedFuture(null);
        }));
    assertTrue(error.getMessage().contains("unlocked Lock"), error.getMessage());
  }

  @Test
  void newcomerDoesNotBargeWhileAWokenWaiterHasNotRun() {
    Lock lock = new Lock();
    run(() -> {
      lock.acquire();
      Future<Void> waiter = lock.acquire().thenRun(() -> steps.expect(2));
      lock.release();
      steps.expect(1);
      assertTrue(lock.isLocked(), "handed to the woken waiter");
      assertFalse(lock.tryAcquire());
      Future<Void> newcomer = lock.acquire().thenRun(() -> steps.expect(3));
      assertFalse(newcomer.isDone());
      return waiter.thenCompose(v -> {
        lock.release();
        return newcomer;
      }).thenRun(lock::release);
    });
    steps.finish(4);
  }

  @Test
  void wokenWaiterThatIsCancelledPassesTheLockOn() {
    Lock lock = new Lock();
    run(() -> {
      lock.acquire();
      Task<Void> first = loop.createTask(() -> lock.acquire().thenRun(steps::unreached));
      Task<Void> second = loop.createTask(() -> lock.acquire().thenRun(() -> steps.expect(2)));
      return loop.yieldNow().thenCompose(v -> {
        assertEquals(2, lock.statistics().waiters());
        lock.release(); // hands the lock to first ...
        assertTrue(first.cancel("late")); // ... which is cancelled before it runs
        steps.expect(1);
        return second;
      }).handle((v, failure) -> {
        assertTrue(first.isCancelled());
        assertTrue(lock.isLocked(), "second holds it");
        lock.release();
        return null;
      });
    });
    steps.finish(3);
    assertEquals(new LockStatistics(false, 0), lock.statistics());
  }

  @Test
  void waiterCancelledBeforeTheHandOffIsSkipped() {
    Lock lock = new Lock();
    run(() -> {
      lock.acquire();
      Future<Void> first = lock.acquire();
      Future<Void> second = lock.acquire();
      assertTrue(first.cancel());
      lock.release();
      return second.thenRun(() -> {
        assertTrue(first.isCancelled());
        lock.release();
      });
    });
    assertFalse(lock.isLocked());
  }

  @Test
  void whenEveryWaiterIsCancelledANewcomerTakesTheFreeLock() {
    Lock lock = new Lock();
    run(() -> {
      lock.acquire();
      Future<Void> waiter = lock.acquire();
      waiter.cancel();
      lock.release();
      assertFalse(lock.isLocked());
      assertTrue(lock.acquire().isDone());
      lock.release();
      return loop.completedFuture(null);
    });
  }

  @Test
  void withLockReleasesAfterFailureAndAfterCancellation() {
    Lock lock = new Lock();
    IllegalArgumentException boom = new IllegalArgumentException("boom");
    Throwable seen = assertThrows(IllegalArgumentException.class,
        () -> run(() -> lock.withLock(() -> {
          throw boom;
        })));
    assertSame(boom, seen);
    assertFalse(lock.isLocked());

    AtomicReference<Task<Void>> sleeper = new AtomicReference<>();
    run(() -> {
      sleeper.set(loop.createTask(() -> lock.withLock(() -> loop.sleep(Duration.ofHours(1)))));
      loop.callLater(Duration.ofSeconds(1), () -> sleeper.get().cancel());
      return sleeper.get().handle((v, failure) -> {
        assertTrue(failure instanceof CancelledError, String.valueOf(failure));
        return null;
      }).thenCompose(v -> loop.yieldNow());
    });
    assertFalse(lock.isLocked(), "the body's cancellation released the lock");
    assertEquals(Duration.ofSeconds(1).toNanos(), loop.time());
  }

  @Test
  void usingALockFromAnotherThreadFailsWithAClearMessage() throws Exception {
    Lock lock = new Lock();
    run(() -> lock.acquire());
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread other = new Thread(() -> {
      try {
        lock.release();
      } catch (Throwable t) {
        thrown.set(t);
      }
    });
    other.start();
    other.join();
    assertTrue(thrown.get() instanceof IllegalStateException);
    assertTrue(thrown.get().getMessage().contains("bound to event loop"), thrown.get().getMessage());
    assertTrue(lock.isLocked());
  }

  @Test
  void firstUseOutsideARunningLoopFails() {
    Lock lock = new Lock();
    assertThrows(IllegalStateException.class, lock::acquire);
  }
}
