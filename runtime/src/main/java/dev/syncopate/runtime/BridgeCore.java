package dev.syncopate.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What every {@link LoopBridge} over one loop shares: the loop, its thread when the bridge owns
 * it, the calls in flight, and the bridge's lifecycle.
 *
 * <pre>
 *   OPEN --close() / loop closed / loop thread ended--> ENDED
 * </pre>
 *
 * <p>Ending releases every call in flight at once (they fail with {@link LoopClosedException}
 * whose cause is the reason), and every later call fails at once. A call registers itself before
 * it checks the state, and the ending sets the state before it sweeps: one of the two always
 * sees the other, so no caller is left behind.
 *
 * <p><b>Threading:</b> thread-safe.
 */
final class BridgeCore {
  /** Something waiting on the loop that must be released when the bridge ends. */
  interface Releasable {
    void loopGone(Throwable cause);
  }

  /**
   * How long {@code close()} waits for an owned loop thread to finish its shutdown: the
   * cancelled tasks get {@link LoopBridge#CANCEL_GRACE} on the loop's clock; a loop wedged in a
   * blocking callback is not waited for beyond this.
   */
  static final Duration CLOSE_WAIT = LoopBridge.CANCEL_GRACE.multipliedBy(5);

  final EventLoop loop;
  private final Thread thread;
  /** Non-blocking calls ({@code submit}) and iterators in flight. */
  private final Set<Releasable> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicReference<Throwable> ended = new AtomicReference<>();
  private final AtomicBoolean closeRequested = new AtomicBoolean();
  private final CountDownLatch threadEnded = new CountDownLatch(1);

  private BridgeCore(EventLoop loop, String threadName) {
    this.loop = loop;
    this.thread = threadName == null ? null : new Thread(this::runLoop, threadName);
  }

  /** A core that owns {@code loop} and runs it on a new daemon thread named {@code threadName}. */
  static BridgeCore owning(EventLoop loop, String threadName) {
    BridgeCore core = new BridgeCore(loop, threadName);
    core.thread.setDaemon(true);
    // Return once the loop runs on its thread: until then the creating thread would count as
    // the loop's thread for loop-confined calls.
    CountDownLatch running = new CountDownLatch(1);
    loop.callSoonThreadSafe(running::countDown);
    core.thread.start();
    awaitUninterruptibly(running, CLOSE_WAIT.toNanos());
    return core;
  }

  /** A core over a loop that someone else runs; it ends when the loop closes. */
  static BridgeCore over(EventLoop loop) {
    BridgeCore core = new BridgeCore(loop, null);
    loop.onClose(() -> core.end(new LoopClosedException(
        "event loop '" + loop.name() + "' was closed")));
    return core;
  }

  boolean owned() {
    return thread != null;
  }

  boolean isEnded() {
    return ended.get() != null;
  }

  // ---- Calls in flight. ----

  /**
   * Registers a non-blocking call or an iterator in flight; {@link #leave} removes it.
   *
   * @throws LoopClosedException if the bridge has ended
   */
  void enter(Releasable call, String what) {
    inFlight.add(call);
    Throwable cause = ended.get();
    if (cause != null) {
      inFlight.remove(call);
      throw closedException(what, cause);
    }
  }

  void leave(Releasable call) {
    inFlight.remove(call);
  }

  /**
   * Registers a non-blocking call and posts it to the loop; if the loop closed meanwhile, the
   * call is failed. Its completion must {@link #leave} it.
   *
   * @throws LoopClosedException if the bridge has ended
   */
  void post(BridgeCall<?> call, String what) {
    enter(call, what);
    send(call);
  }

  private void send(BridgeCall<?> call) {
    try {
      loop.postThreadSafe(call);
    } catch (LoopClosedException closed) {
      call.loopGone(closed);
    }
  }

  /** Sends a cancellation request for {@code call} to the loop; a closed loop needs none. */
  void cancelFromCaller(BridgeCall<?> call, String message) {
    try {
      loop.callSoonThreadSafe(() -> call.requestCancel(message));
    } catch (LoopClosedException closed) {
      // The close releases the call; there is nothing left to cancel.
    }
  }

  LoopClosedException closedException(String what, Throwable cause) {
    LoopClosedException closed = new LoopClosedException(
        what + " failed: the bridge to event loop '" + loop.name() + "' has ended ("
            + cause.getMessage() + "); create a new bridge (LoopBridge.start) or use"
            + " LoopBridge.shared()");
    closed.initCause(cause);
    return closed;
  }

  /**
   * Posts a blocking call and waits for it on the caller's thread, returning its outcome and
   * applying the interrupt rule (see {@link LoopBridge}). The caller counts as blocked on the
   * loop meanwhile (see {@link Inbox#worthSpinning()}).
   *
   * @param caller the calling thread's state
   * @throws LoopClosedException if the bridge has ended
   */
  <T> T postAndAwait(ThreadState caller, BridgeCall<T> call, String what) {
    Inbox inbox = loop.inbox();
    if (!caller.registeredAsCaller) {
      BlockedCallers.ALL.register(caller);
    }
    inbox.callerBlocked();
    // Shown before the check of the state: see BlockedCallers for why none is left behind. A
    // thread cannot be in two blocking calls: nothing between here and the finally runs its code.
    caller.blockedIn = call;
    try {
      Throwable cause = ended.get();
      if (cause != null) {
        throw closedException(what, cause);
      }
      send(call);
      return await(call, what);
    } finally {
      caller.blockedIn = null;
      inbox.callerResumed();
    }
  }

