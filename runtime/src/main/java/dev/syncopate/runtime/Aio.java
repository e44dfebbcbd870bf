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
}
