package dev.syncopate.runtime.queue;

import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.LoopConfined;
import dev.syncopate.runtime.internal.LoopBinding;
import dev.syncopate.runtime.internal.Sneaky;
import dev.syncopate.runtime.internal.WaiterQueue;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Comparator;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Queue;

/**
 * A queue for producer and consumer tasks: asyncio's {@code Queue}, {@code PriorityQueue} and
 * {@code LifoQueue}, chosen by factory ({@link #fifo}, {@link #priority}, {@link #lifo}).
 *
 * <h2>Guarantees</h2>
 *
 * <ul>
 *   <li><b>Back-pressure.</b> With a capacity, {@link #put(Object)} waits while the queue is full;
 *       {@link #get()} waits while it is empty. Waiters are served in arrival order, and a
 *       newcomer never overtakes a waiter that is not cancelled.
 *   <li><b>Nothing lost, nothing duplicated under cancellation.</b> A put wakes the oldest live
 *       getter and <em>reserves</em> an item for it; the item stays in the queue until the getter
 *       runs and takes it. A getter cancelled after it was woken gives up its reservation and the
 *       wake-up passes to the next getter, so the item goes to exactly one getter. Putters work
 *       the same way with free slots.
 *   <li><b>Fast paths.</b> A put into a queue with a free slot returns a shared completed future;
 *       a get from a queue with an unreserved item returns a completed future: no waiter, no
 *       callback, no loop iteration.
 *   <li><b>Shut-down (Python 3.13).</b> After {@link #shutdown(boolean) shutdown(false)} puts
 *       fail with {@link QueueShutDown}, gets drain the remaining items and then fail with it.
 *       {@code shutdown(true)} also drops the items (each counts as done for {@link #join()}).
 *       Waiting putters, and getters for which no item is left, fail with {@link QueueShutDown}.
 * </ul>
 *
 * <p>Items are counted from put to {@link #taskDone()}; {@link #join()} waits until every item
 * put has been marked done. Items may not be null.
 *
 * <p><b>Why the name:</b> {@code Queue} and {@code PriorityQueue} would clash with {@code
 * java.util.Queue} and {@code java.util.PriorityQueue}, imported in almost every file.
 *
 * <p><b>Threading:</b> loop-confined. Bound to the loop that first uses it; every method throws
 * {@link IllegalStateException} on another thread.
 *
 * @param <T> the item type
 * @see <a href="https://docs.python.org/3/library/asyncio-queue.html">asyncio.Queue</a>
 */
@LoopConfined
public final class AsyncQueue<T> {
  private final LoopBinding binding = new LoopBinding("AsyncQueue");
  /** FIFO: an ArrayDeque; LIFO: the same as a stack; priority: a heap (asyncio's _put/_get). */
  private final Queue<T> items;
  private final int capacity;
  private final WaiterQueue<Future<Boolean>> getters = new WaiterQueue<>();
  private final WaiterQueue<Future<Boolean>> putters = new WaiterQueue<>();
  private final WaiterQueue<Future<Void>> joiners = new WaiterQueue<>();

  /** Items promised to woken getters that have not run yet. */
  private int reservedItems;

  /** Slots promised to woken putters that have not run yet. */
  private int reservedSlots;

  private int unfinished;
  private boolean shutDown;

  private AsyncQueue(Queue<T> items, int capacity) {
    this.items = items;
    this.capacity = capacity;
  }

  /** Creates an unbounded first-in first-out queue: asyncio's {@code Queue()}. */
  public static <T> AsyncQueue<T> fifo() {
    return new AsyncQueue<>(new ArrayDeque<T>(), 0);
  }

  /**
   * Creates a bounded first-in first-out queue: asyncio's {@code Queue(maxsize)}.
   *
   * @param capacity the maximum number of items, at least 1
   * @throws IllegalArgumentException if {@code capacity} is less than 1 (use {@link #fifo()} for
   *     an unbounded queue)
   */
  public static <T> AsyncQueue<T> fifo(int capacity) {
    return new AsyncQueue<>(new ArrayDeque<T>(), checkCapacity(capacity));
  }

