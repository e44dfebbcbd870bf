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
  void eachCallingThreadRegistersOnceWhateverTheBridge() {
    bridge.call(() -> loop.completedFuture(1));
    assertTrue(ThreadState.get().registeredAsCaller);
    int registered = BlockedCallers.ALL.registeredThreads();
    LoopBridge other = LoopBridge.start("edge-other");
    try {
      bridge.call(() -> loop.completedFuture(2));
      assertEquals(3, other.invoke(() -> 3));
    } finally {
      other.close();
    }
    assertEquals(registered, BlockedCallers.ALL.registeredThreads(),
        "a thread registers on its first blocking call only, not once per call or per bridge");
    assertEquals(null, ThreadState.get().blockedIn, "a resumed caller shows no call");
  }

  @Test
  void endingOneBridgeLeavesCallersBlockedOnAnotherAlone() throws Exception {
    LoopBridge other = LoopBridge.start("edge-other");
    CountDownLatch started = new CountDownLatch(2);
    AtomicReference<Future<Integer>> gate = new AtomicReference<>();
    AtomicReference<Object> onOther = new AtomicReference<>();
    AtomicReference<Object> onThis = new AtomicReference<>();
    Thread otherCaller = new Thread(() -> {
      try {
        onOther.set(other.call(() -> {
          gate.set(other.loop().createFuture());
          started.countDown();
          return gate.get();
        }));
      } catch (Throwable e) {
        onOther.set(e);
      }
    });
    Thread thisCaller = new Thread(() -> {
      try {
        onThis.set(bridge.call(() -> {
          started.countDown();
          return loop.createFuture(); // never completes: only the close releases it
        }));
      } catch (Throwable e) {
        onThis.set(e);
      }
    });
    try {
      otherCaller.start();
      thisCaller.start();
      started.await();
      bridge.close();
      thisCaller.join();
      assertInstanceOf(LoopClosedException.class, onThis.get());
      assertTrue(otherCaller.isAlive(), "a caller blocked on another bridge is not released");
      other.invoke(() -> {
        gate.get().setResult(7);
        return null;
      });
      otherCaller.join();
      assertEquals(7, onOther.get());
    } finally {
      other.close();
    }
  }

  @Test
  void nothingKeepsTheStateOfACallingThreadThatDiedAlive() throws Exception {
    java.util.List<java.lang.ref.WeakReference<ThreadState>> states = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Thread caller = new Thread(() -> {
        bridge.call(() -> loop.completedFuture(1)); // registers this thread
        states.add(new java.lang.ref.WeakReference<>(ThreadState.get()));
      });
      caller.start();
      caller.join();
    }
    for (int attempt = 0; attempt < 50 && states.stream().anyMatch(s -> s.get() != null);
        attempt++) {
      System.gc();
      Thread.sleep(20);
    }
    assertTrue(states.stream().allMatch(s -> s.get() == null),
        "the registry (or a bridge) still holds the state of a thread that died");
  }

  @Test
  void threadsThatDiedAreDroppedOnceCollected() throws Exception {
    BlockedCallers registry = new BlockedCallers();
    for (int i = 0; i < 50; i++) {
      registry.register(new ThreadState()); // nobody holds it: as if its thread had died
    }
    ThreadState live = new ThreadState();
    registry.register(live);
    assertTrue(live.registeredAsCaller);
    // A registration sweeps the states the collector has cleared since.
    for (int attempt = 0; attempt < 50 && registry.registeredThreads() > 2; attempt++) {
      System.gc();
      Thread.sleep(20);
      registry.register(new ThreadState());
    }
    assertTrue(registry.registeredThreads() <= 2,
        () -> registry.registeredThreads() + " threads left registered; expected the live one"
            + " and at most the newest dead one");
    java.lang.ref.Reference.reachabilityFence(live);
  }
}
