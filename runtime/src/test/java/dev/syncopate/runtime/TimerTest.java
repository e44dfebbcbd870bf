package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Timers: deadline order, FIFO ties, cancellation, and the virtual clock. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TimerTest {
  private final LoopFixture fixture = new LoopFixture();
  private final EventLoop loop = fixture.loop;

  @Test
  void timersFireInDeadlineOrderAtTheirDeadline() {
    List<String> order = new ArrayList<>();
    List<Long> times = new ArrayList<>();
    for (int seconds : new int[] {3, 1, 2}) {
      loop.callLater(Duration.ofSeconds(seconds), () -> {
        order.add(seconds + "s");
        times.add(loop.time());
      });
    }
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(3)));
    assertEquals(List.of("1s", "2s", "3s"), order);
    assertEquals(List.of(1_000_000_000L, 2_000_000_000L, 3_000_000_000L), times);
    fixture.closeCleanly();
  }

  @Test
  void equalDeadlinesFireInSchedulingOrder() {
    Steps steps = new Steps();
    long deadline = loop.time() + 500;
    for (int i = 1; i <= 20; i++) {
      int step = i;
      loop.callAt(deadline, () -> steps.expect(step));
    }
    loop.callLater(Duration.ofNanos(500), () -> steps.expect(21));
    loop.runUntilComplete(loop.sleep(Duration.ofNanos(500)));
    steps.finish(22);
    fixture.closeCleanly();
  }

  @Test
  void cancelledTimerNeverRuns() {
    Steps steps = new Steps();
    TimerHandle cancelled = loop.callLater(Duration.ofSeconds(1), steps::unreached);
    loop.callLater(Duration.ofSeconds(2), () -> steps.expect(1));
    assertEquals(Duration.ofSeconds(1).toNanos(), cancelled.when());
    cancelled.cancel();
    cancelled.cancel();
    assertTrue(cancelled.cancelled());
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(3)));
    steps.finish(2);
    fixture.closeCleanly();
  }

  @Test
  void timerCancelledByAnEarlierCallbackOfTheSameIterationDoesNotRun() {
    Steps steps = new Steps();
    TimerHandle[] second = new TimerHandle[1];
    loop.callLater(Duration.ofSeconds(1), () -> {
      steps.expect(1);
      second[0].cancel();
    });
    second[0] = loop.callLater(Duration.ofSeconds(1), steps::unreached);
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(2)));
    steps.finish(2);
    fixture.closeCleanly();
  }

  @Test
  void cancelledTimerIsRemovedAndNoLongerMovesTheVirtualClock() throws Exception {
    loop.callLater(Duration.ofHours(1), () -> {}).cancel();
    // With nothing left to wait for, the idle loop must block for submissions rather than jump
    // the virtual clock to the cancelled timer's deadline.
    long[] seen = {-1};
    Thread submitter = LoopFixture.whenRunning(loop, "submitter", () -> {
      LoopFixture.sleepQuietly(20);
      loop.callSoonThreadSafe(() -> {
        seen[0] = loop.time();
        loop.stop();
      });
    });
    loop.runForever();
    submitter.join();
    assertEquals(0, seen[0]);
    fixture.closeCleanly();
  }

  @Test
  void zeroAndNegativeDelaysRunAfterCallbacksAlreadyReady() {
    List<String> order = new ArrayList<>();
    loop.callLater(Duration.ZERO, () -> order.add("zero"));
    loop.callLater(Duration.ofSeconds(-5), () -> order.add("negative"));
    loop.callSoon(() -> order.add("soon"));
    loop.runOnce();
    assertEquals(List.of("soon", "zero", "negative"), order);
    assertEquals(0, loop.time(), "no timer was in the future: the clock did not move");
    fixture.closeCleanly();
  }

  @Test
  void hugeDelaySaturatesInsteadOfOverflowing() {
    TimerHandle far = loop.callLater(Duration.ofSeconds(Long.MAX_VALUE), () -> {});
    assertTrue(far.when() > 0, "a deadline in the far future, not in the past");
    Steps steps = new Steps();
    loop.callLater(Duration.ofSeconds(1), () -> steps.expect(1));
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(1)));
    steps.finish(2);
    far.cancel();
    fixture.closeCleanly();
  }

  @Test
  void virtualClockJumpsToAThirtySecondTimer() {
    long[] firedAt = {-1};
    TimerHandle timer = loop.callLater(Duration.ofSeconds(30), () -> firedAt[0] = loop.time());
    long realStart = System.nanoTime();
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(30)));
    long realElapsed = System.nanoTime() - realStart;
    assertEquals(timer.when(), firedAt[0]);
    assertEquals(Duration.ofSeconds(30).toNanos(), loop.time());
    assertTrue(realElapsed < Duration.ofSeconds(30).toNanos(), "the test did not wait in real time");
    fixture.closeCleanly();
  }

  @Test
  void advanceMakesTimersDueWithoutAJump() {
    Steps steps = new Steps();
    loop.callLater(Duration.ofSeconds(3), () -> steps.expect(1));
    loop.callLater(Duration.ofSeconds(10), steps::unreached);
    fixture.clock.advance(Duration.ofSeconds(5));
    assertEquals(Duration.ofSeconds(5).toNanos(), loop.time());
    loop.callSoon(() -> {});
    loop.runOnce();
    steps.finish(2);
    assertEquals(Duration.ofSeconds(5).toNanos(), loop.time(), "no jump while work was ready");
    assertThrows(IllegalArgumentException.class, () -> fixture.clock.advance(Duration.ofNanos(-1)));
    assertThrows(IllegalArgumentException.class, () -> new VirtualClock(Duration.ofMillis(-1)));
    loop.close();
  }

  @Test
  void autoJumpWaitsForRealQuietTimeAndSubmissionsPreventTheJump() throws Exception {
    VirtualClock patient = new VirtualClock(Duration.ofSeconds(30));
    EventLoop slowJumper = EventLoop.builder().clock(patient).build();
    assertEquals(Duration.ofSeconds(30), patient.autoJumpThreshold());
    slowJumper.callLater(Duration.ofHours(1), () -> {});
    long[] seen = {-1};
    Thread submitter = LoopFixture.whenRunning(slowJumper, "submitter",
        () -> slowJumper.callSoonThreadSafe(() -> {
          seen[0] = slowJumper.time();
          slowJumper.stop();
        }));
    slowJumper.runForever();
    submitter.join();
    assertEquals(0, seen[0], "a submission inside the quiet window keeps virtual time still");
    slowJumper.close();

    VirtualClock quick = new VirtualClock(Duration.ofMillis(30));
    EventLoop quickJumper = EventLoop.builder().clock(quick).build();
    quickJumper.runUntilComplete(quickJumper.sleep(Duration.ofHours(1)));
    assertEquals(Duration.ofHours(1).toNanos(), quickJumper.time(), "jumped after real quiet");
    quickJumper.close();
  }

  @Test
  void sleepCompletesWithItsValueAndCancellingItCancelsItsTimer() {
    Future<String> value = loop.sleep(Duration.ofSeconds(2), "done");
    assertEquals("done", loop.runUntilComplete(value));
    Future<Void> cancelled = loop.sleep(Duration.ofHours(5));
    assertTrue(cancelled.cancel());
    assertFalse(cancelled.cancel());
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(1)));
    assertEquals(Duration.ofSeconds(3).toNanos(), loop.time(),
        "the clock stops at the last timer that matters");
    fixture.closeCleanly();
  }
}
