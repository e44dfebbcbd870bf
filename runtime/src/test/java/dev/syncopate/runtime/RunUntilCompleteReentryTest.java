package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RunUntilCompleteReentryTest {
  @Test
  void refusedReentryLeavesNoStopCallbackBehind() {
    EventLoop loop = EventLoop.builder().clock(new VirtualClock()).build();
    Future<String> inner = loop.createFuture();
    Steps steps = new Steps();
    loop.callSoon(() -> {
      steps.expect(1);
      IllegalStateException refused =
          assertThrows(IllegalStateException.class, () -> loop.runUntilComplete(inner));
      assertTrue(refused.getMessage().contains("already running"), refused.getMessage());
      inner.setResult("done");
    });
    // Had the refused call registered its stop callback, the loop would stop once inner completes.
    Future<Void> later = loop.sleep(Duration.ofSeconds(5));
    loop.runUntilComplete(later);
    steps.finish(2);
    assertEquals(Duration.ofSeconds(5).toNanos(), loop.time());
    loop.close();
  }
}
