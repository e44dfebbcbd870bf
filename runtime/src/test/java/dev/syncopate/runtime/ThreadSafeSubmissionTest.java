package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * callSoonThreadSafe wakes a loop blocked in its selector and loses nothing. Real system clock;
 * no timing assertions, only completion and counts.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ThreadSafeSubmissionTest {
  private static final int THREADS = 8;
  private static final int PER_THREAD = 5_000;

  @Test
  void eightThreadsWakeTheSleepingLoopWithoutLosingACallback() throws Exception {
    List<LoopError> errors = new ArrayList<>();
    EventLoop loop = EventLoop.builder().exceptionHandler((l, e) -> errors.add(e)).build();
    int[] lastSequence = new int[THREADS];
    int[] perThread = new int[THREADS];
    int[] outOfOrder = {0};
    int[] total = {0};
    Thread[] loopThread = new Thread[1];
    loop.callSoon(() -> loopThread[0] = Thread.currentThread());
    List<Thread> producers = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int producer = t;
      lastSequence[producer] = -1;
      producers.add(LoopFixture.whenRunning(loop, "producer-" + t, () -> {
        for (int i = 0; i < PER_THREAD; i++) {
          int sequence = i;
          loop.callSoonThreadSafe(() -> {
            assertSame(loopThread[0], Thread.currentThread());
            if (sequence <= lastSequence[producer]) {
              outOfOrder[0]++;
            }
            lastSequence[producer] = sequence;
            perThread[producer]++;
            if (++total[0] == THREADS * PER_THREAD) {
              loop.stop();
            }
          });
          // Pause now and then so that the loop drains everything and goes back to sleep.
          if (i % 500 == 499) {
            LoopFixture.sleepQuietly(1);
          }
        }
      }));
    }
    loop.runForever();
    for (Thread thread : producers) {
      thread.join();
    }
    assertEquals(THREADS * PER_THREAD, total[0]);
    for (int t = 0; t < THREADS; t++) {
      assertEquals(PER_THREAD, perThread[t], "callbacks of producer " + t);
    }
    assertEquals(0, outOfOrder[0], "each thread's callbacks run in submission order");
    loop.close();
    assertTrue(errors.isEmpty(), errors::toString);
  }

  @Test
  void aSingleSubmissionWakesALoopBlockedWithoutTimers() throws Exception {
    EventLoop loop = EventLoop.create();
    for (int round = 0; round < 50; round++) {
      int expected = round;
      int[] ran = {-1};
      Thread waker = LoopFixture.whenRunning(loop, "waker", () -> {
        if (expected % 2 == 0) {
          LoopFixture.sleepQuietly(1);
        }
        loop.callSoonThreadSafe(() -> {
          ran[0] = expected;
          loop.stop();
        });
      });
      loop.runForever();
      waker.join();
      assertEquals(round, ran[0]);
    }
    loop.close();
  }

  @Test
  void stopFromAnotherThreadStopsTheSleepingLoop() throws Exception {
    EventLoop loop = EventLoop.create();
    Thread stopper = LoopFixture.whenRunning(loop, "stopper", loop::stop);
    loop.runForever();
    stopper.join();
    loop.close();
  }

  @Test
  void callSoonThreadSafeFromTheLoopThreadActsLikeCallSoon() {
    LoopFixture fixture = new LoopFixture();
    Steps steps = new Steps();
    fixture.loop.callSoonThreadSafe(() -> steps.expect(1));
    fixture.loop.callSoon(() -> steps.expect(2));
    fixture.loop.runOnce();
    steps.finish(3);
    fixture.closeCleanly();
  }

  @Test
  void aCallbackHandleCancelledFromAnotherThreadIsSkippedAndCancellingRacesLoseNothing()
      throws Exception {
    EventLoop loop = EventLoop.create();
    int[] ran = new int[1];
    Handle[] handle = new Handle[1];
    Thread other = new Thread(() -> {
      handle[0] = loop.callSoonThreadSafe(() -> ran[0]++);
      handle[0].cancel();
    });
    other.start();
    other.join();
    loop.callSoonThreadSafe(loop::stop);
    loop.runForever();
    assertEquals(0, ran[0], "cancelled on another thread before its turn: skipped");
    assertTrue(handle[0].cancelled());

    // While the running loop is busy in another callback: callbacks posted and cancelled from
    // another thread before their turn are skipped, the others run.
    CountDownLatch allPosted = new CountDownLatch(1);
    int[] gated = new int[100];
    loop.callSoonThreadSafe(() -> {
      Thread poster = new Thread(() -> {
        postCancellingOddOnesThenStop(loop, gated);
        allPosted.countDown();
      });
      poster.start();
      try {
        allPosted.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    loop.runForever();
    for (int i = 0; i < gated.length; i++) {
      assertEquals(i % 2 == 0 ? 1 : 0, gated[i], "gated callback " + i);
    }

    // Racing the running loop: every callback that was not cancelled runs exactly once, and a
    // cancelled one at most once (only if the loop had started it already).
    int count = 20_000;
    int[] runs = new int[count];
    Thread producer = LoopFixture.whenRunning(loop, "canceller",
        () -> postCancellingOddOnesThenStop(loop, runs));
    loop.runForever();
    producer.join();
    for (int i = 0; i < count; i++) {
      if (i % 2 == 0) {
        assertEquals(1, runs[i], "callback " + i + " was not cancelled");
      } else {
        assertTrue(runs[i] <= 1, "callback " + i + " ran " + runs[i] + " times");
      }
    }
    loop.close();
  }

  /**
   * From the calling thread, posts one callback per slot of {@code runs} (each counts its runs in
   * its slot), cancels every odd one right after posting it, then posts the loop's stop.
   */
  private static void postCancellingOddOnesThenStop(EventLoop loop, int[] runs) {
    for (int i = 0; i < runs.length; i++) {
      int index = i;
      Handle posted = loop.callSoonThreadSafe(() -> runs[index]++);
      if (i % 2 == 1) {
        posted.cancel();
      }
    }
    loop.callSoonThreadSafe(loop::stop);
  }
}
