package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Timeout(value = 10, unit = TimeUnit.SECONDS)
class ShieldTest extends VirtualLoopTest {

  @Test
  void callerIsCancelledWhileTheInnerRunsOn() {
    Task<String> inner = loop.createTask(() -> loop.sleep(seconds(3), "inner done"));
    Task<String> caller = loop.createTask(() -> Aio.shield(inner));
    loop.callLater(seconds(1), caller::cancel);
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(caller));
    assertTrue(caller.isCancelled());
    assertFalse(inner.isDone());
    assertEquals("inner done", loop.runUntilComplete(inner));
    assertEquals(nanos(3), loop.time());
    assertEquals(0, inner.cancelling());
  }

  @Test
  void shieldOfADoneFutureIsThatFuture() {
    Future<String> done = loop.completedFuture("x");
    Future<String> shielded = loop.runUntilComplete(loop.createTask(() ->
        loop.completedFuture(Aio.shield(done))));
    assertSame(done, shielded);
  }

  @Test
  void outcomesPassThrough() {
    assertEquals(5, runTask(() -> Aio.shield(loop.sleep(seconds(1), 5))));
    IllegalStateException failure = new IllegalStateException("inner failed");
    Future<Integer> failing = loop.createFuture();
    loop.callLater(seconds(1), () -> failing.setException(failure));
    assertSame(failure, assertThrows(IllegalStateException.class,
        () -> runTask(() -> Aio.shield(failing))));
    Future<Integer> cancelled = loop.createFuture();
    loop.callLater(seconds(1), () -> cancelled.cancel("inner cancelled"));
    Future<?>[] outer = new Future<?>[1];
    assertThrows(CancelledError.class, () -> runTask(() -> {
      Future<Integer> shielded = Aio.shield(cancelled);
      outer[0] = shielded;
      return shielded;
    }));
    assertTrue(outer[0].isCancelled());
  }

  @Test
  void innerFailureAfterTheOuterWasCancelledIsReportedNotLost() {
    IllegalStateException late = new IllegalStateException("late failure");
    Future<String> inner = loop.createFuture();
    Task<String> caller = loop.createTask(() -> Aio.shield(inner));
    loop.callLater(seconds(1), caller::cancel);
    assertThrows(CancelledError.class, () -> loop.runUntilComplete(caller));
    inner.setException(late);
    loop.runUntilComplete(loop.sleep(seconds(1)));
    loop.close();
    expectedErrors = 1;
    assertSame(late, errors.get(0).exception(), errors::toString);
  }
}
