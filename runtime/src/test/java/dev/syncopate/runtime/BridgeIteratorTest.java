package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 20, unit = TimeUnit.SECONDS)
class BridgeIteratorTest {
  private final BridgeTestSupport support = new BridgeTestSupport("iterate");
  private final LoopBridge bridge = support.bridge;
  private final EventLoop loop = support.loop;

  @AfterEach
  void tearDown() {
    support.close();
  }

  /** Counts to {@code limit} (or forever), one element per virtual millisecond. */
  private final class Counter implements AsyncSequence<Integer> {
    final int limit;
    final AtomicInteger produced = new AtomicInteger();
    final AtomicReference<Throwable> stepOutcome = new AtomicReference<>();
    volatile boolean closed;
    volatile Future<Boolean> lastStep;
    Integer failAt;
    int current;

    Counter(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<Boolean> moveNext() {
      if (current >= limit) {
        return loop.completedFuture(false);
      }
      Future<Boolean> step = loop.sleep(Duration.ofMillis(1), true).thenApply(ignored -> {
        current++;
        if (failAt != null && current == failAt) {
          throw Throwables.sneakyThrow(new IOException("broken at " + current));
        }
        produced.incrementAndGet();
        return true;
      });
      step.whenComplete((v, failure) -> stepOutcome.set(failure));
      lastStep = step;
      return step;
    }

    @Override
    public Integer current() {
      return current;
    }

    @Override
    public CompletionStage<Void> closeAsync() {
      closed = true;
      return loop.completedFuture(null);
    }
  }

  @Test
  void iteratesEveryElementInOrderAndClosesTheSequenceAtTheEnd() {
    Counter counter = new Counter(50);
    List<Integer> seen = new ArrayList<>();
    try (CloseableIterator<Integer> iterator = bridge.iterate(() -> counter, 4)) {
      iterator.forEachRemaining(seen::add);
      assertFalse(iterator.hasNext());
      assertThrows(NoSuchElementException.class, iterator::next);
    }
    assertEquals(50, seen.size());
    for (int i = 0; i < 50; i++) {
      assertEquals(i + 1, seen.get(i));
    }
    assertTrue(counter.closed);
    assertEquals(0, support.pendingTasks());
  }

  @Test
  void theProducerNeverRunsMoreThanThePrefetchAhead() throws Exception {
    Counter counter = new Counter(Integer.MAX_VALUE);
    int prefetch = 3;
    try (CloseableIterator<Integer> iterator = bridge.iterate(() -> counter, prefetch)) {
      for (int taken = 1; taken <= 20; taken++) {
        iterator.next();
        // Let the producer run as far as it may: ten loop round trips.
        for (int i = 0; i < 10; i++) {
          bridge.call(() -> loop.sleep(Duration.ofMillis(5)));
        }
        int ahead = counter.produced.get() - taken;
        assertTrue(ahead <= prefetch, "produced " + ahead + " ahead of the consumer");
        assertEquals(prefetch, ahead, "and it does fill the prefetch");
      }
    }
  }

  @Test
  void closingEarlyCancelsTheOutstandingStepAndClosesTheSequence() {
    Counter counter = new Counter(Integer.MAX_VALUE);
    CloseableIterator<Integer> iterator = bridge.iterate(() -> counter, 2);
    assertEquals(1, iterator.next());
    iterator.close();
    assertTrue(counter.closed, "closed before close() returned");
    assertFalse(iterator.hasNext());
    iterator.close();
    assertEquals(0, support.pendingTasks());
  }

  @Test
  void aMappedViewConvertsAsItGoesAndClosingItClosesTheSequence() {
    Counter counter = new Counter(Integer.MAX_VALUE);
    List<String> convertedOn = new ArrayList<>();
    try (CloseableIterator<String> view = bridge.iterate(() -> counter, 2).map(n -> {
      convertedOn.add(Thread.currentThread().getName());
      return "#" + n;
    })) {
      assertEquals("#1", view.next());
      assertEquals("#2,#3", view.stream().limit(2).collect(Collectors.joining(",")));
      assertThrows(NullPointerException.class, () -> view.map(null));
    }
    assertTrue(counter.closed, "closing the view closed the sequence");
    assertEquals(List.of(Thread.currentThread().getName()), convertedOn.stream().distinct().toList());
    assertEquals(0, support.pendingTasks());
  }