  /** Creates an unbounded last-in first-out queue: asyncio's {@code LifoQueue()}. */
  public static <T> AsyncQueue<T> lifo() {
    return new AsyncQueue<>(Collections.asLifoQueue(new ArrayDeque<T>()), 0);
  }

  /**
   * Creates a bounded last-in first-out queue: asyncio's {@code LifoQueue(maxsize)}.
   *
   * @param capacity the maximum number of items, at least 1
   * @throws IllegalArgumentException if {@code capacity} is less than 1
   */
  public static <T> AsyncQueue<T> lifo(int capacity) {
    return new AsyncQueue<>(
        Collections.asLifoQueue(new ArrayDeque<T>()), checkCapacity(capacity));
  }

  /**
   * Creates an unbounded queue that yields its smallest item first, in natural order: asyncio's
   * {@code PriorityQueue()}. Equal items leave in no defined order.
   */
  public static <T extends Comparable<? super T>> AsyncQueue<T> priority() {
    return new AsyncQueue<T>(new PriorityQueue<T>(Comparator.<T>naturalOrder()), 0);
  }

  /**
   * Creates a bounded queue that yields its smallest item first, in natural order: asyncio's
   * {@code PriorityQueue(maxsize)}. Equal items leave in no defined order.
   *
   * @param capacity the maximum number of items, at least 1
   * @throws IllegalArgumentException if {@code capacity} is less than 1
   */
  public static <T extends Comparable<? super T>> AsyncQueue<T> priority(int capacity) {
    return new AsyncQueue<T>(
        new PriorityQueue<T>(Comparator.<T>naturalOrder()), checkCapacity(capacity));
  }

  /**
   * Creates a queue that yields its smallest item first by {@code order}; equal items leave in no
   * defined order.
   *
   * @param capacity the maximum number of items, at least 1, or 0 for unbounded
   * @param order the order of the items
   * @throws IllegalArgumentException if {@code capacity} is negative
   * @throws NullPointerException if {@code order} is null
   */
  public static <T> AsyncQueue<T> priority(int capacity, Comparator<? super T> order) {
    Objects.requireNonNull(order, "order");
    if (capacity < 0) {
      throw new IllegalArgumentException(
          "capacity must be at least 1, or 0 for unbounded; got " + capacity);
    }
    return new AsyncQueue<>(new PriorityQueue<T>(order), capacity);
  }

