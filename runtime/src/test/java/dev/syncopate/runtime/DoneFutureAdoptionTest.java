package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Waiting on a future that is already done does not suspend (asyncio's {@code await} on a done
 * future); yield points are the one deliberate suspension.
 */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DoneFutureAdoptionTest {
  private final EventLoop loop = EventLoop.builder().clock(new VirtualClock()).build();

  @AfterEach
  void close() {
    loop.close();
  }

  @Test
  void taskWhoseBodyReturnsADoneFutureCompletesInItsFirstStep() {
    Task<Integer> task = loop.createTask(() -> loop.completedFuture(5));
    loop.runOnce();
    assertTrue(task.isDone(), "no iteration is spent waiting on a done future");
    assertEquals(5, task.result());
  }

  @Test
  void thenComposeOfADoneFutureCompletesInTheSameStep() {
    Future<Integer> composed = loop.completedFuture(1).thenCompose(v -> loop.completedFuture(v + 1));
    loop.runOnce();
    assertTrue(composed.isDone());
    assertEquals(2, composed.result());
  }

  @Test
  void yieldPointsStillSuspendForExactlyOneIteration() {
    Task<Void> yielding = loop.createTask(loop::yieldNow);
    Task<String> sleepingZero = loop.createTask(() -> loop.sleep(Duration.ZERO, "v"));
    loop.runOnce();
    assertFalse(yielding.isDone());
    assertFalse(sleepingZero.isDone());
    loop.runOnce();
    assertTrue(yielding.isDone());
    assertEquals("v", sleepingZero.result());
  }

  @Test
  void aCancelRequestMadeInTheBodyStillWinsOverADoneFuture() {
    Task<Integer> task = loop.createTask(() -> {
      Aio.currentTask().orElseThrow().cancel("changed my mind");
      return loop.completedFuture(5);
    });
    loop.runOnce();
    assertTrue(task.isCancelled());
  }
}