  @Test
  void aFailureSurfacesOnTheConsumerThreadAsTheSameExceptionWithItsCallSite() {
    Counter counter = new Counter(10);
    counter.failAt = 4;
    CloseableIterator<Integer> iterator = bridge.iterate(() -> counter, 8);
    List<Integer> seen = new ArrayList<>();
    IOException failure = assertThrows(IOException.class, () -> iterator.forEachRemaining(seen::add));
    assertEquals("broken at 4", failure.getMessage());
    assertEquals(Arrays.asList(1, 2, 3), seen);
    assertTrue(Arrays.stream(failure.getSuppressed()).anyMatch(s -> s instanceof CallSite));
    assertTrue(counter.closed, "closed after a failure too");
    assertFalse(iterator.hasNext());
  }

  @Test
  void anOpenerFailureSurfacesOnTheFirstStep() {
    IllegalStateException original = new IllegalStateException("cannot open");
    CloseableIterator<String> iterator = bridge.iterate(() -> {
      throw original;
    });
    assertSame(original, assertThrows(IllegalStateException.class, iterator::hasNext));
  }

  @Test
  void streamClosesTheIteratorWhenTheStreamIsClosed() {
    Counter counter = new Counter(Integer.MAX_VALUE);
    CloseableIterator<Integer> iterator = bridge.iterate(() -> counter);
    try (Stream<Integer> stream = iterator.stream()) {
      assertEquals("1,2,3", stream.limit(3).map(String::valueOf).collect(Collectors.joining(",")));
    }
    assertTrue(counter.closed);
  }

  @Test
  void nullElementsAndMapAndFromIterableWork() {
    try (CloseableIterator<String> iterator =
        bridge.iterate(() -> AsyncSequence.of("a", null, "c").map(s -> s == null ? null : s + "!"))) {
      List<String> seen = new ArrayList<>();
      iterator.forEachRemaining(seen::add);
      assertEquals(Arrays.asList("a!", null, "c!"), seen);
    }
  }

  @Test
  void forEachConsumesAndClosesOnTheLoop() {
    Counter counter = new Counter(5);
    List<Integer> seen = new ArrayList<>();
    bridge.call(() -> counter.forEach(seen::add));
    assertEquals(Arrays.asList(1, 2, 3, 4, 5), seen);
    assertTrue(counter.closed);
  }

  @Test
  void anInterruptedConsumerClosesTheIteratorAndKeepsTheFlag() {
    Counter counter = new Counter(Integer.MAX_VALUE);
    CloseableIterator<Integer> iterator = bridge.iterate(() -> counter, 1);
    iterator.next();
    Thread.currentThread().interrupt();
    try {
      assertThrows(BridgeInterruptedException.class, () -> {
        while (true) {
          iterator.next();
        }
      });
      assertTrue(Thread.currentThread().isInterrupted());
    } finally {
      Thread.interrupted();
    }
    assertTrue(counter.closed);
    assertFalse(iterator.hasNext());
  }

  @Test
  void iteratingOnTheLoopThreadIsRefused() throws Exception {
    CloseableIterator<Integer> iterator = bridge.iterate(() -> AsyncSequence.of(1));
    try {
      Throwable refused = bridge.submit(() -> {
        try {
          iterator.hasNext();
          return loop.completedFuture(null);
        } catch (BlockingOnLoopThreadException expected) {
          return loop.completedFuture(expected);
        }
      }).get();
      assertInstanceOf(BlockingOnLoopThreadException.class, refused);
    } finally {
      iterator.close();
    }
  }
}