  private static int checkCapacity(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException(
          "capacity must be at least 1, got " + capacity + "; use the factory without a"
              + " capacity for an unbounded queue");
    }
    return capacity;
  }

  /**
   * Puts {@code item}, waiting while the queue is full.
   *
   * <p>Cancelling the returned future before it completes withdraws the put: the item is not
   * added, and a free slot reserved for it passes to the next putter.
   *
   * @param item the item
   * @return a future that succeeds once the item is in the queue (already done if there was a
   *     free slot); it fails with {@link QueueShutDown} if the queue is or gets shut down first
   * @throws NullPointerException if {@code item} is null
   * @throws IllegalStateException if no loop runs on this thread, or the queue belongs to another
   *     loop's thread
   */
  public Future<Void> put(T item) {
    Objects.requireNonNull(item, "item");
    EventLoop loop = binding.loop("put");
    if (shutDown) {
      return loop.failedFuture(shutDownFor("put"));
    }
    if (hasFreeSlot()) {
      insert(item);
      return binding.done();
    }
    Future<Boolean> putter = loop.createFuture();
    putters.add(putter);
    return putter.handle((reserved, failure) -> afterPutWait(putter, item, reserved, failure));
  }

  /**
   * Puts {@code item} without waiting.
   *
   * @param item the item
   * @throws NullPointerException if {@code item} is null
   * @throws QueueFull if no slot is free (slots promised to woken putters are not free)
   * @throws QueueShutDown if the queue was shut down
   * @throws IllegalStateException on the wrong thread, as for {@link #put(Object)}
   */
  public void putNowait(T item) {
    Objects.requireNonNull(item, "item");
    binding.loop("putNowait");
    if (shutDown) {
      throw shutDownFor("putNowait");
    }
    if (!hasFreeSlot()) {
      throw new QueueFull(
          "putNowait() on a full queue (capacity " + capacity + "); use put() to wait for a slot");
    }
    insert(item);
  }

  /**
   * Takes an item, waiting while none is available.
   *
   * <p>Cancelling the returned future before it completes withdraws the get; an item reserved
   * for it stays in the queue and passes to the next getter.
   *
   * @return a future of the item (already done if one was available); it fails with {@link
   *     QueueShutDown} if the queue is shut down and no item is left for the caller
   * @throws IllegalStateException if no loop runs on this thread, or the queue belongs to another
   *     loop's thread
   */
  public Future<T> get() {
    EventLoop loop = binding.loop("get");
    if (items.size() > reservedItems) {
      return loop.completedFuture(take());
    }
    if (shutDown) {
      return loop.failedFuture(shutDownFor("get"));
    }
    Future<Boolean> getter = loop.createFuture();
    getters.add(getter);
    return getter.handle((reserved, failure) -> afterGetWait(getter, reserved, failure));
  }

  /**
   * Takes an item without waiting.
   *
   * @return the item
   * @throws QueueEmpty if no item is available (items promised to woken getters are not)
   * @throws QueueShutDown if the queue was shut down and is empty
   * @throws IllegalStateException on the wrong thread, as for {@link #get()}
   */
  public T getNowait() {
    binding.loop("getNowait");
    if (items.size() > reservedItems) {
      return take();
    }
    if (shutDown) {
      throw shutDownFor("getNowait");
    }
    throw new QueueEmpty("getNowait() on an empty queue; use get() to wait for an item");
  }

  /**
   * Marks one item taken from the queue as processed: asyncio's {@code task_done()}.
   *
   * @throws IllegalStateException if called more often than items were put (asyncio's {@code
   *     ValueError}), or on the wrong thread
   */
  public void taskDone() {
    binding.loop("taskDone");
    if (unfinished <= 0) {
      throw new IllegalStateException(
          "taskDone() called more times than there were items put; call it once per item taken");
    }
    if (--unfinished == 0) {
      joiners.drainLive(joiner -> joiner.setResult(null));
    }
  }

  /**
   * Waits until every item put has been marked done with {@link #taskDone()}: asyncio's {@code
   * join()}.
   *
   * @return a future that succeeds then (already done if nothing is unfinished)
   * @throws IllegalStateException on the wrong thread, as for {@link #get()}
   */
  public Future<Void> join() {
    EventLoop loop = binding.loop("join");
    if (unfinished == 0) {
      return binding.done();
    }
    Future<Void> joiner = loop.createFuture();
    joiners.add(joiner);
    return joiner;
  }

  /**
   * Shuts the queue down: asyncio's {@code shutdown(immediate)} (Python 3.13). Puts fail with
   * {@link QueueShutDown} from now on, waiting putters too. With {@code immediate}, the items are
   * dropped and count as done for {@link #join()}. Getters take what is left, then fail with
   * {@link QueueShutDown}. Calling it again is allowed (a later {@code immediate} call still drops
   * the items).
   *
   * @param immediate whether to drop the items in the queue
   * @throws IllegalStateException on the wrong thread
   */
  public void shutdown(boolean immediate) {
    binding.loop("shutdown");
    shutDown = true;
    if (immediate) {
      unfinished = Math.max(0, unfinished - items.size());
      items.clear();
      if (unfinished == 0) {
        joiners.drainLive(joiner -> joiner.setResult(null));
      }
    }
    wakeGetters();
    wakePutters();
  }

  /** Returns the number of items in the queue, including those promised to woken getters. */
  public int size() {
    binding.isBoundHere("size");
    return items.size();
  }

  /** Returns whether the queue holds no item. */
  public boolean isEmpty() {
    return size() == 0;
  }

  /**
   * Returns whether {@link #putNowait(Object)} would find no free slot (slots promised to woken
   * putters are not free).
   */
  public boolean isFull() {
    binding.isBoundHere("isFull");
    return !hasFreeSlot();
  }

  /** Returns the capacity, or 0 if unbounded. */
  public int capacity() {
    return capacity;
  }

  /** Returns whether {@link #shutdown(boolean)} was called. */
  public boolean isShutDown() {
    binding.isBoundHere("isShutDown");
    return shutDown;
  }

  /** Returns a snapshot: size, capacity, waiting getters and putters, unfinished items. */
  public QueueStatistics statistics() {
    if (!binding.isBoundHere("statistics")) {
      return new QueueStatistics(items.size(), capacity, 0, 0, unfinished, shutDown);
    }
    return new QueueStatistics(items.size(), capacity, getters.countLive(), putters.countLive(),
        unfinished, shutDown);
  }

  @Override
  public String toString() {
    return "AsyncQueue[size=" + items.size() + ", capacity=" + capacity
        + (shutDown ? ", shut down" : "") + "]";
  }

  // ---- Hand-over between putters and getters. ----

  private boolean hasFreeSlot() {
    return capacity == 0 || items.size() + reservedSlots < capacity;
  }

  private void insert(T item) {
    items.add(item);
    unfinished++;
    wakeGetters();
  }

  private T take() {
    T item = items.poll();
    wakePutters();
    return item;
  }

  /** Reserves unreserved items for the oldest live getters; after shut-down, releases the rest. */
  private void wakeGetters() {
    while (items.size() > reservedItems) {
      Future<Boolean> next = getters.pollLive();
      if (next == null) {
        return;
      }
      reservedItems++;
      next.setResult(Boolean.TRUE);
    }
    if (shutDown) {
      getters.drainLive(getter -> getter.setResult(Boolean.FALSE));
    }
  }

  /** Reserves free slots for the oldest live putters; after shut-down, releases them all. */
  private void wakePutters() {
    if (shutDown) {
      putters.drainLive(putter -> putter.setResult(Boolean.FALSE));
      return;
    }
    while (hasFreeSlot()) {
      Future<Boolean> next = putters.pollLive();
      if (next == null) {
        return;
      }
      reservedSlots++;
      next.setResult(Boolean.TRUE);
    }
  }

  /**
   * A woken or cancelled getter's step. It runs before anyone sees the outcome, so a getter that
   * was woken but cancelled meanwhile hands its reservation on here.
   */
  private T afterGetWait(Future<Boolean> getter, Boolean reserved, Throwable failure) {
    if (failure != null) {
      if (!getter.isCancelled() && getter.result()) {
        reservedItems--;
        wakeGetters();
      }
      throw Sneaky.rethrow(failure);
    }
    if (reserved) {
      reservedItems--;
    }
    if (items.size() > reservedItems) {
      return take();
    }
    throw shutDownFor("get");
  }

  /** A woken or cancelled putter's step; see {@link #afterGetWait}. */
  private Void afterPutWait(Future<Boolean> putter, T item, Boolean reserved, Throwable failure) {
    if (failure != null) {
      if (!putter.isCancelled() && putter.result()) {
        reservedSlots--;
        wakePutters();
      }
      throw Sneaky.rethrow(failure);
    }
    if (reserved) {
      reservedSlots--;
    }
    if (shutDown) {
      throw shutDownFor("put");
    }
    insert(item);
    return null;
  }

  private static QueueShutDown shutDownFor(String operation) {
    return new QueueShutDown(operation + "() on a queue that was shut down");
  }
}
