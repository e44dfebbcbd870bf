package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A failure nobody retrieved is reported exactly once: at garbage collection or at close. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UnretrievedFailureTest {
  private final LoopFixture fixture = new LoopFixture();
  private final EventLoop loop = fixture.loop;
  private final IllegalStateException boom = new IllegalStateException("boom");

  @Test
  void unretrievedFailureIsReportedAtCloseExactlyOnce() {
    Future<String> future = loop.failedFuture(boom);
    loop.close();
    loop.close();
    assertEquals(1, fixture.errors.size(), fixture.errors::toString);
    LoopError report = fixture.errors.get(0);
    assertSame(boom, report.exception());
    assertTrue(report.message().contains("never retrieved"), report.message());
    assertTrue(report.message().contains(future.toString()), report.message());
  }

  @Test
  void failedTaskNobodyAwaitedIsReported() {
    loop.createTask("careless", () -> loop.sleep(Duration.ofSeconds(1)).thenApply(v -> {
      throw boom;
    }));
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(2)));
    loop.close();
    assertEquals(1, fixture.errors.size(), fixture.errors::toString);
    assertSame(boom, fixture.errors.get(0).exception());
    assertTrue(fixture.errors.get(0).message().contains("careless"), fixture.errors.get(0).message());
  }

  @Test
  void retrievedFailuresAreNotReported() {
    assertThrows(IllegalStateException.class, loop.failedFuture(boom)::result);
    loop.failedFuture(boom).exception();
    Future<String> awaited = loop.failedFuture(boom);
    assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(awaited));
    fixture.closeCleanly();
  }

  @Test
  void cancelledFuturesAreNeverReported() {
    loop.createFuture().cancel("nobody cares");
    Task<Void> task = loop.createTask(() -> loop.sleep(Duration.ofHours(1)));
    loop.callLater(Duration.ofSeconds(1), task::cancel);
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(2)));
    assertTrue(task.isCancelled());
    fixture.closeCleanly();
  }

  @Test
  void consumedFailuresAreNotReported() {
    loop.failedFuture(boom).exceptionally(f -> "recovered");
    loop.failedFuture(boom).handle((v, f) -> "handled");
    loop.failedFuture(boom).exceptionallyCompose(f -> loop.completedFuture("again"));
    loop.<String>failedFuture(boom).addDoneCallback(Future::exception);
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(1)));
    fixture.closeCleanly();
  }

  @Test
  void whenCompleteCountsAsHavingSeenTheFailure() {
    int[] seen = {0};
    loop.failedFuture(boom).whenComplete((v, f) -> seen[0]++);
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(1)));
    assertEquals(1, seen[0]);
    fixture.closeCleanly();
  }

  @Test
  void aThenApplyChainReportsOnceAtItsEnd() {
    Future<String> end = loop.<String>failedFuture(boom)
        .thenApply(v -> v + 1)
        .thenApply(v -> v + 2)
        .thenCompose(v -> loop.completedFuture(v + 3));
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(1)));
    loop.close();
    assertEquals(1, fixture.errors.size(), fixture.errors::toString);
    assertSame(boom, fixture.errors.get(0).exception());
    assertTrue(fixture.errors.get(0).message().contains(end.toString()), fixture.errors.get(0).message());
  }

  @Test
  void failureOfAFutureCollectedUnretrievedIsReportedWithoutClosing() throws Exception {
    dropAFailedFuture();
    // Best effort: garbage collection is not under the test's control; the cap is generous.
    for (int attempt = 0; attempt < 200 && fixture.errors.isEmpty(); attempt++) {
      System.gc();
      Thread.sleep(5);
      loop.callSoon(() -> {});
      loop.runOnce();
    }
    assertEquals(1, fixture.errors.size(), "reported once the future was collected");
    assertSame(boom, fixture.errors.get(0).exception());
    loop.close();
    assertEquals(1, fixture.errors.size(), "not reported a second time at close");
  }

  /** Leaves a failed stage that nothing references once this method returns. */
  private void dropAFailedFuture() {
    loop.<String>failedFuture(boom).thenApply(v -> v);
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(1)));
  }
}
