package dev.syncopate.runtime;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker threads of one loop, for blocking code called from async code: asyncio's {@code
 * to_thread}, and asgiref's {@code thread_sensitive} mode.
 *
 * <ul>
 *   <li>{@link #toThread(Callable)} runs the function on a bounded pool: virtual threads when
 *       the JVM has them (at most {@value #VIRTUAL_LIMIT} at once), else daemon platform threads
 *       (at most {@code min(32, CPUs + 4)}, asyncio's default). Work beyond the bound queues.
 *   <li>{@link #toThreadSensitive(Callable)} runs every function, in submission order, on one
 *       dedicated daemon platform thread of the loop: for code bound to one thread (thread-locals
 *       it keeps, libraries that are not thread-safe).
 * </ul>
 *
 * <p><b>Cancellation:</b> cancelling the returned future before the function started means it
 * never starts; once it runs, the thread is not interrupted or killed: the function runs to its
 * end and its result is dropped.
 *
 * <p><b>Context:</b> the function runs in the loop-side {@link Context} current at the call and
 * with the state of registered {@link ContextPropagator}s captured on the loop thread.
 *
 * <p><b>Lifecycle:</b> the pool of a loop is made on first use and shut down when the loop closes
 * ({@link EventLoop#run} closes it): queued functions are dropped, running ones finish and their
 * results are dropped.
 *
 * <p><b>Threading:</b> {@link #toThread} and {@link #toThreadSensitive} are loop-confined (they
 * return a loop future); {@link #of(EventLoop)} is thread-safe.
 */
@ThreadSafe
public final class WorkerPool {
  /** The most virtual worker threads running at once for one loop. */
  public static final int VIRTUAL_LIMIT = 256;

  private static final Map<EventLoop, WorkerPool> POOLS = new ConcurrentHashMap<>();
  private static final ThreadFactoryMaker VIRTUAL = ThreadFactoryMaker.virtualIfAvailable();

  private final EventLoop loop;
  private final ThreadPoolExecutor workers;
  private final ThreadPoolExecutor sensitive;
  private final AtomicBoolean shutDown = new AtomicBoolean();
  private final AtomicBoolean registered = new AtomicBoolean();

  private WorkerPool(EventLoop loop) {
    this.loop = loop;
    int limit = VIRTUAL != null ? VIRTUAL_LIMIT
        : Math.min(32, Runtime.getRuntime().availableProcessors() + 4);
    ThreadFactory factory = VIRTUAL != null ? VIRTUAL.make(loop.name() + "-worker-")
        : platformFactory(loop.name() + "-worker-");
    this.workers = executor(limit, factory);
    this.sensitive = executor(1, platformFactory(loop.name() + "-thread-sensitive-"));
  }

  private static ThreadPoolExecutor executor(int threads, ThreadFactory factory) {
    ThreadPoolExecutor executor = new ThreadPoolExecutor(
        threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    executor.allowCoreThreadTimeOut(true);
    return executor;
  }

  private static ThreadFactory platformFactory(String prefix) {
    AtomicInteger numbers = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + numbers.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  /**
   * Returns the worker pool of {@code loop}, making it on first use.
   *
   * @param loop the loop
   * @return its pool
   * @throws LoopClosedException if the loop is closed
   * @throws NullPointerException if {@code loop} is null
   */
  public static WorkerPool of(EventLoop loop) {
    Objects.requireNonNull(loop, "loop");
    WorkerPool pool = POOLS.computeIfAbsent(loop, WorkerPool::new);
    if (pool.shutDown.get() || loop.isClosed()) {
      POOLS.remove(loop, pool);
      pool.shutdown();
      throw new LoopClosedException(
          "WorkerPool.of: event loop '" + loop.name() + "' is closed; create a new loop");
    }
    if (pool.registered.compareAndSet(false, true)) {
      loop.onClose(pool::shutdown);
    }
    return pool;
  }

  /** Returns whether the pool uses virtual threads (JDK 21+ and not disabled). */
  public boolean usesVirtualThreads() {
    return VIRTUAL != null;
  }

  /** Returns the most functions that {@link #toThread} runs at once. */
  public int maxThreads() {
    return workers.getMaximumPoolSize();
  }

  /**
   * Runs {@code function} on a worker thread; see the class documentation.
   *
   * @param function the blocking function
   * @param <T> the result type
   * @return a loop future of its outcome (the original exception on failure)
   * @throws WrongThreadException if not called on the loop thread
   * @throws LoopClosedException if the loop is closed
   * @throws NullPointerException if {@code function} is null
   */
  public <T> Future<T> toThread(Callable<T> function) {
    return hand(workers, function, "toThread");
  }

  /**
   * Runs {@code function} on the loop's one thread-sensitive thread, after every function handed
   * there before; see the class documentation.
   *
   * @param function the blocking function
   * @param <T> the result type
   * @return a loop future of its outcome
   * @throws WrongThreadException if not called on the loop thread
   * @throws LoopClosedException if the loop is closed
   * @throws NullPointerException if {@code function} is null
   */
  public <T> Future<T> toThreadSensitive(Callable<T> function) {
    return hand(sensitive, function, "toThreadSensitive");
  }

  private <T> Future<T> hand(ExecutorService executor, Callable<T> function, String what) {
    Objects.requireNonNull(function, "function");
    loop.checkThread(this, what, "LoopBridge.submit(() -> Aio." + what + "(...))");
    WorkerCall<T> call = new WorkerCall<>(loop, function);
    try {
      executor.execute(call);
    } catch (RejectedExecutionException shutDownMeanwhile) {
      throw new LoopClosedException(
          "WorkerPool." + what + ": the worker pool of event loop '" + loop.name()
              + "' is shut down because the loop closed");
    }
    return call;
  }

  private void shutdown() {
    if (shutDown.compareAndSet(false, true)) {
      POOLS.remove(loop, this);
      // shutdown(), not shutdownNow(): running functions are never interrupted; queued ones
      // are dropped here (their futures died with the loop).
      workers.shutdown();
      sensitive.shutdown();
      workers.getQueue().clear();
      sensitive.getQueue().clear();
    }
  }

  /** Whether the pool was shut down (its loop closed); for tests. */
  boolean isShutDown() {
    return shutDown.get() && workers.isShutdown() && sensitive.isShutdown();
  }

  @Override
  public String toString() {
    return "WorkerPool[" + loop.name() + (usesVirtualThreads() ? ", virtual" : ", platform")
        + ", max " + maxThreads() + "]";
  }

  /** Makes virtual-thread factories through reflection, so the code compiles on JDK 17. */
  private static final class ThreadFactoryMaker {
    private final Method ofVirtual;
    private final Method name;
    private final Method factory;

    private ThreadFactoryMaker(Method ofVirtual, Method name, Method factory) {
      this.ofVirtual = ofVirtual;
      this.name = name;
      this.factory = factory;
    }

    static ThreadFactoryMaker virtualIfAvailable() {
      if (!Boolean.parseBoolean(System.getProperty("syncopate.workers.virtual", "true"))) {
        return null;
      }
      try {
        Method ofVirtual = Thread.class.getMethod("ofVirtual");
        Class<?> builder = Class.forName("java.lang.Thread$Builder");
        return new ThreadFactoryMaker(ofVirtual, builder.getMethod("name", String.class,
            long.class), builder.getMethod("factory"));
      } catch (ReflectiveOperationException notThere) {
        return null; // JDK 17-20: platform threads.
      }
    }

    ThreadFactory make(String prefix) {
      try {
        Object builder = ofVirtual.invoke(null);
        builder = name.invoke(builder, prefix, 1L);
        return (ThreadFactory) factory.invoke(builder);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot make a virtual thread factory", e);
      }
    }
  }
}
