/**
 * Syncopate's runtime: an asyncio-style event loop, futures, tasks and context variables.
 *
 * <h2>The threading model</h2>
 *
 * <p>An {@link dev.syncopate.runtime.EventLoop} runs on one thread at a time: the thread that
 * calls {@code runForever}, {@code runUntilComplete}, {@code runOnce} or {@code run}. While it
 * does not run, its thread is the one that created it or ran it last. Everything the loop owns
 * (its futures, tasks, handles and timers) belongs to that thread. Each public member falls in
 * one of three kinds, marked by {@link dev.syncopate.runtime.LoopConfined} and {@link
 * dev.syncopate.runtime.ThreadSafe} and stated in its Javadoc under "Threading":
 *
 * <ul>
 *   <li><b>Loop-confined</b> (the default): call it on the loop's thread only. From any other
 *       thread it throws {@link dev.syncopate.runtime.WrongThreadException}, whose message names
 *       the thread-safe way to do the same: {@code loop.callSoonThreadSafe(...)} to run code on
 *       the loop, {@code future.toCompletableFuture()} to wait for or cancel a future. Loop-confined
 *       code never blocks and never needs a lock: only one thread ever touches that state.
 *   <li><b>Thread-safe</b>: {@code callSoonThreadSafe}, {@code stop}, {@code time}, {@code
 *       close} (of a loop that is not running), the exception-handler and debug settings, {@link
 *       dev.syncopate.runtime.Future#toCompletableFuture()} and the view it returns, {@link
 *       dev.syncopate.runtime.VirtualClock}, {@link dev.syncopate.runtime.Context} and {@link
 *       dev.syncopate.runtime.ContextVar}.
 *   <li><b>Blocking</b>: only the calls that run a loop ({@code runForever}, {@code
 *       runUntilComplete}, {@code runOnce}, {@code run}, {@code Aio.run}) block their thread, and
 *       they refuse to nest: one loop per thread at a time. Nothing that runs on the loop may block
 *       it; in debug mode a callback that runs longer than the slow-callback threshold is reported.
 *       Blocking work goes to an executor through the {@code *Async(fn, executor)} stage methods,
 *       whose result comes back to the loop.
 * </ul>
 *
 * <h2>The ready queue</h2>
 *
 * <p>Each loop iteration first waits for I/O (not at all if work is ready), then moves thread-safe
 * submissions and due timers onto the ready queue, then runs exactly the callbacks that were on
 * the queue when that step began, in FIFO order. What those callbacks schedule runs in the next
 * iteration, so {@link dev.syncopate.runtime.EventLoop#yieldNow()} lets every other ready task run
 * exactly once. Timers fire in deadline order and, on equal deadlines, in the order they were
 * scheduled. Every dependent of a future ({@code thenApply}, {@code whenComplete}, done callbacks,
 * task wake-ups) goes through this queue: nothing ever runs inline, neither in the call that
 * completes a future nor in the call that registers on a completed one. Callbacks from one thread
 * run in the order that thread submitted them.
 *
 * <h2>The context rule</h2>
 *
 * <p>Every callback runs in the {@link dev.syncopate.runtime.Context} that was current where it
 * was scheduled: {@code callSoon}, {@code callLater}, {@code callSoonThreadSafe} (the calling
 * thread's context), done callbacks and composed stages. A task copies the current context when
 * it is created. Setting a {@link dev.syncopate.runtime.ContextVar} inside a callback or task
 * changes only what that code, and what it schedules from then on, sees.
 *
 * <h2>Cancellation is a request</h2>
 *
 * <p>Cancelling a plain {@link dev.syncopate.runtime.Future} cancels it at once. Cancelling a task
 * or a composed stage asks it to stop: the request travels down to the future it waits on, and the
 * resulting {@link dev.syncopate.runtime.CancelledError} (one instance, carrying the message) flows
 * back up through every function in between, which may turn it into a value. So {@code
 * isDone()} can be false right after {@code cancel()} returned true. A task counts the requests
 * ({@code cancelling()}, {@code uncancel()}), and a task cancelled before it started never runs
 * its body.
 *
 * <h2>Example</h2>
 *
 * <pre>{@code
 * static final ContextVar<String> REQUEST = ContextVar.withDefault("request", "-");
 *
 * String answer = EventLoop.create().run(() -> {
 *   REQUEST.set("r-42");                                  // copied by tasks created below
 *   Task<String> worker = Aio.createTask(() ->
 *       Aio.sleep(Duration.ofMillis(10))
 *           .thenApply(v -> "done for " + REQUEST.get())); // runs on the loop thread, in r-42
 *   Task<Void> slow = Aio.createTask(() -> Aio.sleep(Duration.ofHours(1)));
 *   slow.cancel("not needed");                            // a request: slow is not done yet
 *   return worker.thenCombine(
 *       slow.exceptionally(cancelled -> null),           // turns the cancellation into a value
 *       (text, ignored) -> text);
 * });                                                     // "done for r-42"; the loop is closed
 * }</pre>
 *
 * <p>From another thread, hand work to a running loop with {@code
 * loop.callSoonThreadSafe(runnable)} and wait for a future through {@code
 * future.toCompletableFuture()}.
 */
package dev.syncopate.runtime;
