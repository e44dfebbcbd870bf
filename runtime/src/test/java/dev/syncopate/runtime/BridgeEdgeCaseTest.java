package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BridgeEdgeCaseTest {
  private final BridgeTestSupport support = new BridgeTestSupport("edges");
  private final LoopBridge bridge = support.bridge;
  private final EventLoop loop = support.loop;

  @AfterEach
  void tearDown() {
    support.close();
  }

  @Test
  void aServiceLoadedPropagatorIsRegisteredAndApplied() {
    assertTrue(ContextPropagation.registered().stream()
        .anyMatch(p -> p instanceof ServiceLoadedPropagator));
    ServiceLoadedPropagator.TENANT.set("acme");
    try {
      assertEquals("acme", bridge.invoke(ServiceLoadedPropagator.TENANT::get));
      assertEquals("acme", bridge.call(() -> loop.completedFuture(ServiceLoadedPropagator.TENANT.get())));
    } finally {
      ServiceLoadedPropagator.TENANT.remove();
    }
    assertEquals(null, bridge.invoke(ServiceLoadedPropagator.TENANT::get),
        "the loop thread was reset after each call");
  }

  @Test
  void aConsumerWaitingOnAnIteratorIsReleasedWhenTheBridgeCloses() throws Exception {
    CountDownLatch opened = new CountDownLatch(1);
    CloseableIterator<Integer> iterator = bridge.iterate(() -> {
      opened.countDown();
      return new AsyncSequence<Integer>() {
        @Override
        public Future<Boolean> moveNext() {
          return loop.createFuture(); // never produces
        }

        @Override
        public Integer current() {
          throw new java.util.NoSuchElementException();
        }
      };
    });
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    Thread consumer = new Thread(() -> {
      try {
        iterator.hasNext();
      } catch (Throwable e) {
        outcome.set(e);
      }
    });
    consumer.start();
    opened.await();
    bridge.close();
    consumer.join();
    assertInstanceOf(LoopClosedException.class, outcome.get());
    iterator.close();
  }

  @Test
  void submitAppliesTheDefaultTimeout() {
    CompletableFuture<Void> future = bridge.withDefaultTimeout(Duration.ofSeconds(1))
        .submit(() -> loop.sleep(Duration.ofHours(1)));
    ExecutionException failure =
        org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class, future::get);
    assertInstanceOf(TimeoutError.class, failure.getCause());
  }

  @Test
  void anInterruptedInvokeWaitsForTheFunctionAndKeepsTheFlag() throws Exception {
    CountDownLatch inFunction = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<Throwable> outcome = new AtomicReference<>();
    AtomicReference<Boolean> flag = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        bridge.invoke(() -> {
          inFunction.countDown();
          return release.await(10, TimeUnit.SECONDS);
        });
      } catch (Throwable e) {
        outcome.set(e);
        flag.set(Thread.currentThread().isInterrupted());
      }
    });
    caller.start();
    inFunction.await();
    caller.interrupt();
    // The caller now waits, bounded, for the function that cannot be cancelled.
    while (caller.getState() != Thread.State.TIMED_WAITING) {
      Thread.onSpinWait();
    }
    release.countDown();
    caller.join();
    BridgeInterruptedException e = assertInstanceOf(BridgeInterruptedException.class, outcome.get());
    assertEquals(null, e.getCause(), "the function finished normally; its result was dropped");
    assertTrue(flag.get());
  }

  @Test
  void callersSpinOnlyWhileFewerCallsThanCpusAreUnansweredAndEveryCallIsCountedOut()
      throws Exception {
    int cpus = Runtime.getRuntime().availableProcessors();
    BridgeCore core = bridge.core();
    assertEquals(0, core.unanswered());
    assertEquals(cpus > 1, core.worthSpinning(), "alone on the loop: spin if a core is free");
    java.util.List<Future<Integer>> gates = new java.util.ArrayList<>();
    java.util.List<CompletableFuture<Integer>> calls = new java.util.ArrayList<>();
    for (int i = 0; i < cpus; i++) {
      calls.add(bridge.submit(() -> {
        Future<Integer> gate = loop.createFuture();
        gates.add(gate);
        return gate;
      }));
    }
    assertEquals(cpus, core.unanswered());
    org.junit.jupiter.api.Assertions.assertFalse(core.worthSpinning(),
        "behind as many answers as there are CPUs, a caller parks at once");
    bridge.invoke(() -> {
      for (int i = 0; i < gates.size(); i++) {
        gates.get(i).setResult(i);
      }
      return null;
    });
    for (int i = 0; i < cpus; i++) {
      assertEquals(i, calls.get(i).get(5, TimeUnit.SECONDS));
    }
    assertEquals(0, core.unanswered(), "values, the invoke and refused calls all count out");
    assertEquals(cpus > 1, core.worthSpinning());
  }
}