  private <T> T await(BridgeCall<T> call, String what) {
    if (call.await(-1, true) == Handoff.INTERRUPTED) {
      cancelFromCaller(call, what + " was interrupted on thread '" + Thread.currentThread().getName() + "'");
      boolean settled = call.await(LoopBridge.CANCEL_GRACE.toNanos(), false) == Handoff.DONE;
      Thread.currentThread().interrupt();
      throw new BridgeInterruptedException(
          what + " on event loop '" + loop.name() + "' was interrupted; the operation was cancelled"
              + (settled ? "" : " but had not settled after " + LoopBridge.CANCEL_GRACE
                  + " and may still be running"),
          settled ? call.failureOrNull() : null);
    }
    return call.outcome(what);
  }

  /** Fails at once, with the interrupt status kept, if the caller is already interrupted. */
  void refuseIfInterrupted(String what) {
    if (Thread.currentThread().isInterrupted()) {
      throw new BridgeInterruptedException(
          what + " on event loop '" + loop.name() + "' was not started: thread '"
              + Thread.currentThread().getName() + "' was already interrupted (status kept)",
          null);
    }
  }

  /** Refuses a blocking call on the loop's own thread; {@code state} is the calling thread's. */
  void refuseLoopThread(ThreadState state, String what) {
    if (state.loop != loop && Thread.currentThread() != thread) {
      return;
    }
    Task<?> task = state.task;
    throw new BlockingOnLoopThreadException(
        what + " was called on thread '" + Thread.currentThread().getName()
            + "', the thread of event loop '" + loop.name() + "'"
            + (task != null ? ", from task '" + task.name() + "'" : "")
            + ". Blocking there would deadlock: the loop cannot run the operation while its own"
            + " thread waits for it. Fix: call the async API and compose its stage (thenCompose)"
            + " instead of the blocking twin, or move this blocking code off the loop with"
            + " Aio.toThread(...).");
  }

  // ---- Ending. ----

  /** Ends the bridge with {@code cause} (first cause wins) and releases every call in flight. */
  void end(Throwable cause) {
    if (!ended.compareAndSet(null, cause)) {
      return;
    }
    List<Releasable> released = new ArrayList<>(inFlight);
    BlockedCallers.ALL.collectCalls(this, released);
    for (Releasable call : released) {
      call.loopGone(cause);
    }
    if (!loop.isClosed()) {
      // Released calls may still run on a loop that goes on (a bridge over someone's loop).
      try {
        loop.callSoonThreadSafe(() -> {
          for (Releasable call : released) {
            if (call instanceof BridgeCall<?> bridgeCall) {
              bridgeCall.requestCancel("the bridge was closed");
            } else if (call instanceof BridgeIterator<?> iterator) {
              iterator.cancelProducer();
            }
          }
        });
      } catch (LoopClosedException closed) {
        // Closing discards the loop's work anyway.
      }
    }
  }

  /** Closes: see {@link LoopBridge#close()}. */
  void close() {
    if (closeRequested.compareAndSet(false, true)) {
      end(new LoopClosedException("LoopBridge.close() was called on thread '"
          + Thread.currentThread().getName() + "'"));
      if (owned()) {
        try {
          loop.stop();
        } catch (LoopClosedException alreadyClosed) {
          // The thread has ended already.
        }
      }
    }
    if (owned() && Thread.currentThread() != thread) {
      awaitThreadEnd();
    }
  }

  private void awaitThreadEnd() {
    awaitUninterruptibly(threadEnded, CLOSE_WAIT.toNanos());
  }

  /**
   * Waits for {@code latch} up to {@code timeoutNanos}, ignoring interrupts but keeping the
   * interrupt status; returns whether it opened.
   */
  static boolean awaitUninterruptibly(CountDownLatch latch, long timeoutNanos) {
    boolean interrupted = Thread.interrupted();
    long deadline = System.nanoTime() + timeoutNanos;
    try {
      while (true) {
        try {
          return latch.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Waits up to {@code timeout} for the owned loop thread to end; for tests. */
  boolean awaitThreadEnd(Duration timeout) throws InterruptedException {
    return threadEnded.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  // ---- The owned loop thread. ----

  private void runLoop() {
    Throwable failure = null;
    try {
      loop.runForever();
    } catch (Throwable thrown) {
      failure = thrown;
    }
    boolean interrupted = Thread.interrupted();
    try {
      if (!closeRequested.get()) {
        IllegalStateException death = new IllegalStateException(
            "the thread '" + Thread.currentThread().getName() + "' running event loop '"
                + loop.name() + "' ended: "
                + (failure != null ? "the loop failed with " + failure
                    : interrupted ? "the thread was interrupted" : "the loop was stopped"),
            failure);
        end(death);
      }
      LoopShutdown.cancelRemainingAndClose(loop);
    } finally {
      threadEnded.countDown();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
