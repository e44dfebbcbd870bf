package dev.syncopate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark harness does the work it claims, for every compared implementation, at small
 * sizes and without any timing: a peer that dropped callbacks, never completed its tasks or
 * answered wrongly would report figures for work it never did.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class BenchHarnessTest {
  static final List<String> LOOPS = LoopUnderTest.NAMES;

  @ParameterizedTest
  @FieldSource("LOOPS")
  void everyCallbackScheduledFromInsideTheLoopRuns(String name) throws Exception {
    try (LoopUnderTest loop = LoopUnderTest.create(name)) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      Countdown countdown = new Countdown(10_000, done);
      loop.submit(() -> {
        for (int i = 0; i < 10_000; i++) {
          loop.callSoon(countdown);
        }
      });
      Waiting.join(done);
    }
  }

  @ParameterizedTest
  @FieldSource("LOOPS")
  void everyYieldingTaskCompletesBeforeAllDone(String name) throws Exception {
    try (LoopUnderTest loop = LoopUnderTest.create(name)) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      loop.submit(() -> loop.spawnYieldingTasks(5_000, () -> done.complete(null)));
      Waiting.join(done);
    }
  }

  @ParameterizedTest
  @FieldSource("LOOPS")
  void everyTimerFires(String name) throws Exception {
    try (LoopUnderTest loop = LoopUnderTest.create(name)) {
      CompletableFuture<Void> done = new CompletableFuture<>();
      Countdown countdown = new Countdown(1_000, done);
      loop.submit(() -> {
        for (int i = 0; i < 1_000; i++) {
          loop.callLater(TimeUnit.MICROSECONDS.toNanos(i), countdown);
        }
      });
      Waiting.join(done);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"syncopate-call", "syncopate-invoke", "netty", "cf-single-thread",
      "park-unpark", "spin-then-park", "vertx"})
  void everyBridgePeerAnswersEveryCall(String peer) {
    try (BridgeHop hop = BridgeHop.create(peer)) {
      for (int i = 0; i < 2_000; i++) {
        assertEquals(i + 1, hop.call(i), peer + " answered call " + i + " wrongly");
      }
    }
  }

  @Test
  void unknownNamesAreRefusedWithTheValidOnes() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> LoopUnderTest.create("nope"));
    assertTrue(error.getMessage().contains("syncopate"), error.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BridgeHop.create("nope"));
  }
}
