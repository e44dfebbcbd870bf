package dev.syncopate.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * asyncio's module-level functions, acting on the loop running on the calling thread.
 *
 * <p>Each is a shortcut for the same method on {@link EventLoop#running()}; {@link
 * #run(AsyncCallable)} creates its own loop.
 *
 * <p><b>Threading:</b> everything but {@code run} must be called on a running loop's thread and
 * throws {@link IllegalStateException} elsewhere.
 */
public final class Aio {
  private Aio() {}

  /**
   * Runs {@code main} on a new event loop and closes it: asyncio's {@code asyncio.run}. See
   * {@link EventLoop#run(AsyncCallable)}.
   *
   * @param main the main async function
   * @return its value
   */
  public static <T> T run(AsyncCallable<T> main) {
    return EventLoop.create().run(main);
  }

  /** Returns {@link EventLoop#sleep(Duration)} of the running loop. */
  public static Future<Void> sleep(Duration delay) {
    return EventLoop.running().sleep(delay);
  }

  /** Returns {@link EventLoop#sleep(Duration, Object)} of the running loop. */
  public static <T> Future<T> sleep(Duration delay, T value) {
    return EventLoop.running().sleep(delay, value);
  }

  /** Returns {@link EventLoop#yieldNow()} of the running loop: asyncio's {@code sleep(0)}. */
  public static Future<Void> yieldNow() {
    return EventLoop.running().yieldNow();
  }

  /** Creates a task on the running loop: asyncio's {@code create_task}. */
  public static <T> Task<T> createTask(AsyncCallable<T> body) {
    return EventLoop.running().createTask(body);
  }

  /** Creates a named task on the running loop. */
  public static <T> Task<T> createTask(String name, AsyncCallable<T> body) {
    return EventLoop.running().createTask(name, body);
  }

  /**
   * Returns the task whose code is running, if any: asyncio's {@code current_task()}. Inside a
   * stage's function it is the task whose body composed the stage.
   */
  public static Optional<Task<?>> currentTask() {
    EventLoop.running();
    return Optional.ofNullable(ThreadState.get().task);
  }

  /**
   * Runs blocking {@code function} on a worker thread of the running loop and returns a future
   * of its outcome: asyncio's {@code to_thread}. See {@link WorkerPool#toThread(java.util.concurrent.Callable)} for
   * the bound, cancellation (the thread is never killed; the result is dropped) and context.
   *
   * @throws IllegalStateException if no loop runs on this thread
   * @throws NullPointerException if {@code function} is null
   */
  public static <T> Future<T> toThread(java.util.concurrent.Callable<T> function) {
    return WorkerPool.of(EventLoop.running()).toThread(function);
  }

  /**
   * Runs blocking {@code function} on the running loop's one thread-sensitive thread, after
   * everything handed there before: asgiref's {@code thread_sensitive}. See {@link
   * WorkerPool#toThreadSensitive(java.util.concurrent.Callable)}.
   *
   * @throws IllegalStateException if no loop runs on this thread
   * @throws NullPointerException if {@code function} is null
   */
  public static <T> Future<T> toThreadSensitive(java.util.concurrent.Callable<T> function) {
    return WorkerPool.of(EventLoop.running()).toThreadSensitive(function);
  }
}
