package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
        assertThrows(ExecutionException.class, future::get);
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
  void nobodySpinsOnceAsManyCallersAsCpusAreBlockedAndEveryCallerIsCountedOut()
      throws Exception {
    int cpus = Runtime.getRuntime().availableProcessors();
    Inbox inbox = loop.inbox();
    assertEquals(0, inbox.blockedCallers());
    assertEquals(cpus > 1, inbox.worthSpinning(), "no caller waits: spin if a core is free");
    CountDownLatch started = new CountDownLatch(cpus);
    java.util.List<Future<Integer>> gates = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.List<Thread> callers = new java.util.ArrayList<>();
    java.util.List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int i = 0; i < cpus; i++) {
      int expected = i;
      Thread caller = new Thread(() -> {
        try {
          int value = bridge.call(() -> {
            Future<Integer> gate = loop.createFuture();
            gates.add(gate);
            started.countDown();
            return gate.thenApply(ignored -> expected);
          });
          assertEquals(expected, value);
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      callers.add(caller);
      caller.start();
    }
    started.await();
    assertEquals(cpus, inbox.blockedCallers());
    org.junit.jupiter.api.Assertions.assertFalse(inbox.worthSpinning(),
        "with as many callers blocked as there are CPUs, neither they nor the loop spin");
    bridge.submit(() -> {
      gates.forEach(gate -> gate.setResult(0));
      return loop.completedFuture(null);
    }).get(5, TimeUnit.SECONDS);
    for (Thread caller : callers) {
      caller.join();
    }
    assertTrue(failures.isEmpty(), failures::toString);
    assertEquals(0, inbox.blockedCallers(), "answered callers are counted out");
    assertThrows(BridgeInterruptedException.class, () -> {
      Thread.currentThread().interrupt();
      try {
        bridge.call(() -> loop.completedFuture(1));
      } finally {
        Thread.interrupted();
      }
    });
    assertEquals(0, inbox.blockedCallers(), "refused callers are never counted");
    assertEquals(cpus > 1, inbox.worthSpinning());
  }

  @Test
  void eachCallingThreadRegistersOnceAndDeadThreadsAreDropped() throws Exception {
    BlockedCallers blocked = bridge.core().blockedCallers();
    bridge.call(() -> loop.completedFuture(1));
    bridge.call(() -> loop.completedFuture(2));
    int before = blocked.registeredSlots();
    for (int i = 0; i < 50; i++) {
      Thread caller = new Thread(() -> bridge.call(() -> loop.completedFuture(3)));
      caller.start();
      caller.join();
    }
    assertTrue(blocked.registeredSlots() >= before, "the test thread registered once");
    // Dead threads' slots go once collected; a registration sweeps them.
    for (int attempt = 0; attempt < 50 && blocked.registeredSlots() > before + 1; attempt++) {
      System.gc();
      Thread.sleep(20);
      Thread caller = new Thread(() -> bridge.call(() -> loop.completedFuture(4)));
      caller.start();
      caller.join();
    }
    assertTrue(blocked.registeredSlots() <= before + 1,
        () -> blocked.registeredSlots() + " slots left for " + before + " live callers");
  }
}
