package dev.syncopate.sample.twins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.syncopate.runtime.BlockingOnLoopThreadException;
import dev.syncopate.runtime.BridgeInterruptedException;
import dev.syncopate.runtime.CloseableIterator;
import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.LoopBridge;
import dev.syncopate.runtime.TimeoutError;
import dev.syncopate.runtime.VirtualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Calls the twins the processor generated for {@link AsyncAccount}, {@link AsyncStatement},
 * {@link CounterAsync} and {@link AsyncGreeter} from plain threads, over a real loop thread ({@link LoopBridge#start}).
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class TwinBehaviourTest {
  private LoopBridge bridge;

  @BeforeEach
  void start() {
    bridge = LoopBridge.start("twins");
  }

  @AfterEach
  void stop() {
    bridge.close();
  }

  private Account account(LoopBridge on, long balance) {
    return Account.of(new LoopAccount(balance), on);
  }

  @Test
  void returnsResultsAndRunsVoidMethods() throws Exception {
    Account account = account(bridge, 100);
    account.withdraw(30);
    assertEquals(70L, account.balance());
  }

  @Test
  void checkedExceptionArrivesUnwrappedAndDeclared() {
    Account account = account(bridge, 10);
    try {
      account.withdraw(500);
      throw new AssertionError("withdraw should fail");
    } catch (InsufficientFundsException e) {
      // The twin declares the checked exception, so this catch compiles; the type is the original.
      assertEquals("balance 10 < 500", e.getMessage());
    }
  }

  @Test
  void uncheckedExceptionKeepsItsType() {
    Account account = account(bridge, 10);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> account.freeze("audit"));
    assertEquals("frozen: audit", e.getMessage());
  }

  @Test
  void interruptingTheCallerCancelsTheAsyncOperation() throws Exception {
    LoopAccount async = new LoopAccount(0);
    Account account = Account.of(async, bridge);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    AtomicBoolean interruptKept = new AtomicBoolean();
    Thread caller = new Thread(() -> {
      try {
        account.hang();
      } catch (Throwable t) {
        failure.set(t);
        interruptKept.set(Thread.currentThread().isInterrupted());
      }
    }, "twin-caller");
    caller.start();
    assertTrue(async.hangStarted().await(10, TimeUnit.SECONDS), "hang() never started");
    caller.interrupt();
    caller.join(TimeUnit.SECONDS.toMillis(10));
    assertInstanceOf(BridgeInterruptedException.class, failure.get());
    assertTrue(interruptKept.get(), "interrupt status lost");
    assertTrue(async.cancellations().await(10, TimeUnit.SECONDS), "the async operation was not cancelled");
  }

  @Test
  void typeTimeoutAndMethodTimeoutApply() throws Exception {
    // A virtual clock jumps to the next timer when the loop is idle: 30 s pass in microseconds.
    try (LoopBridge virtual = LoopBridge.start(
        EventLoop.builder().name("virtual").clock(new VirtualClock()).build())) {
      Account account = account(virtual, 0);
      assertEquals("slow done", account.slow(Duration.ofSeconds(10)));
      assertThrows(TimeoutError.class, () -> account.slow(Duration.ofSeconds(45)));
      assertEquals("allowed done", account.slowButAllowed(Duration.ofSeconds(45)));
      assertThrows(TimeoutError.class, () -> account.slowButAllowed(Duration.ofMinutes(2)));
    }
  }

  @Test
  void timeoutCancelsTheAsyncOperation() throws Exception {
    try (LoopBridge virtual = LoopBridge.start(
        EventLoop.builder().name("virtual").clock(new VirtualClock()).build())) {
      LoopAccount async = new LoopAccount(0);
      Account account = Account.of(async, virtual);
      assertThrows(TimeoutError.class, account::hang);
      assertTrue(async.cancellations().await(10, TimeUnit.SECONDS), "timed-out operation not cancelled");
    }
  }

  @Test
  void callingATwinOnTheLoopThreadFailsFast() throws Exception {
    Account account = account(bridge, 0);
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    bridge.loop().callSoonThreadSafe(() -> {
      try {
        account.balance();
        outcome.complete(null);
      } catch (Throwable t) {
        outcome.complete(t);
      }
    });
    assertInstanceOf(BlockingOnLoopThreadException.class, outcome.get(10, TimeUnit.SECONDS));
  }

  @Test
  void plainMethodsRunOnTheLoopThread() {
    Account account = account(bridge, 0);
    String loopThread = bridge.invoke(() -> Thread.currentThread().getName());
    assertEquals(loopThread, account.threadName());
    assertNotEquals(Thread.currentThread().getName(), account.threadName());
  }

  @Test
  void aTwinExtendsTheTwinsOfItsAsyncParents() {
    Greeter greeter = Greeter.of(AsyncGreeter.named("ada"), bridge);
    // Compiles only because Greeter extends Named, as AsyncGreeter extends AsyncNamed.
    Named named = greeter;
    String loopThread = bridge.invoke(() -> Thread.currentThread().getName());
    assertEquals("ada@" + loopThread, named.name());
    assertEquals("hello bob from ada", greeter.greet("bob"));
    assertSame(greeter.async(), named.async());
  }

  @Test
  void listsSetsOptionalsAndSequencesOfAsyncObjectsHoldTwins() {
    AsyncGreeter ada = AsyncGreeter.named("ada");
    AsyncGreeter bob = AsyncGreeter.named("bob");
    Greeter greeter = Greeter.of(ada, bridge);
    Named twinOfBob = Greeter.of(bob, bridge);

    List<Named> reversed = greeter.reversed(Arrays.asList(greeter, null, twinOfBob));
    assertEquals(3, reversed.size());
    assertSame(bob, reversed.get(0).async());
    assertNull(reversed.get(1));
    assertSame(ada, reversed.get(2).async());
    // The elements are working twins on the same bridge, and the list is a snapshot.
    String loopThread = bridge.invoke(() -> Thread.currentThread().getName());
    assertEquals("bob@" + loopThread, reversed.get(0).name());
    assertThrows(UnsupportedOperationException.class, () -> reversed.add(greeter));

    Set<Named> both = new LinkedHashSet<>(List.of(twinOfBob, greeter));
    assertSame(bob, greeter.first(both).orElseThrow().async());
    assertTrue(greeter.first(Set.of()).isEmpty());

    Map<String, Named> byName = new LinkedHashMap<>();
    byName.put("bob", twinOfBob);
    byName.put("nobody", null);
    byName.put("ada", greeter);
    Map<String, Named> shouted = greeter.shouted(byName);
    assertEquals(List.of("BOB", "NOBODY", "ADA"), List.copyOf(shouted.keySet()));
    assertEquals("bob@" + loopThread, shouted.get("BOB").name());
    assertNull(shouted.get("NOBODY"));
    assertSame(ada, shouted.get("ADA").async());
    assertThrows(UnsupportedOperationException.class, () -> shouted.remove("BOB"));

    try (CloseableIterator<Named> each = greeter.each(Arrays.asList(twinOfBob, null, greeter))) {
      assertEquals("bob@" + loopThread, each.next().name());
      assertNull(each.next());
      assertSame(ada, each.next().async());
      assertTrue(!each.hasNext());
    }
  }

  @Test
  void aTimeoutCancelsAForeignFutureWhoseListIsConverted() throws Exception {
    try (LoopBridge virtual = LoopBridge.start(
        EventLoop.builder().name("virtual").clock(new VirtualClock()).build())) {
      Greeter greeter = Greeter.of(AsyncGreeter.named("ada"), virtual);
      CompletableFuture<List<AsyncNamed>> never = new CompletableFuture<>();
      assertThrows(TimeoutError.class, () -> greeter.relay(never));
      assertTrue(never.isCancelled(), "the timed-out operation's future was not cancelled");
    }
    // Completed by another thread (on the real clock: a virtual one would jump past the timeout).
    Greeter greeter = Greeter.of(AsyncGreeter.named("ada"), bridge);
    CompletableFuture<List<AsyncNamed>> later = new CompletableFuture<>();
    new Thread(() -> later.complete(List.of(AsyncGreeter.named("bob"))), "completer").start();
    String loopThread = bridge.invoke(() -> Thread.currentThread().getName());
    assertEquals("bob@" + loopThread, greeter.relay(later).get(0).name());
  }

  @Test
  void sequencesBecomeCloseableIterators() {
    Account account = account(bridge, 0);
    List<Integer> seen = new ArrayList<>();
    try (CloseableIterator<Integer> numbers = account.count(5)) {
      numbers.forEachRemaining(seen::add);
    }
    assertEquals(List.of(1, 2, 3, 4, 5), seen);
    try (CloseableIterator<Integer> numbers = account.count(3)) {
      assertEquals(List.of(1, 2, 3), numbers.stream().collect(Collectors.toList()));
    }
  }

  @Test
  void closingAnIteratorEarlyClosesTheProducer() throws Exception {
    LoopAccount async = new LoopAccount(0);
    Account account = Account.of(async, bridge);
    try (CloseableIterator<Integer> numbers = account.forever()) {
      assertEquals(0, numbers.next());
      assertEquals(1, numbers.next());
      assertEquals(2, numbers.next());
    }
    assertTrue(async.closings().await(10, TimeUnit.SECONDS), "the producer was not closed");
  }

  @Test
  void returnedAsyncObjectsArriveAsTwins() throws Exception {
    Account account = account(bridge, 100);
    AsyncStatement inner;
    try (Statement statement = account.statement()) {
      assertEquals(List.of("balance 100"), statement.lines());
      inner = statement.async();
      assertTrue(!statement.closed());
    }
    // close() was the blocking twin of closeAsync(); read the flag on the loop thread.
    assertTrue(bridge.invoke(inner::closed));
  }

  @Test
  void twinParametersAreUnwrappedToTheirAsyncObjects() throws Exception {
    Account from = account(bridge, 100);
    LoopAccount target = new LoopAccount(0);
    Account to = new AccountImpl(target, bridge);
    assertSame(target, to.async());
    from.transfer(to, 40);
    assertEquals(60L, from.balance());
    assertEquals(40L, to.balance());
  }

  @Test
  void classTwinCreatesItsDelegateOnTheSharedLoopThread() {
    Counter counter = new Counter(5);
    assertEquals(6, counter.increment());
    assertEquals(7, counter.increment());
    String sharedLoopThread = LoopBridge.shared().invoke(() -> Thread.currentThread().getName());
    assertEquals(sharedLoopThread, counter.createdOn());
    assertNotEquals(Thread.currentThread().getName(), counter.createdOn());
  }
}
