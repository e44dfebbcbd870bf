package dev.syncopate.runtime.sync;

import static dev.syncopate.runtime.sync.StressSupport.maybeCancelLater;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.LoopError;
import dev.syncopate.runtime.Task;
import dev.syncopate.runtime.VirtualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 10,000 lock users and 10,000 semaphore users under random task cancellation and random
 * acquisition timeouts. Invariants: the lock is never held twice, the semaphore never hands out
 * more than its permits, every user that acquired released, and nobody is left waiting.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LockStressTest {
  private static final int USERS = 10_000;
  private static final int PERMITS = 3;
  private static final int WINDOW_MS = 2_000;

  private final List<LoopError> errors = new ArrayList<>();
  private final EventLoop loop = EventLoop.builder()
      .clock(new VirtualClock()).exceptionHandler((l, e) -> errors.add(e)).build();

  /**
   * Users of withLock, in start order, for the monkey. Raw acquire/thenCompose users are left
   * alone: cancelling the stage after a successful acquire() and before its step would leave the
   * lock held, the gap withLock closes (see Lock's documentation).
   */
  private final List<Task<?>> withLockUsers = new ArrayList<>();

  private int lockHolders;
  private int maxLockHolders;
  private int permitHolders;
  private int maxPermitHolders;
  private int lockBodies;
  private int lockReleases;

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void lockAndSemaphoreSurviveRandomCancellation(long seed) {
    Random random = new Random(seed);
    Lock lock = new Lock();
    AsyncSemaphore sem = new AsyncBoundedSemaphore(PERMITS);
    loop.runUntilComplete(loop.createTask(() -> {
      List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < USERS; i++) {
        all.add(lockUser(random, lock, i));
        all.add(semaphoreUser(random, sem));
      }
      Future<Void> allDone = StressSupport.settled(loop, all);
      StressSupport.watchdog(loop, allDone, Duration.ofMinutes(10));
      StressSupport.monkey(loop, random, withLockUsers, allDone);
      return allDone;
    }));
    loop.runUntilComplete(loop.yieldNow()); // done callbacks of withLock release here
    loop.close();
    assertTrue(errors.isEmpty(), () -> errors.size() + " loop errors, first: " + errors.get(0));
    assertEquals(1, maxLockHolders, "the lock was held by two users at once");
    assertTrue(maxPermitHolders <= PERMITS && maxPermitHolders > 1, "max " + maxPermitHolders);
    assertEquals(lockBodies, lockReleases, "every acquisition was released");
    assertEquals(0, lockHolders);
    assertEquals(new LockStatistics(false, 0), lock.statistics());
    assertEquals(new SemaphoreStatistics(PERMITS, false, 0), sem.statistics());
  }

  /** A task using withLock, or a raw acquire with a timeout, starting about in index order. */
  private Task<?> lockUser(Random random, Lock lock, int index) {
    boolean raw = random.nextBoolean();
    int start = (int) ((long) index * WINDOW_MS / USERS) + random.nextInt(3); // in order, for the monkey
    int work = random.nextInt(3);
    Task<Void> task = loop.createTask(() -> loop.sleep(Duration.ofMillis(start)).thenCompose(v -> {
      if (!raw) {
        return lock.withLock(() -> {
          enterLock();
          return loop.sleep(Duration.ofMillis(work)).whenComplete((x, f) -> exitLock());
        });
      }
      Future<Void> acquired = lock.acquire();
      maybeCancelLater(loop, random, 30, 5, acquired); // a timeout on the acquisition
      return acquired.thenCompose(x -> {
        enterLock();
        return loop.sleep(Duration.ofMillis(work)).whenComplete((y, f) -> {
          exitLock();
          lock.release();
        });
      });
    }));
    if (!raw) {
      withLockUsers.add(task);
    }
    if (!raw && random.nextInt(100) < 30) {
      // Close to the task's start, where hand-offs to it are likely: this is what hits a waiter
      // that was handed the lock but has not run yet.
      loop.callLater(Duration.ofMillis(start + random.nextInt(4)), () -> task.cancel());
    }
    return task;
  }

  private Future<?> semaphoreUser(Random random, AsyncSemaphore sem) {
    int start = random.nextInt(WINDOW_MS);
    int work = random.nextInt(5);
    Task<Void> task = loop.createTask(() -> loop.sleep(Duration.ofMillis(start))
        .thenCompose(v -> sem.withPermit(() -> {
          permitHolders++;
          maxPermitHolders = Math.max(maxPermitHolders, permitHolders);
          return loop.sleep(Duration.ofMillis(work))
              .whenComplete((x, f) -> permitHolders--);
        })));
    if (random.nextInt(100) < 30) {
      loop.callLater(Duration.ofMillis(start + random.nextInt(6)), () -> task.cancel());
    }
    return task;
  }

  private void enterLock() {
    lockBodies++;
    lockHolders++;
    maxLockHolders = Math.max(maxLockHolders, lockHolders);
  }

  private void exitLock() {
    lockHolders--;
    lockReleases++;
  }
}
