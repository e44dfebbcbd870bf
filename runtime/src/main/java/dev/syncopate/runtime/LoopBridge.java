package dev.syncopate.runtime;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Calls async code on an event loop from ordinary threads, and waits for it: the bridge across
 * the colour line (asyncio's {@code run_coroutine_threadsafe}, anyio's blocking portal).
 *
 * <h2>Rules</h2>
 *
 * <ul>
 *   <li><b>Where it runs.</b> {@link #call} runs the async function as a {@link Task} on the
 *       loop thread, in the caller's {@link Context} (and with the thread state of registered
 *       {@link ContextPropagator}s around its start), and blocks the caller until it settles.
 *   <li><b>Never on the loop thread.</b> A blocking call ({@code call}, {@code invoke}, an
 *       iterator step) made on the loop's own thread fails at once with {@link
 *       BlockingOnLoopThreadException} (detected by thread identity): it could never finish.
 *   <li><b>Interrupts.</b> Interrupting a blocked caller cancels the operation, waits up to
 *       {@link #CANCEL_GRACE} for the cancellation to settle, sets the interrupt status again and
 *       throws {@link BridgeInterruptedException}; the operation's result, if it completed
 *       anyway, is dropped (an outcome that arrived before the interrupt was noticed is
 *       returned as usual, with the interrupt status still set). A caller that is already
 *       interrupted is refused the same way before
 *       anything is started.
 *   <li><b>Timeouts.</b> A per-call timeout, or else the bridge's {@link #defaultTimeout()},
 *       runs on the loop's clock: when it expires the task is cancelled, and once the
 *       cancellation has settled the caller gets a {@link TimeoutError} whose cause is the
 *       task's {@link CancelledError}; if it has not settled {@link #CANCEL_GRACE} later, the
 *       caller gets the {@code TimeoutError} anyway, its cause saying the task may still run.
 *       (A task that ignores the cancellation and returns a value
 *       returns that value, as asyncio's {@code wait_for} does.)
 *   <li><b>The loop's end.</b> When the bridge is closed, its loop is closed, or the thread of a
 *       loop the bridge owns ends for any reason, every caller in flight fails at once, and
 *       every later caller fails at once, with {@link LoopClosedException} whose cause says
 *       why (the loop's own failure, if it failed).
 *   <li><b>Exceptions.</b> The operation's original exception instance is rethrown, with its
 *       type (checked exceptions too, undeclared, so that generated twins can declare the async
 *       method's {@code throws} clause), never wrapped in {@code ExecutionException} or {@code
 *       CompletionException}. The caller's call site is attached as a suppressed exception
 *       whose stack trace is the caller's.
 * </ul>
 *
 * <h2>Lifecycle</h2>
 *
 * <p>{@link #start(String)} and {@link #shared()} own a new loop on a new daemon thread; {@link
 * #close()} stops it, cancels the tasks that remain, waits up to {@link #CANCEL_GRACE} (loop
 * clock) for them, and closes the loop. {@link #over(EventLoop)} bridges to a loop somebody else
 * runs; closing that bridge releases and cancels its own calls only, and closing the loop ends
 * the bridge. A loop that merely is not running (yet) is waited for.
 *
 * <p><b>Threading:</b> thread-safe. Bridges made by {@link #withDefaultTimeout(Duration)} share
 * the loop, the calls in flight and the lifecycle of the bridge they came from.
 */
@ThreadSafe
public final class LoopBridge implements AutoCloseable {
  /**
   * How long an interrupted caller, a closing iterator, and a closing owned loop wait for
   * cancelled work to settle: one second.
   */
  public static final Duration CANCEL_GRACE = Duration.ofSeconds(1);

  /** The prefetch of {@link #iterate(Callable)}: how many elements the producer may run ahead. */
  public static final int DEFAULT_PREFETCH = 16;

  private static final String SHARED_NAME = "syncopate-shared";
  private static final AtomicReference<LoopBridge> SHARED = new AtomicReference<>();
  private static final AtomicReference<Thread> SHARED_HOOK = new AtomicReference<>();

  private final BridgeCore core;
  private final Duration defaultTimeout;

  private LoopBridge(BridgeCore core, Duration defaultTimeout) {
    this.core = core;
    this.defaultTimeout = defaultTimeout;
  }

  /**
   * Returns the process-wide bridge: a loop on a daemon thread named {@code syncopate-shared},
   * started on first use and closed by a JVM shutdown hook. After it was closed explicitly, the
   * next call starts a new one.
   *
   * <p><b>Threading:</b> thread-safe.
   *
   * @return the shared bridge
   */
  public static LoopBridge shared() {
    while (true) {
      LoopBridge current = SHARED.get();
      if (current != null && !current.core.isEnded()) {
        return current;
      }
      LoopBridge fresh = start(SHARED_NAME);
      if (SHARED.compareAndSet(current, fresh)) {
        installSharedShutdownHook();
        return fresh;
      }
      fresh.close();
    }
  }

  private static void installSharedShutdownHook() {
    Thread hook = new Thread(() -> {
      LoopBridge last = SHARED.get();
      if (last != null) {
        last.close();
      }
    }, SHARED_NAME + "-shutdown");
    if (SHARED_HOOK.compareAndSet(null, hook)) {
      try {
        Runtime.getRuntime().addShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // The JVM is already shutting down: the daemon thread dies with it.
      }
    }
  }

  /**
   * Starts a new loop on a new daemon thread and returns a bridge that owns both.
   *
   * <p><b>Threading:</b> thread-safe.
   *
   * @param name the loop's and the thread's name
   * @return the bridge
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank
   */
  public static LoopBridge start(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("the loop name must not be blank");
    }
    return new LoopBridge(BridgeCore.owning(EventLoop.builder().name(name).build(), name), null);
  }

  /**
   * Starts a bridge that owns {@code loop} and runs it on a new daemon thread; for loops with
   * settings of your choice (a clock, an exception handler). The loop must not be running.
   *
   * <p><b>Threading:</b> thread-safe.
   *
   * @param loop the loop, which the bridge closes when it ends
   * @return the bridge
   * @throws NullPointerException if {@code loop} is null
   * @throws LoopClosedException if the loop is closed
   * @throws IllegalStateException if the loop is running
   */
  public static LoopBridge start(EventLoop loop) {
    Objects.requireNonNull(loop, "loop");
    if (loop.isClosed()) {
      throw new LoopClosedException("LoopBridge.start(loop): event loop '" + loop.name()
          + "' is closed; create a new loop");
    }
    if (loop.isRunning()) {
      throw new IllegalStateException("LoopBridge.start(loop): event loop '" + loop.name()
          + "' is already running on another thread; use LoopBridge.over(loop) for it");
    }
    return new LoopBridge(BridgeCore.owning(loop, loop.name()), null);
  }

  /**
   * Returns a bridge to a loop that someone else runs (for example with {@code runForever()} on
   * a thread of theirs). The bridge ends when the loop closes.
   *
   * <p><b>Threading:</b> thread-safe.
   *
   * @param loop the loop
   * @return the bridge
   * @throws NullPointerException if {@code loop} is null
   */
  public static LoopBridge over(EventLoop loop) {
    Objects.requireNonNull(loop, "loop");
    return new LoopBridge(BridgeCore.over(loop), null);
  }

  /** Returns the loop the bridge calls into. Threading: thread-safe. */
  public EventLoop loop() {
    return core.loop;
  }

  /** Returns the default timeout of {@link #call(AsyncCallable)}, or null for none. */
  public Duration defaultTimeout() {
    return defaultTimeout;
  }

  /**
   * Returns a bridge to the same loop, sharing its lifecycle, with another default timeout.
   *
   * @param timeout the new default, or null for none
   * @return the bridge
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   */
  public LoopBridge withDefaultTimeout(Duration timeout) {
    return new LoopBridge(core, checkTimeout(timeout));
  }

  /**
   * Runs {@code operation} on the loop and waits for its outcome, with the default timeout.
   * See the class documentation for every rule.
   *
   * <p><b>Threading:</b> any thread but the loop's.
   *
   * @param operation the async function, called on the loop thread
   * @param <T> the result type
   * @return its value
   * @throws BlockingOnLoopThreadException on the loop's thread
   * @throws BridgeInterruptedException if the caller was or got interrupted (status kept)
   * @throws TimeoutError if the default timeout expired (the operation was cancelled)
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @throws NullPointerException if {@code operation} is null
   */
  public <T> T call(AsyncCallable<T> operation) {
    return call(operation, defaultTimeout);
  }

  /**
   * Runs {@code operation} on the loop and waits at most {@code timeout} (loop clock) for it.
   * The operation's own failure is rethrown as it is, checked or not.
   *
   * <p><b>Threading:</b> any thread but the loop's.
   *
   * @param operation the async function, called on the loop thread
   * @param timeout the timeout, or null for none
   * @param <T> the result type
   * @return its value
   * @throws BlockingOnLoopThreadException on the loop's thread
   * @throws BridgeInterruptedException if the caller was or got interrupted (status kept)
   * @throws TimeoutError if the timeout expired (the operation was cancelled)
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @throws IllegalArgumentException if {@code timeout} is zero or negative
   * @throws NullPointerException if {@code operation} is null
   */
  public <T> T call(AsyncCallable<T> operation, Duration timeout) {
    Objects.requireNonNull(operation, "operation");
    checkTimeout(timeout);
    String what = "LoopBridge.call";
    ThreadState caller = ThreadState.get();
    core.refuseLoopThread(caller, what);
    core.refuseIfInterrupted(what);
    return core.postAndAwait(caller, new TaskCall<>(core, caller.context, operation, timeout), what);
  }

  /**
   * Runs a plain function on the loop thread and waits for it: for reading loop-confined state.
   * No timeout applies; once started the function cannot be cancelled, so an interrupted caller
   * waits up to {@link #CANCEL_GRACE} for it before it gives up.
   *
   * <p><b>Threading:</b> any thread but the loop's.
   *
   * @param function what to run
   * @param <T> the result type
   * @return its value
   * @throws BlockingOnLoopThreadException on the loop's thread
   * @throws BridgeInterruptedException if the caller was or got interrupted (status kept)
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @throws NullPointerException if {@code function} is null
   */
  public <T> T invoke(Callable<T> function) {
    Objects.requireNonNull(function, "function");
    String what = "LoopBridge.invoke";
    ThreadState caller = ThreadState.get();
    core.refuseLoopThread(caller, what);
    core.refuseIfInterrupted(what);
    return core.postAndAwait(caller, new FunctionCall<>(core, caller.context, function), what);
  }

  /**
   * Starts {@code operation} on the loop without waiting: asyncio's {@code
   * run_coroutine_threadsafe}. The default timeout applies. The future completes with the value,
   * or exceptionally with the original failure, a {@link TimeoutError} or a {@link
   * LoopClosedException}; cancelling it sends a cancellation request to the task (the future is
   * cancelled at once, the task settles later).
   *
   * <p><b>Threading:</b> any thread, the loop's included.
   *
   * @param operation the async function, called on the loop thread
   * @param <T> the result type
   * @return a thread-safe future of the outcome
   * @throws LoopClosedException if the bridge has ended
   * @throws NullPointerException if {@code operation} is null
   */
  public <T> CompletableFuture<T> submit(AsyncCallable<T> operation) {
    Objects.requireNonNull(operation, "operation");
    SubmitCall<T> call = new SubmitCall<>(core, operation, defaultTimeout);
    core.post(call, "LoopBridge.submit");
    return call.future;
  }

  /**
   * Iterates an {@link AsyncSequence} from this thread with {@link #DEFAULT_PREFETCH}; see
   * {@link #iterate(Callable, int)}.
   *
   * @param opener called on the loop thread to open the sequence
   * @param <T> the element type
   * @return the iterator; close it unless it ran to the end
   * @throws LoopClosedException if the bridge has ended
   * @throws NullPointerException if {@code opener} is null
   */
  public <T> CloseableIterator<T> iterate(Callable<? extends AsyncSequence<T>> opener) {
    return iterate(opener, DEFAULT_PREFETCH);
  }

  /**
   * Iterates an {@link AsyncSequence} from this thread. A producer task on the loop opens the
   * sequence and fetches elements ahead, never more than {@code prefetch} beyond what the
   * consumer has taken (back-pressure). The sequence's failure is thrown by {@code hasNext()} as
   * it is, with the consumer's call site attached. {@code close()} cancels the producer and
   * closes the sequence; an interrupted consumer closes the iterator and gets {@link
   * BridgeInterruptedException}.
   *
   * <p><b>Threading:</b> any thread; the iterator's steps must not run on the loop thread.
   *
   * @param opener called on the loop thread to open the sequence
   * @param prefetch how many elements the producer may run ahead, at least 1
   * @param <T> the element type
   * @return the iterator; close it unless it ran to the end
   * @throws LoopClosedException if the bridge has ended
   * @throws IllegalArgumentException if {@code prefetch} is less than 1
   * @throws NullPointerException if {@code opener} is null
   */
  public <T> CloseableIterator<T> iterate(
      Callable<? extends AsyncSequence<T>> opener, int prefetch) {
    Objects.requireNonNull(opener, "opener");
    if (prefetch < 1) {
      throw new IllegalArgumentException("prefetch must be at least 1, got " + prefetch);
    }
    return BridgeIterator.start(core, opener, prefetch);
  }

  /**
   * Ends the bridge: every call in flight fails at once with {@link LoopClosedException} and its
   * operation is cancelled; later calls fail at once. An owned loop is then stopped, its
   * remaining tasks cancelled (waiting up to {@link #CANCEL_GRACE} for them) and closed; this
   * method waits for that (at most five times {@code CANCEL_GRACE}, in case the loop thread is
   * stuck in a blocking callback) unless it runs on the loop thread. A bridge over someone else's loop
   * leaves the loop running. Closing twice does nothing more. All bridges sharing this one's
   * lifecycle end with it.
   *
   * <p><b>Threading:</b> thread-safe.
   */
  @Override
  public void close() {
    core.close();
  }

  /** Returns whether the bridge has ended (closed, or its loop closed or its thread ended). */
  public boolean isClosed() {
    return core.isEnded();
  }

  BridgeCore core() {
    return core;
  }

  private static Duration checkTimeout(Duration timeout) {
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      throw new IllegalArgumentException(
          "a bridge timeout must be positive, got " + timeout + "; pass null for no timeout");
    }
    return timeout;
  }

  @Override
  public String toString() {
    return "LoopBridge[" + core.loop.name() + (core.isEnded() ? ", ended" : "")
        + (defaultTimeout != null ? ", timeout " + defaultTimeout : "") + "]";
  }
}
