package dev.syncopate.runtime.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syncopate.runtime.CancelledError;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class EventSemaphoreBarrierTest extends LoopTestBase {

  // ---- Event ----

  @Test
  void eventSetWakesWaitersThroughTheReadyQueue() {
    Event event = new Event();
    List<Integer> order = new ArrayList<>();
    run(() -> {
      Future<Void> a = event.await().thenRun(() -> order.add(1));
      Future<Void> b = event.await().thenRun(() -> order.add(2));
      Future<Void> cancelled = event.await();
      cancelled.cancel();
      assertEquals(2, event.statistics().waiters());
      event.set();
      order.add(3); // asyncio's [3, 1, 2]: wake-ups never run inline
      assertTrue(event.await().isDone());
      return a.thenCompose(v -> b);
    });
    assertEquals(List.of(3, 1, 2), order);
    assertEquals(new EventStatistics(true, 0), event.statistics());
    run(() -> {
      event.clear();
      assertFalse(event.isSet());
      assertFalse(event.await().isDone());
      return loop.completedFuture(null);
    });
  }

  // ---- Semaphores ----

  @Test
  void semaphoreReservesReleasedPermitsForWokenWaiters() {
    AsyncSemaphore sem = new AsyncSemaphore(1);
    run(() -> {
      assertTrue(sem.acquire().isDone());
      Future<Void> waiter = sem.acquire().thenRun(() -> steps.expect(2));
      assertTrue(sem.isLocked());
      sem.release(); // the permit goes to the waiter, which has not run yet
      steps.expect(1);
      assertTrue(sem.isLocked(), "a reserved permit is not free");
      assertEquals(new SemaphoreStatistics(0, true, 0), sem.statistics());
      assertFalse(sem.tryAcquire());
      return waiter.thenRun(sem::release);
    });
    steps.finish(3);
    assertEquals(new SemaphoreStatistics(1, false, 0), sem.statistics());
  }

  @Test
  void semaphoreWaiterCancelledAfterItsPermitReturnsIt() {
    AsyncSemaphore sem = new AsyncSemaphore(0);
    run(() -> {
      Task<Void> first = loop.createTask(() -> sem.acquire());
      Task<Void> second = loop.createTask(() -> sem.acquire());
      return loop.yieldNow().thenCompose(v -> {
        sem.release();
        first.cancel();
        return second;
      }).thenCompose(v -> first.handle((x, failure) -> failure));
    });
    assertEquals(new SemaphoreStatistics(0, true, 0), sem.statistics());
  }

  @Test
  void semaphoreAllowsExtraReleasesButBoundedRefusesThem() {
    AsyncSemaphore sem = new AsyncSemaphore(1);
    AsyncBoundedSemaphore bounded = new AsyncBoundedSemaphore(1);
    run(() -> {
      sem.release();
      assertEquals(2, sem.statistics().value());
      IllegalStateException error = assertThrows(IllegalStateException.class, bounded::release);
      assertTrue(error.getMessage().contains("bounded semaphore"), error.getMessage());
      assertTrue(bounded.tryAcquire());
      bounded.release();
      return bounded.withPermit(() -> {
        assertEquals(0, bounded.statistics().value());
        return loop.completedFuture(null);
      });
    });
    assertEquals(1, bounded.statistics().value());
    assertThrows(IllegalArgumentException.class, () -> new AsyncSemaphore(-1));
  }

  // ---- Barrier ----

  @Test
  void barrierReleasesARoundWithArrivalIndexes() {
    Barrier barrier = new Barrier(3);
    List<Integer> indexes = run(() -> {
      Future<Integer> a = barrier.await();
      Future<Integer> b = barrier.await();
      assertEquals(2, barrier.waiting());
      Future<Integer> c = barrier.await();
      assertEquals(Barrier.State.DRAINING, barrier.statistics().state());
      Future<Integer> nextRound = barrier.await(); // blocked until the round has left
      assertFalse(nextRound.isDone());
      return a.thenCompose(x -> b.thenCompose(y -> c.thenApply(z -> {
        assertEquals(Barrier.State.FILLING, barrier.statistics().state());
        assertEquals(1, barrier.waiting(), "the blocked arrival was counted in");
        barrier.abort();
        return List.of(x, y, z);
      }))).thenCompose(list -> nextRound.handle((v, failure) -> {
        assertTrue(failure instanceof BrokenBarrierError, String.valueOf(failure));
        return list;
      }));
    });
    assertEquals(List.of(0, 1, 2), indexes);
    assertTrue(barrier.isBroken());
  }

  @Test
  void brokenBarrierFailsUntilReset() {
    Barrier barrier = new Barrier(2);
    run(() -> {
      barrier.abort();
      return barrier.await().handle((v, failure) -> {
        assertTrue(failure instanceof BrokenBarrierError);
        barrier.reset();
        assertFalse(barrier.isBroken());
        return null;
      }).thenCompose(v -> {
        Future<Integer> a = barrier.await();
        return barrier.await().thenCompose(y -> a);
      });
    });
    assertEquals(new BarrierStatistics(2, 0, Barrier.State.FILLING), barrier.statistics());
  }

  @Test
  void resetFailsTheWaitersOfTheRound() {
    Barrier barrier = new Barrier(3);
    run(() -> {
      Future<Integer> a = barrier.await();
      barrier.reset();
      assertEquals(Barrier.State.RESETTING, barrier.statistics().state());
      return a.handle((v, failure) -> {
        assertTrue(failure instanceof BrokenBarrierError);
        return null;
      });
    });
    assertEquals(Barrier.State.FILLING, barrier.statistics().state());
  }

  @Test
  void cancelledWaiterLeavesWithoutBreakingOrCompletingTheRound() {
    Barrier barrier = new Barrier(2);
    run(() -> {
      Future<Integer> leaver = barrier.await();
      leaver.cancel();
      Future<Integer> a = barrier.await(); // the cancelled waiter is not counted
      assertFalse(a.isDone());
      assertFalse(barrier.isBroken());
      return barrier.await().thenCompose(b -> a.thenApply(x -> {
        assertTrue(leaver.isCancelled());
        return null;
      }));
    });
    assertEquals(new BarrierStatistics(2, 0, Barrier.State.FILLING), barrier.statistics());
    assertThrows(IllegalArgumentException.class, () -> new Barrier(0));
  }

  @Test
  void cancellingTheTaskOfAWaiterDeliversCancelledError() {
    Barrier barrier = new Barrier(2);
    Throwable failure = run(() -> {
      Task<Integer> task = loop.createTask(barrier::await);
      return loop.yieldNow().thenCompose(v -> {
        task.cancel();
        return task.handle((x, f) -> f);
      });
    });
    assertTrue(failure instanceof CancelledError);
    assertEquals(0, barrier.waiting());
  }
}
