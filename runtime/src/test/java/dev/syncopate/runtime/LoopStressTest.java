package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One million callbacks from four threads while the loop schedules and cancels timers at random.
 * Invariants: every callback runs exactly once, in order per producer; no cancelled timer fires;
 * every timer not cancelled fires exactly once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class LoopStressTest {
  private static final int PRODUCERS = 4;
  private static final int PER_PRODUCER = 250_000;
  private static final int TOTAL = PRODUCERS * PER_PRODUCER;
  private static final int MAX_TIMERS = 200_000;

  private static final byte SCHEDULED = 1;
  private static final byte CANCELLED = 2;
  private static final byte FIRED = 3;

  // Loop-confined state: only callbacks and timers touch it.
  private final byte[] runs = new byte[TOTAL];
  private final int[] lastSequence = new int[PRODUCERS];
  private final byte[] timerStates = new byte[MAX_TIMERS];
  private final List<TimerHandle> live = new ArrayList<>();
  private final List<Integer> liveIds = new ArrayList<>();
  private final SplittableRandom random = new SplittableRandom(20261122);
  private int callbacksRun;
  private int timersCreated;
  private int outstandingTimers;
  private int violations;
  private boolean producersDone;

  private final List<LoopError> errors = new ArrayList<>();
  private final EventLoop loop = EventLoop.builder().exceptionHandler((l, e) -> errors.add(e)).build();
  private final Future<Void> finished = loop.createFuture();

  @Test
  void millionCallbacksAndRandomTimersKeepTheirInvariants() throws Exception {
    java.util.Arrays.fill(lastSequence, -1);
    List<Thread> producers = new ArrayList<>();
    for (int p = 0; p < PRODUCERS; p++) {
      int producer = p;
      Thread thread = new Thread(() -> {
        for (int i = 0; i < PER_PRODUCER; i++) {
          int sequence = i;
          loop.callSoonThreadSafe(() -> onCallback(producer, sequence));
        }
      }, "stress-producer-" + p);
      producers.add(thread);
    }
    loop.callSoon(this::churnTimers);
    producers.forEach(Thread::start);
    loop.runUntilComplete(finished);
    for (Thread thread : producers) {
      thread.join();
    }

    assertEquals(TOTAL, callbacksRun);
    for (int id = 0; id < TOTAL; id++) {
      if (runs[id] != 1) {
        throw new AssertionError("callback " + id + " ran " + runs[id] + " times");
      }
    }
    assertEquals(0, violations, "cancelled timers that fired, or timers that fired twice");
    int fired = 0;
    int cancelled = 0;
    for (int id = 0; id < timersCreated; id++) {
      assertTrue(timerStates[id] == FIRED || timerStates[id] == CANCELLED,
          "timer " + id + " neither fired nor was cancelled");
      fired += timerStates[id] == FIRED ? 1 : 0;
      cancelled += timerStates[id] == CANCELLED ? 1 : 0;
    }
    assertTrue(fired > 0 && cancelled > 0, "both paths exercised: fired " + fired + ", cancelled " + cancelled);
    loop.close();
    assertTrue(errors.isEmpty(), errors::toString);
  }

  private void onCallback(int producer, int sequence) {
    int id = producer * PER_PRODUCER + sequence;
    runs[id]++;
    if (sequence <= lastSequence[producer]) {
      violations++;
    }
    lastSequence[producer] = sequence;
    if (++callbacksRun == TOTAL) {
      producersDone = true;
      checkFinished();
    }
  }

  /** Every millisecond while producers run: schedule a few timers and cancel a few live ones. */
  private void churnTimers() {
    if (producersDone) {
      checkFinished();
      return;
    }
    for (int i = 0; i < 20 && timersCreated < MAX_TIMERS; i++) {
      int id = timersCreated++;
      timerStates[id] = SCHEDULED;
      outstandingTimers++;
      long delayMicros = random.nextLong(-500, 3_000);
      live.add(loop.callLater(Duration.ofNanos(delayMicros * 1_000), () -> onTimer(id)));
      liveIds.add(id);
    }
    for (int i = 0; i < 7 && !live.isEmpty(); i++) {
      int index = random.nextInt(live.size());
      TimerHandle handle = swapRemove(live, index);
      int id = swapRemove(liveIds, index);
      if (timerStates[id] == SCHEDULED) {
        handle.cancel();
        timerStates[id] = CANCELLED;
        outstandingTimers--;
      }
    }
    loop.callLater(Duration.ofMillis(1), this::churnTimers);
  }

  private void onTimer(int id) {
    if (timerStates[id] != SCHEDULED) {
      violations++;
      return;
    }
    timerStates[id] = FIRED;
    outstandingTimers--;
    checkFinished();
  }

  private void checkFinished() {
    if (producersDone && outstandingTimers == 0 && finished.isPending()) {
      finished.setResult(null);
    }
  }

  private static <T> T swapRemove(List<T> list, int index) {
    T removed = list.get(index);
    T last = list.remove(list.size() - 1);
    if (index < list.size()) {
      list.set(index, last);
    }
    return removed;
  }
}
