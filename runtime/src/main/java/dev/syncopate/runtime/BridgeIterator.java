package dev.syncopate.runtime;

import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * {@link LoopBridge#iterate}: a producer task on the loop feeds a queue that a consumer thread
 * drains.
 *
 * <p><b>Back-pressure:</b> the producer spends one credit per {@code moveNext()} and the consumer
 * returns one per element it takes, starting from {@code prefetch}; the producer stops at zero
 * and the consumer restarts it when it returns the first credit. So no more than {@code
 * prefetch} elements are ever produced ahead of the consumer.
 *
 * <p>The queue ends with exactly one terminal item: the end, the producer's failure, or the
 * loop's end.
 *
 * <p><b>Threading:</b> the producer fields are loop-confined; the queue, credits and latch are
 * thread-safe; the consumer fields belong to the consumer thread; {@link #close()} is
 * thread-safe.
 */
final class BridgeIterator<T> implements CloseableIterator<T>, BridgeCore.Releasable {
  private static final Object END = new Object();
  private static final Object NULL = new Object();
  private static final String WHAT = "CloseableIterator.hasNext";

  private record Failed(Throwable failure) {}

  private record Gone(Throwable cause) {}

  private final BridgeCore core;
  private final Callable<? extends AsyncSequence<T>> opener;
  private final Object[] propagated;

  // Shared.
  private final ConcurrentLinkedQueue<Object> items = new ConcurrentLinkedQueue<>();
  private final AtomicInteger credits;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch producerDone = new CountDownLatch(1);
  private final AtomicBoolean terminated = new AtomicBoolean();
  private volatile Thread consumer;

  // Loop-confined.
  private Task<Void> task;
  private AsyncSequence<T> sequence;
  private Pump pump;
  private boolean cancelBeforeStart;

  // Consumer-confined.
  private Object next;
  private boolean ended;

  private BridgeIterator(
      BridgeCore core, Callable<? extends AsyncSequence<T>> opener, int prefetch) {
    this.core = core;
    this.opener = opener;
    this.credits = new AtomicInteger(prefetch);
    this.propagated = ContextPropagation.capture();
  }

  static <T> BridgeIterator<T> start(
      BridgeCore core, Callable<? extends AsyncSequence<T>> opener, int prefetch) {
    BridgeIterator<T> iterator = new BridgeIterator<>(core, opener, prefetch);
    core.enter(iterator, "LoopBridge.iterate");
    try {
      core.loop.callSoonThreadSafe(iterator::startProducer);
    } catch (LoopClosedException closed) {
      iterator.loopGone(closed);
    }
    return iterator;
  }

  // ---- The producer, on the loop. ----

  private void startProducer() {
    if (cancelBeforeStart || terminated.get()) {
      terminate(new Failed(new CancelledError("the iterator was closed before it started")));
      return;
    }
    task = core.loop.createTask("LoopBridge.iterate", this::produce);
    task.register(new Registration(Context.EMPTY) {
      @Override
      void onDone(Future<?> source) {
        Throwable failure = source.takeFailure();
        terminate(failure == null ? END : new Failed(failure));
      }

      @Override
      String describe() {
        return "end of " + task;
      }
    });
  }

  private CompletionStage<Void> produce() throws Exception {
    EventLoop loop = core.loop;
    Object[] previous = ContextPropagation.restore(propagated);
    try {
      sequence = opener.call();
    } finally {
      ContextPropagation.reset(previous);
    }
    if (sequence == null) {
      throw new NullPointerException("the opener given to LoopBridge.iterate returned null");
    }
    pump = new Pump(loop);
    pump();
    // Whatever ends the pump (end, failure, cancellation), close the sequence before the task ends.
    return pump.handle((ignored, failure) -> failure).thenCompose(failure ->
        loop.ensureFuture(sequence.closeAsync()).handle((ignored, closeFailure) -> {
          if (failure != null) {
            if (closeFailure != null && closeFailure != failure) {
              failure.addSuppressed(closeFailure);
            }
            throw Throwables.sneakyThrow(failure);
          }
          if (closeFailure != null) {
            throw Throwables.sneakyThrow(closeFailure);
          }
          return (Void) null;
        }));
  }

  /** Fetches the next element if a credit is left and no fetch is outstanding. */
  private void pump() {
    Pump current = pump;
    if (current == null || !current.isPending() || current.step != null || credits.get() <= 0) {
      return;
    }
    credits.decrementAndGet();
    Future<Boolean> step;
    try {
      step = core.loop.ensureFuture(sequence.moveNext());
    } catch (Throwable failure) {
      current.fail(failure, false);
      return;
    }
    current.step = step;
    step.register(new Registration(Context.EMPTY) {
      @Override
      void onDone(Future<?> source) {
        current.step = null;
        Throwable failure = source.takeFailure();
        if (!current.isPending()) {
          return;
        }
        if (failure != null) {
          current.fail(failure, false);
          return;
        }
        if (!Boolean.TRUE.equals(source.valueNow())) {
          current.succeed(null);
          return;
        }
        try {
          T element = sequence.current();
          offer(element == null ? NULL : element);
        } catch (Throwable currentFailure) {
          current.fail(currentFailure, false);
          return;
        }
        pump();
      }

      @Override
      String describe() {
        return "prefetch of LoopBridge.iterate";
      }
    });
  }

  /** Cancels the producer; loop thread. */
  void cancelProducer() {
    if (task == null) {
      cancelBeforeStart = true;
    } else {
      task.cancel("the iterator was closed");
    }
  }

  /** The pump's progress as a future: cancelling it cancels the outstanding fetch. */
  private static final class Pump extends Future<Void> {
    Future<Boolean> step;

    Pump(EventLoop loop) {
      super(loop);
    }

    @Override
    void onSettled() {
      Future<Boolean> outstanding = step;
      if (outstanding != null) {
        step = null;
        outstanding.cancel("the iterator's producer ended");
      }
    }

    @Override
    String describe() {
      return "LoopBridge.iterate producer";
    }
  }

  // ---- Between the two. ----

  private void offer(Object item) {
    items.offer(item);
    Thread waiting = consumer;
    if (waiting != null) {
      LockSupport.unpark(waiting);
    }
  }

  private void terminate(Object terminal) {
    if (terminated.compareAndSet(false, true)) {
      offer(terminal);
    }
    core.leave(this);
    producerDone.countDown();
  }

  @Override
  public void loopGone(Throwable cause) {
    if (terminated.compareAndSet(false, true)) {
      offer(new Gone(cause));
    }
    producerDone.countDown();
  }

  // ---- The consumer. ----

  @Override
  public boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (ended || closed.get()) {
      return false;
    }
    core.refuseLoopThread(ThreadState.get(), WHAT);
    Object item = take();
    if (item == END) {
      ended = true;
      return false;
    }
    if (item instanceof Failed failed) {
      ended = true;
      throw CallSite.rethrow(failed.failure(), WHAT);
    }
    if (item instanceof Gone gone) {
      ended = true;
      throw core.closedException(WHAT, gone.cause());
    }
    next = item;
    if (credits.getAndIncrement() == 0) {
      try {
        core.loop.callSoonThreadSafe(this::pump);
      } catch (LoopClosedException closedLoop) {
        // The close releases this iterator with a Gone item.
      }
    }
    return true;
  }

  @Override
  @SuppressWarnings("unchecked")
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("the iteration has ended");
    }
    Object item = next;
    next = null;
    return item == NULL ? null : (T) item;
  }

  private Object take() {
    Object item = items.poll();
    if (item != null) {
      return item;
    }
    if (Thread.interrupted()) {
      interrupted();
    }
    consumer = Thread.currentThread();
    try {
      while ((item = items.poll()) == null) {
        LockSupport.park(this);
        if (Thread.interrupted()) {
          interrupted();
        }
      }
      return item;
    } finally {
      consumer = null;
    }
  }

  private void interrupted() {
    close();
    Thread.currentThread().interrupt();
    throw new BridgeInterruptedException(
        WHAT + " on event loop '" + core.loop.name() + "' was interrupted; the iterator was"
            + " closed and its producer cancelled", null);
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    next = null;
    if (!terminated.get()) {
      try {
        core.loop.callSoonThreadSafe(this::cancelProducer);
      } catch (LoopClosedException closedLoop) {
        // Nothing runs any more.
      }
      if (ThreadState.get().loop != core.loop) { // the loop thread cannot wait for itself
        awaitProducer();
      }
    }
    items.clear();
  }

  private void awaitProducer() {
    BridgeCore.awaitUninterruptibly(producerDone, LoopBridge.CANCEL_GRACE.toNanos());
  }
}
