package dev.syncopate.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A single-threaded event loop: asyncio's {@code AbstractEventLoop}, on an NIO {@link Selector}.
 *
 * <h2>One iteration</h2>
 *
 * <ol>
 *   <li>Wait for I/O: not at all if callbacks are ready, else until the next timer is due (a
 *       {@link VirtualClock} jumps there instead), else until a thread-safe submission arrives.
 *   <li>Take thread-safe submissions and due timers onto the ready queue.
 *   <li>Run the callbacks that were on the ready queue when this step began, in FIFO order.
 *       Callbacks they schedule run in the next iteration (asyncio's rule): {@code
 *       yieldNow()} suspends for exactly one iteration.
 * </ol>
 *
 * <p>Timers fire in deadline order; equal deadlines fire in scheduling order. Every callback runs
 * in the {@link Context} current when it was scheduled. A callback's exception goes to the {@link
 * ExceptionHandler}; it never stops the loop.
 *
 * <h2>Lifecycle</h2>
 *
 * <pre>
 *   IDLE --runForever / runUntilComplete / runOnce--> RUNNING --returns--> IDLE
 *   IDLE --close--> CLOSED      (RUNNING --close--> IllegalStateException)
 * </pre>
 *
 * <p>{@link #run(AsyncCallable)} is {@code asyncio.run}: run a main task, cancel what is left and
 * wait for it, then close. Interrupting the thread that runs the loop stops it after the current
 * iteration and keeps the thread's interrupt status.
 *
 * <h2>Threading</h2>
 *
 * <p>Loop-confined, except the members marked {@link ThreadSafe}: {@link #callSoonThreadSafe},
 * {@link #stop()}, {@link #time()}, {@link #name()}, {@link #isRunning()}, {@link #isClosed()},
 * {@link #inLoopThread()}, {@link #close()} (when the loop is not running) and the exception
 * handler and debug settings. The loop's thread is the one running it; while it does not run,
 * the thread that created it or ran it last. Loop-confined calls from any other thread throw
 * {@link WrongThreadException}.
 *
 * @see <a href="https://docs.python.org/3/library/asyncio-eventloop.html">asyncio event loop</a>
 */
public final class EventLoop implements AutoCloseable {
  private enum State {
    IDLE,
    RUNNING,
    CLOSED
  }

  private static final AtomicInteger LOOP_NUMBERS = new AtomicInteger();
  private static final Duration DEFAULT_SLOW_CALLBACK = Duration.ofMillis(100);

  private final String name;
  private final LoopClock clock;
  private final VirtualClock virtualClock;
  private final Selector selector;
  private final Inbox inbox;
  private final ArrayDeque<Handle> ready = new ArrayDeque<>(1024);
  private final TimerHeap timers = new TimerHeap();
  private final UnretrievedFailures unretrievedFailures = new UnretrievedFailures();
  private final Future<Void> completedVoid;
  private final Object lifecycle = new Object();
  private final java.util.concurrent.CopyOnWriteArrayList<Runnable> closeHooks =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  private volatile State state = State.IDLE;
  private volatile Thread owner;
  private ThreadState ownerState;
  private Context contextBeforeRun;
  private boolean stopping;
  private boolean interrupted;
  private long timerSequence;
  private int taskNumbers;
  private Task<?> pendingTasks;

  private volatile ExceptionHandler exceptionHandler;
  private volatile boolean debug;
  private volatile long slowCallbackNanos;

  private EventLoop(Builder builder) {
    this.name = builder.name != null ? builder.name : "loop-" + LOOP_NUMBERS.incrementAndGet();
    this.clock = builder.clock;
    this.virtualClock = builder.clock instanceof VirtualClock v ? v : null;
    this.exceptionHandler = builder.exceptionHandler;
    this.debug = builder.debug;
    this.slowCallbackNanos = builder.slowCallbackThreshold.toNanos();
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open an NIO selector for event loop '" + name + "'", e);
    }
    this.inbox = new Inbox(selector);
    this.owner = Thread.currentThread();
    this.ownerState = ThreadState.get();
    this.completedVoid = new YieldPoint<>(this, null);
  }

  /** Creates a loop with the system clock and default settings. */
  @ThreadSafe
  public static EventLoop create() {
    return builder().build();
  }

  /** Returns a builder for a loop with a name, clock, handler or debug settings of your choice. */
  @ThreadSafe
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the loop running on the calling thread: asyncio's {@code get_running_loop()}.
   *
   * @return the running loop
   * @throws IllegalStateException if no loop runs on this thread
   */
  @ThreadSafe
  public static EventLoop running() {
    EventLoop loop = ThreadState.get().loop;
    if (loop == null) {
      throw new IllegalStateException(
          "no event loop is running on thread '" + Thread.currentThread().getName()
              + "'; call this from a callback or task on a running loop, or start one with"
              + " EventLoop.create().run(main) / Aio.run(main)");
    }
    return loop;
  }

  /** Returns the loop running on the calling thread, if any. */
  @ThreadSafe
  public static Optional<EventLoop> current() {
    return Optional.ofNullable(ThreadState.get().loop);
  }

  // ---- Scheduling. ----

  /**
   * Schedules {@code callback} to run in the next iteration (FIFO), in the current context.
   *
   * @param callback what to run
   * @return a handle that can cancel it
   * @throws WrongThreadException if called from another thread; use {@link #callSoonThreadSafe}
   * @throws LoopClosedException if the loop is closed
   */
  @LoopConfined
  public Handle callSoon(Runnable callback) {
    Objects.requireNonNull(callback, "callback");
    checkThread(this, "callSoon", "loop.callSoonThreadSafe(callback)");
    checkOpen("callSoon");
    Handle handle = CallbackHandle.of(ownerState.context, callback, origin());
    ready.addLast(handle);
    return handle;
  }

  /**
   * Schedules {@code callback} from any thread, waking the loop if it sleeps. The callback runs
   * in the calling thread's current context. Callbacks from one thread run in the order they were
   * submitted. A callback still queued when the loop closes is discarded.
   *
   * @param callback what to run
   * @return a handle, which any thread may cancel before the callback starts
   * @throws LoopClosedException if the loop is closed
   */
  @ThreadSafe
  public Handle callSoonThreadSafe(Runnable callback) {
    Objects.requireNonNull(callback, "callback");
    return callSoonThreadSafe(ThreadState.get().context, callback);
  }

  Handle callSoonThreadSafe(Context context, Runnable callback) {
    Handle handle = CallbackHandle.of(context, callback, origin());
    postThreadSafe(handle);
    return handle;
  }

  /**
   * Queues a ready-made handle from any thread, as {@link #callSoonThreadSafe(Runnable)} does
   * with the handle it makes: for runtime objects that are their own handle (a bridge call), so
   * that posting them allocates nothing more.
   *
   * @throws LoopClosedException if the loop is closed
   */
  @ThreadSafe
  void postThreadSafe(Handle handle) {
    checkOpen("callSoonThreadSafe");
    if (inLoopThread()) {
      // One FIFO per thread: from the loop's own thread this must keep its order with callSoon.
      ready.addLast(handle);
      return;
    }
    inbox.post(handle);
    // close() may have drained the inbox between the check and the post: then say so.
    if (state == State.CLOSED && inbox.withdraw(handle)) {
      throw closed("callSoonThreadSafe");
    }
  }

  /**
   * Schedules {@code callback} to run once {@code delay} has passed on the loop's clock. A zero
   * or negative delay means as soon as possible, after callbacks already due.
   *
   * @param delay how long to wait
   * @param callback what to run
   * @return a handle that can cancel it
   * @throws WrongThreadException if called from another thread
   * @throws LoopClosedException if the loop is closed
   */
  @LoopConfined
  public TimerHandle callLater(Duration delay, Runnable callback) {
    Objects.requireNonNull(delay, "delay");
    return callAt(clock.nanoTime() + saturatedNanos(delay), callback);
  }

  /**
   * Schedules {@code callback} for loop time {@code deadline} (nanoseconds of {@link #time()}).
   *
   * @param deadline when to run it
   * @param callback what to run
   * @return a handle that can cancel it
   * @throws WrongThreadException if called from another thread
   * @throws LoopClosedException if the loop is closed
   */
  @LoopConfined
  public TimerHandle callAt(long deadline, Runnable callback) {
    Objects.requireNonNull(callback, "callback");
    checkThread(this, "callAt", "loop.callSoonThreadSafe(() -> loop.callAt(...))");
    checkOpen("callAt");
    TimerHandle timer =
        new TimerHandle(this, ownerState.context, deadline, timerSequence++, callback, origin());
    timers.add(timer);
    return timer;
  }

  /** Returns the loop's time in nanoseconds, from its clock. */
  @ThreadSafe
  public long time() {
    return clock.nanoTime();
  }

  // ---- Futures and tasks. ----

  /** Creates a pending future on this loop: asyncio's {@code loop.create_future()}. */
  @LoopConfined
  public <T> Future<T> createFuture() {
    checkThread(this, "createFuture", "loop.callSoonThreadSafe(...)");
    return new Future<>(this);
  }

  /** Creates a future that has succeeded with {@code value}. */
  @LoopConfined
  public <T> Future<T> completedFuture(T value) {
    Future<T> future = createFuture();
    future.succeed(value);
    return future;
  }

  /**
   * Creates a future that has failed with {@code failure}.
   *
   * @throws NullPointerException if {@code failure} is null
   */
  @LoopConfined
  public <T> Future<T> failedFuture(Throwable failure) {
    Objects.requireNonNull(failure, "failure");
    Future<T> future = createFuture();
    future.setException(failure);
    return future;
  }

  /**
   * Creates a task that runs {@code body} from the next iteration on; see {@link Task}.
   *
   * @param body the async function
   * @return the task
   * @throws WrongThreadException if called from another thread
   * @throws LoopClosedException if the loop is closed
   */
  @LoopConfined
  public <T> Task<T> createTask(AsyncCallable<T> body) {
    return createTask(null, body);
  }

  /**
   * Creates a named task; see {@link #createTask(AsyncCallable)}.
   *
   * @param name the task's name, or null for {@code Task-<n>}
   * @param body the async function
   * @return the task
   */
  @LoopConfined
  public <T> Task<T> createTask(String name, AsyncCallable<T> body) {
    Objects.requireNonNull(body, "body");
    checkThread(this, "createTask", "loop.submit(...) from the bridge, or callSoonThreadSafe");
    checkOpen("createTask");
    Task<T> task = newTask(name, body);
    ready.addLast(new Task.Start(task));
    return task;
  }

  /**
   * Creates a task and runs its first step now, inside the running callback (asyncio 3.12's eager
   * task start). For runtime callbacks whose only job is to start the task, such as a bridge
   * call posted from another thread: starting it in a later iteration would only add a hop.
   */
  <T> Task<T> startTaskNow(AsyncCallable<T> body) {
    Task<T> task = newTask(null, body);
    Task<?> running = ownerState.task;
    task.enterOwner();
    try {
      task.start();
    } finally {
      ownerState.task = running;
    }
    return task;
  }

  /** The thread-safe inbox; for the bridge, which counts its blocked callers there. */
  Inbox inbox() {
    return inbox;
  }

  private <T> Task<T> newTask(String name, AsyncCallable<T> body) {
    Task<T> task = new Task<>(this, ++taskNumbers, name, body, ownerState.context);
    task.nextPending = pendingTasks;
    if (pendingTasks != null) {
      pendingTasks.previousPending = task;
    }
    pendingTasks = task;
    return task;
  }

  /** Returns the tasks of this loop that are not done, oldest last. */
  @LoopConfined
  public List<Task<?>> allTasks() {
    checkThread(this, "allTasks", "loop.callSoonThreadSafe(...)");
    List<Task<?>> tasks = new ArrayList<>();
    for (Task<?> task = pendingTasks; task != null; task = task.nextPending) {
      tasks.add(task);
    }
    return tasks;
  }

  /**
   * Returns a future that completes after exactly one loop iteration: what a continuation on it
   * waits. asyncio's {@code sleep(0)}.
   */
  @LoopConfined
  public Future<Void> yieldNow() {
    checkThread(this, "yieldNow", "loop.callSoonThreadSafe(...)");
    // Already done: a continuation is queued at once and runs in the next iteration.
    return completedVoid;
  }

  /**
   * Returns a future that completes with {@code null} after {@code delay}; zero or negative
   * delays act as {@link #yieldNow()}. Cancelling the future cancels its timer.
   *
   * @param delay how long
   * @return the future
   */
  @LoopConfined
  public Future<Void> sleep(Duration delay) {
    return sleep(delay, null);
  }

  /**
   * Returns a future that completes with {@code value} after {@code delay}: asyncio's {@code
   * sleep(delay, result)}.
   *
   * @param delay how long
   * @param value the result
   * @return the future
   */
  @LoopConfined
  public <T> Future<T> sleep(Duration delay, T value) {
    Objects.requireNonNull(delay, "delay");
    checkThread(this, "sleep", "loop.callSoonThreadSafe(...)");
    if (delay.isZero() || delay.isNegative()) {
      return value == null ? uncheckedVoid() : new YieldPoint<>(this, value);
    }
    Sleep<T> sleep = new Sleep<>(this);
    sleep.timer = callLater(delay, () -> sleep.wake(value));
    return sleep;
  }

  @SuppressWarnings("unchecked")
  private <T> Future<T> uncheckedVoid() {
    return (Future<T>) completedVoid;
  }

  /** A future that a timer completes; cancelling it cancels the timer. */
  private static final class Sleep<T> extends Future<T> {
    TimerHandle timer;

    Sleep(EventLoop loop) {
      super(loop);
    }

    void wake(T value) {
      if (isPending()) {
        timer = null;
        succeed(value);
      }
    }

    @Override
    void onSettled() {
      if (timer != null) {
        timer.cancel();
        timer = null;
      }
    }

    @Override
    String describe() {
      return "Sleep";
    }
  }

  /** Returns {@code stage} if it is a future of this loop, else a future that adopts it. */
  <T> Future<T> ensureFuture(CompletionStage<T> stage) {
    Objects.requireNonNull(stage, "stage");
    if (stage instanceof Future<T> future && future.loop == this) {
      return future;
    }
    return Stage.adopting(this, stage);
  }

  // ---- Running. ----

  /**
   * Runs the loop until {@link #stop()} is called: asyncio's {@code run_forever()}. A {@code
   * stop()} made before this call makes it run one iteration.
   *
   * @throws IllegalStateException if the loop is running, or another loop runs on this thread
   * @throws LoopClosedException if the loop is closed
   */
  public void runForever() {
    enter();
    try {
      do {
        iterate();
      } while (!stopping);
    } finally {
      exit();
    }
  }

  /**
   * Runs exactly one iteration (see the class documentation): for tests that step the loop.
   *
   * @throws IllegalStateException if the loop is running, or another loop runs on this thread
   * @throws LoopClosedException if the loop is closed
   */
  public void runOnce() {
    enter();
    try {
      iterate();
    } finally {
      exit();
    }
  }

  /**
   * Runs the loop until {@code stage} completes and returns its value: asyncio's {@code
   * run_until_complete}. A foreign {@code CompletionStage} is adopted first.
   *
   * @param stage what to wait for
   * @return its value
   * @throws CancelledError if it was cancelled
   * @throws IllegalStateException if the loop stopped, or its thread was interrupted, before
   *     {@code stage} completed (the interrupt status is kept)
   */
  public <T> T runUntilComplete(CompletionStage<T> stage) {
    checkThread(this, "runUntilComplete", "loop.submit(...) through the bridge");
    // Refuse before registering the stop callback: a refused call must leave no trace behind.
    checkRunnable();
    Future<T> future = ensureFuture(stage);
    boolean[] armed = {true};
    future.register(new Registration(Context.EMPTY) {
      @Override
      void onDone(Future<?> source) {
        // Disarmed when this call returned early: it must not stop a later run.
        stopping |= armed[0];
      }

      @Override
      String describe() {
        return "stop when " + future + " is done";
      }
    });
    try {
      runForever();
    } finally {
      armed[0] = false;
    }
    if (!future.isDone()) {
      throw new IllegalStateException(
          "event loop '" + name + "' "
              + (Thread.currentThread().isInterrupted() ? "was interrupted" : "was stopped")
              + " before " + future + " completed");
    }
    return future.result();
  }

  /**
   * Runs {@code main} as a task to completion, then cancels every task still pending and waits
   * for them, then closes the loop: asyncio's {@code asyncio.run}. Failures of the cancelled
   * tasks go to the exception handler.
   *
   * @param main the main async function
   * @return its value
   * @throws CancelledError if the main task was cancelled
   * @throws IllegalStateException if the loop is running or was stopped early
   */
  public <T> T run(AsyncCallable<T> main) {
    Objects.requireNonNull(main, "main");
    // Refuse a running or nested loop before creating the main task, which would be left behind.
    checkRunnable();
    try {
      return runUntilComplete(createTask("main", main));
    } finally {
      try {
        cancelRemainingTasks();
      } finally {
        close();
      }
    }
  }

  private void cancelRemainingTasks() {
    if (state == State.CLOSED || pendingTasks == null) {
      return;
    }
    // Finish the shutdown even if the thread was interrupted; the status is restored after.
    boolean wasInterrupted = Thread.interrupted();
    try {
      List<Task<?>> remaining = allTasks();
      for (Task<?> task : remaining) {
        task.cancel("event loop '" + name + "' is shutting down");
      }
      Future<Void> allDone = new Future<>(this);
      AtomicInteger left = new AtomicInteger(remaining.size());
      for (Task<?> task : remaining) {
        task.register(new Registration(Context.EMPTY) {
          @Override
          void onDone(Future<?> source) {
            Throwable failure = source.takeFailure();
            if (failure != null && !(failure instanceof CancelledError)) {
              callExceptionHandler(new LoopError(
                  "unhandled failure of " + source + " during shutdown", failure, source));
            }
            if (left.decrementAndGet() == 0) {
              allDone.succeed(null);
            }
          }

          @Override
          String describe() {
            return "shutdown wait for " + task;
          }
        });
      }
      runUntilComplete(allDone);
    } finally {
      if (wasInterrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Stops the loop after the current iteration. Thread-safe: from another thread it is submitted
   * through {@link #callSoonThreadSafe(Runnable)}.
   *
   * @throws LoopClosedException if called from another thread after the loop closed
   */
  @ThreadSafe
  public void stop() {
    if (inLoopThread()) {
      stopping = true;
    } else {
      callSoonThreadSafe(() -> stopping = true);
    }
  }

  /**
   * Closes the loop: discards callbacks and timers that have not run, reports tasks still pending
   * and failures never retrieved to the exception handler, and releases the selector. Closing a
   * closed loop does nothing.
   *
   * @throws IllegalStateException if the loop is running; stop it first
   */
  @ThreadSafe
  @Override
  public void close() {
    synchronized (lifecycle) {
      if (state == State.CLOSED) {
        return;
      }
      if (state == State.RUNNING) {
        throw new IllegalStateException(
            "cannot close event loop '" + name + "' while it runs; call stop() and close it"
                + " after runForever() returns");
      }
      state = State.CLOSED;
    }
    for (Task<?> task = pendingTasks; task != null; task = task.nextPending) {
      callExceptionHandler(new LoopError(
          "task was still pending when event loop '" + name + "' closed and will never complete;"
              + " cancel and await tasks before closing (EventLoop.run does)", null, task));
    }
    pendingTasks = null;
    unretrievedFailures.reportAll(this);
    ready.clear();
    timers.clear();
    inbox.clear();
    try {
      selector.close();
    } catch (IOException e) {
      callExceptionHandler(new LoopError("closing the selector failed", e, this));
    }
    runCloseHooks();
  }

  /**
   * Runs {@code hook} once, on the closing thread, when the loop closes (at once if it is closed
   * already). For the bridge and the worker pools, which must release callers and threads.
   */
  void onClose(Runnable hook) {
    closeHooks.add(hook);
    if (state == State.CLOSED && closeHooks.remove(hook)) {
      hook.run();
    }
  }

  private void runCloseHooks() {
    for (Runnable hook : closeHooks) {
      // remove() decides who runs a hook that onClose is adding concurrently: exactly one side.
      if (closeHooks.remove(hook)) {
        try {
          hook.run();
        } catch (Throwable failure) {
          callExceptionHandler(new LoopError("a close hook failed", failure, this));
        }
      }
    }
  }

  /** Returns whether the loop is running. */
  @ThreadSafe
  public boolean isRunning() {
    return state == State.RUNNING;
  }

  /** Returns whether the loop is closed. */
  @ThreadSafe
  public boolean isClosed() {
    return state == State.CLOSED;
  }

  /** Returns whether the calling thread is this loop's thread. */
  @ThreadSafe
  public boolean inLoopThread() {
    return Thread.currentThread() == owner;
  }

  /** Returns the loop's name, used in messages and thread names. */
  @ThreadSafe
  public String name() {
    return name;
  }

  // ---- Errors and debugging. ----

  /**
   * Replaces the exception handler; {@code null} restores the default, {@link
   * ExceptionHandler#logging()}.
   */
  @ThreadSafe
  public void setExceptionHandler(ExceptionHandler handler) {
    this.exceptionHandler = handler != null ? handler : ExceptionHandler.logging();
  }

  /** Returns the exception handler. */
  @ThreadSafe
  public ExceptionHandler exceptionHandler() {
    return exceptionHandler;
  }

  /**
   * Reports {@code error} to the exception handler; a handler that throws is logged, never
   * propagated. asyncio's {@code call_exception_handler}.
   */
  public void callExceptionHandler(LoopError error) {
    Objects.requireNonNull(error, "error");
    try {
      exceptionHandler.handle(this, error);
    } catch (Throwable handlerFailure) {
      handlerFailure.addSuppressed(
          error.exception() != null ? error.exception() : new RuntimeException(error.message()));
      System.getLogger(EventLoop.class.getName()).log(System.Logger.Level.ERROR,
          "[" + name + "] the exception handler failed while handling: " + error.message(),
          handlerFailure);
    }
  }

  /**
   * Turns debug mode on or off. In debug mode the loop records where each callback was scheduled
   * and reports, as a warning, every callback that runs longer than the slow-callback threshold.
   */
  @ThreadSafe
  public void setDebug(boolean enabled) {
    this.debug = enabled;
  }

  /** Returns whether debug mode is on. */
  @ThreadSafe
  public boolean isDebug() {
    return debug;
  }

  /**
   * Sets how long a callback may run before debug mode reports it (default 100 ms).
   *
   * @throws IllegalArgumentException if {@code threshold} is negative
   */
  @ThreadSafe
  public void setSlowCallbackThreshold(Duration threshold) {
    this.slowCallbackNanos = Builder.checkThreshold(threshold).toNanos();
  }

  /** Returns the slow-callback threshold of debug mode. */
  @ThreadSafe
  public Duration slowCallbackThreshold() {
    return Duration.ofNanos(slowCallbackNanos);
  }

  @Override
  public String toString() {
    return "EventLoop[" + name + ", " + state.name().toLowerCase(java.util.Locale.ROOT) + "]";
  }

  // ---- I/O (for the runtime's streams and servers). ----

  /**
   * Registers a non-blocking channel with the loop's selector; {@code handler} runs on the loop
   * when the channel is ready for {@code operations}.
   */
  SelectionKey register(SelectableChannel channel, int operations, IoHandler handler)
      throws ClosedChannelException {
    checkThread(this, "register", "loop.callSoonThreadSafe(...)");
    checkOpen("register");
    return channel.register(selector, operations, handler);
  }

  // ---- Internals shared with futures, tasks and handles. ----

  void checkThread(Object target, String operation, String alternative) {
    Thread current = Thread.currentThread();
    if (current != owner) {
      throw wrongThread(target, operation, alternative, current);
    }
  }

  private WrongThreadException wrongThread(
      Object target, String operation, String alternative, Thread current) {
    Thread loopThread = owner;
    return new WrongThreadException(
        operation + "() on " + target + " was called from thread '" + current.getName()
            + "', but it is confined to event loop '" + name + "' (thread '"
            + (loopThread == null ? "none" : loopThread.getName()) + "'). From other threads use "
            + alternative + ".");
  }

  private void checkOpen(String operation) {
    if (state == State.CLOSED) {
      throw closed(operation);
    }
  }

  private LoopClosedException closed(String operation) {
    return new LoopClosedException(
        operation + "() on event loop '" + name + "', which is closed; create a new loop");
  }

  ThreadState threadState() {
    return ownerState;
  }

  void enqueue(Handle handle) {
    ready.addLast(handle);
  }

  void removeTimer(TimerHandle timer) {
    timers.remove(timer);
  }

  UnretrievedFailures.Entry trackUnretrieved(Future<?> future, Throwable failure) {
    return unretrievedFailures.track(future, failure);
  }

  void retrieved(UnretrievedFailures.Entry entry) {
    unretrievedFailures.retrieved(entry);
  }

  void taskSettled(Task<?> task) {
    Task<?> previous = task.previousPending;
    Task<?> next = task.nextPending;
    if (previous != null) {
      previous.nextPending = next;
    } else if (pendingTasks == task) {
      pendingTasks = next;
    }
    if (next != null) {
      next.previousPending = previous;
    }
    task.previousPending = null;
    task.nextPending = null;
  }

  private String origin() {
    return debug ? Callbacks.callerOutsideRuntime() : null;
  }

  private static long saturatedNanos(Duration delay) {
    if (delay.isNegative()) {
      return 0;
    }
    try {
      return delay.toNanos();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE / 2;
    }
  }

  // ---- The iteration. ----

  private void checkRunnable() {
    checkOpen("run");
    if (state == State.RUNNING) {
      throw new IllegalStateException(
          "event loop '" + name + "' is already running on thread '" + owner.getName()
              + "'; submit work to it with callSoonThreadSafe instead of running it again");
    }
    EventLoop running = ThreadState.get().loop;
    if (running != null) {
      throw new IllegalStateException(
          "event loop '" + running.name + "' is already running on this thread; loops do"
              + " not nest: schedule the work on the running loop instead");
    }
  }

  private void enter() {
    synchronized (lifecycle) {
      checkRunnable();
      ThreadState current = ThreadState.get();
      owner = Thread.currentThread();
      ownerState = current;
      current.loop = this;
      state = State.RUNNING;
    }
    contextBeforeRun = ownerState.context;
  }

  private void exit() {
    stopping = false;
    ownerState.context = contextBeforeRun;
    ownerState.task = null;
    ownerState.loop = null;
    synchronized (lifecycle) {
      state = State.IDLE;
    }
    if (interrupted) {
      interrupted = false;
      Thread.currentThread().interrupt();
    }
  }

  private void iterate() {
    unretrievedFailures.reportCollected(this);
    waitForIo();
    // Checked every iteration, not only after blocking: a busy loop must stop on interrupt too.
    if (Thread.interrupted()) {
      interrupted = true;
      stopping = true;
    }
    inbox.drainTo(ready);
    if (!timers.isEmpty()) {
      long now = clock.nanoTime();
      TimerHandle timer;
      while ((timer = timers.peek()) != null && timer.deadline - now <= 0) {
        timers.poll();
        ready.addLast(timer);
      }
    }
    runReady();
  }

  private void waitForIo() {
    if (!ready.isEmpty() || stopping || !inbox.isEmpty()) {
      pollIo(0);
      return;
    }
    TimerHandle next = timers.peek();
    if (next == null) {
      pollIo(-1);
      return;
    }
    long remaining = next.deadline - clock.nanoTime();
    if (remaining <= 0) {
      pollIo(0);
    } else if (virtualClock == null) {
      pollIo(remaining);
    } else {
      long quiet = virtualClock.autoJumpThreshold().toNanos();
      long started = System.nanoTime();
      int selected = pollIo(quiet);
      // A wait may end early for nothing (a stale selector wake-up, a leftover unpark permit):
      // jump only after the whole quiet window really passed; otherwise the next iteration
      // waits again.
      if (selected == 0 && inbox.isEmpty() && !stopping && System.nanoTime() - started >= quiet) {
        virtualClock.jumpTo(next.deadline);
      }
    }
  }

  /** Polls the selector: {@code 0} without blocking, {@code -1} without a limit. */
  private int pollIo(long timeoutNanos) {
    int selected;
    try {
      if (timeoutNanos == 0) {
        if (selector.keys().isEmpty()) {
          return 0;
        }
        selected = selector.selectNow();
      } else if (inbox.spinForPost() || !inbox.prepareToSleep()) {
        selected = selector.keys().isEmpty() ? 0 : selector.selectNow();
      } else {
        try {
          if (selector.keys().isEmpty()) {
            // No channel to watch (a bridge's loop): park, which a post undoes far more cheaply
            // than a selector wake-up.
            inbox.park(timeoutNanos);
            selected = 0;
          } else {
            selected = timeoutNanos < 0
                ? selector.select()
                : selector.select(Math.max(1, (timeoutNanos + 999_999) / 1_000_000));
          }
        } finally {
          inbox.awake();
        }
      }
    } catch (IOException e) {
      callExceptionHandler(new LoopError("polling the selector failed", e, this));
      return 0;
    }
    if (selected > 0) {
      dispatchIo();
    }
    return selected;
  }

  private void dispatchIo() {
    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
    while (keys.hasNext()) {
      SelectionKey key = keys.next();
      keys.remove();
      if (!key.isValid()) {
        continue;
      }
      IoHandler handler = (IoHandler) key.attachment();
      ownerState.context = contextBeforeRun;
      ownerState.task = null;
      Object outerScope = ownerState.callbackScope;
      Object outerRun = ownerState.runScope;
      ownerState.callbackScope = handler;
      ownerState.runScope = null;
      try {
        handler.ready(key);
      } catch (Throwable failure) {
        callExceptionHandler(new LoopError("I/O handler " + handler + " failed", failure, key));
      } finally {
        ownerState.callbackScope = outerScope;
        ownerState.runScope = outerRun;
      }
    }
  }

  private void runReady() {
    ThreadState thread = ownerState;
    boolean timed = debug;
    // Each callback is its own scope for context variable tokens (asyncio runs each in a Context).
    Object outerScope = thread.callbackScope;
    Object outerRun = thread.runScope;
    thread.runScope = null;
    for (int count = ready.size(); count > 0; count--) {
      Handle handle = ready.pollFirst();
      if (handle.cancelled()) {
        continue;
      }
      thread.context = handle.context;
      thread.task = null;
      thread.callbackScope = handle;
      long started = timed ? System.nanoTime() : 0L;
      try {
        handle.invoke();
      } catch (Throwable failure) {
        callExceptionHandler(new LoopError(
            "exception in callback " + handle.describe(), failure, handle));
      }
      if (timed) {
        long took = System.nanoTime() - started;
        if (took > slowCallbackNanos) {
          callExceptionHandler(new LoopError(
              String.format(java.util.Locale.ROOT,
                  "executing %s took %.3f ms, over the slow-callback threshold of %.3f ms",
                  handle.describe(), took / 1e6, slowCallbackNanos / 1e6),
              null, handle));
        }
      }
    }
    thread.context = contextBeforeRun;
    thread.task = null;
    thread.callbackScope = outerScope;
    thread.runScope = outerRun;
  }

  /**
   * Settings for a new {@link EventLoop}.
   *
   * <p><b>Threading:</b> not thread-safe; use a builder on one thread.
   */
  public static final class Builder {
    private String name;
    private LoopClock clock = LoopClock.system();
    private ExceptionHandler exceptionHandler = ExceptionHandler.logging();
    private boolean debug;
    private Duration slowCallbackThreshold = DEFAULT_SLOW_CALLBACK;

    private Builder() {}

    /** Names the loop (default {@code loop-<n>}). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Sets the clock (default {@link LoopClock#system()}); tests pass a {@link VirtualClock}. */
    public Builder clock(LoopClock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Sets the exception handler (default {@link ExceptionHandler#logging()}). */
    public Builder exceptionHandler(ExceptionHandler handler) {
      this.exceptionHandler = Objects.requireNonNull(handler, "handler");
      return this;
    }

    /** Turns debug mode on; see {@link EventLoop#setDebug(boolean)}. */
    public Builder debug(boolean enabled) {
      this.debug = enabled;
      return this;
    }

    /**
     * Sets the slow-callback threshold of debug mode (default 100 ms).
     *
     * @throws IllegalArgumentException if {@code threshold} is negative
     */
    public Builder slowCallbackThreshold(Duration threshold) {
      this.slowCallbackThreshold = checkThreshold(threshold);
      return this;
    }

    /**
     * Creates the loop; its thread is the calling thread until another thread runs it.
     *
     * @throws UncheckedIOException if the NIO selector cannot be opened
     */
    public EventLoop build() {
      return new EventLoop(this);
    }

    static Duration checkThreshold(Duration threshold) {
      Objects.requireNonNull(threshold, "threshold");
      if (threshold.isNegative()) {
        throw new IllegalArgumentException(
            "slow-callback threshold must not be negative, got " + threshold);
      }
      return threshold;
    }
  }
}
