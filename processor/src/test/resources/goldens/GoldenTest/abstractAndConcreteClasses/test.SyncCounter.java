package test;

import dev.syncopate.runtime.BlockingOnLoopThreadException;
import dev.syncopate.runtime.BridgeInterruptedException;
import dev.syncopate.runtime.LoopBridge;
import dev.syncopate.runtime.LoopClosedException;
import dev.syncopate.runtime.TimeoutError;
import java.io.IOException;
import java.lang.Integer;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * A counter created on the loop thread by its twin's constructors.
 *
 * <p>Blocking twin of {@link Counter}, generated from it: each method runs its async original on a {@link LoopBridge}'s loop thread and blocks the calling thread until the outcome is known.
 *
 * <p>Threading: thread-safe, and blocking: never call it on a loop thread.
 *
 * <p>Failures, besides each operation's own exceptions (rethrown as they are): every method throws {@link BlockingOnLoopThreadException} when called on a loop thread, where it would stall the loop; {@link BridgeInterruptedException} when the waiting caller is interrupted (the operation is cancelled and the interrupt status kept); {@link LoopClosedException} when the bridge has ended or ends while waiting; {@link TimeoutError} when a timeout expires (the operation is cancelled first).
 *
 * @see Counter
 */
@Generated("dev.syncopate.processor.AsyncProcessor")
public final class SyncCounter<T> {
  private final Counter<T> delegate;

  private final LoopBridge bridge;

  /**
   * Creates the twin of {@code delegate}, whose methods run on {@code bridge}'s loop.
   *
   * @param delegate the async object, confined to {@code bridge}'s loop
   * @param bridge the bridge to its loop
   * @throws NullPointerException if an argument is null
   */
  public SyncCounter(Counter<T> delegate, LoopBridge bridge) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.bridge = Objects.requireNonNull(bridge, "bridge");
  }

  /**
   * Starts at zero.
   *
   * <p>Twin constructor: runs the {@link Counter} constructor on the shared bridge's loop thread ({@link LoopBridge#shared()}), where the new object is confined, and blocks until it returns.
   *
   * @see Counter
   */
  public SyncCounter() {
    this(LoopBridge.shared().invoke(() -> new Counter<>()), LoopBridge.shared());
  }

  /**
   * Starts somewhere.
   *
   * <p>Twin constructor: runs the {@link Counter} constructor on the shared bridge's loop thread ({@link LoopBridge#shared()}), where the new object is confined, and blocks until it returns.
   *
   * @param start the first value
   * @throws IOException never, but declared
   * @see Counter
   */
  public SyncCounter(int start) throws IOException {
    this(LoopBridge.shared().invoke(() -> new Counter<>(start)), LoopBridge.shared());
  }

  /**
   * The twin of {@code delegate} on the shared bridge ({@link LoopBridge#shared()}): use it when {@code delegate} lives on the shared bridge's loop.
   *
   * @param delegate the async object
   * @return its twin
   * @throws NullPointerException if {@code delegate} is null
   */
  public static <T> SyncCounter<T> of(Counter<T> delegate) {
    return of(delegate, LoopBridge.shared());
  }

  /**
   * The twin of {@code delegate}, whose methods run on {@code bridge}'s loop.
   *
   * @param delegate the async object, confined to {@code bridge}'s loop
   * @param bridge the bridge to its loop
   * @return its twin
   * @throws NullPointerException if an argument is null
   */
  public static <T> SyncCounter<T> of(Counter<T> delegate, LoopBridge bridge) {
    return new SyncCounter<T>(delegate, bridge);
  }

  /**
   * The async object this twin delegates to, for callers on its loop.
   *
   * @return the delegate; confined to the bridge's loop
   */
  public Counter<T> async() {
    return this.delegate;
  }

  /**
   * Adds one.
   *
   * <p>Blocking: awaits {@link Counter#increment(java.lang.Object)} on the bridge's loop and returns its result; times out after the bridge's default timeout, if any. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see Counter#increment(java.lang.Object)
   */
  public Integer increment(T reason) {
    return this.bridge.call(() -> this.delegate.increment(reason));
  }
}
