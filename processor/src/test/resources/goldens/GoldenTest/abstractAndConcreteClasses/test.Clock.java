package test;

import dev.syncopate.runtime.BlockingOnLoopThreadException;
import dev.syncopate.runtime.BridgeInterruptedException;
import dev.syncopate.runtime.LoopBridge;
import dev.syncopate.runtime.LoopClosedException;
import dev.syncopate.runtime.TimeoutError;
import java.lang.Deprecated;
import java.lang.Long;
import java.lang.String;
import java.time.Duration;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * A clock whose sleeps run on the loop.
 *
 * <p>Blocking twin of {@link ClockAsync}, generated from it: each method runs its async original on a {@link LoopBridge}'s loop thread and blocks the calling thread until the outcome is known.
 *
 * <p>Threading: thread-safe, and blocking: never call it on a loop thread.
 *
 * <p>Failures, besides each operation's own exceptions (rethrown as they are): every method throws {@link BlockingOnLoopThreadException} when called on a loop thread, where it would stall the loop; {@link BridgeInterruptedException} when the waiting caller is interrupted (the operation is cancelled and the interrupt status kept); {@link LoopClosedException} when the bridge has ended or ends while waiting; {@link TimeoutError} when a timeout expires (the operation is cancelled first).
 *
 * @see ClockAsync
 */
@Generated("dev.syncopate.processor.AsyncProcessor")
public final class Clock {
  private final ClockAsync delegate;

  private final LoopBridge bridge;

  /**
   * Creates the twin of {@code delegate}, whose methods run on {@code bridge}'s loop.
   *
   * @param delegate the async object, confined to {@code bridge}'s loop
   * @param bridge the bridge to its loop
   * @throws NullPointerException if an argument is null
   */
  public Clock(ClockAsync delegate, LoopBridge bridge) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.bridge = Objects.requireNonNull(bridge, "bridge");
  }

  /**
   * The twin of {@code delegate} on the shared bridge ({@link LoopBridge#shared()}): use it when {@code delegate} lives on the shared bridge's loop.
   *
   * @param delegate the async object
   * @return its twin
   * @throws NullPointerException if {@code delegate} is null
   */
  public static Clock of(ClockAsync delegate) {
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
  public static Clock of(ClockAsync delegate, LoopBridge bridge) {
    return new Clock(delegate, bridge);
  }

  /**
   * The async object this twin delegates to, for callers on its loop.
   *
   * @return the delegate; confined to the bridge's loop
   */
  public ClockAsync async() {
    return this.delegate;
  }

  /**
   * Sleeps, then tells the time.
   *
   * <p>Blocking: awaits {@link ClockAsync#sleep(java.time.Duration)} on the bridge's loop and returns its result; times out after the bridge's default timeout, if any. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see ClockAsync#sleep(java.time.Duration)
   */
  public Long sleep(Duration duration) {
    return this.bridge.call(() -> this.delegate.sleep(duration));
  }

  /**
   * Package-private methods are mirrored too: the twin shares the package.
   *
   * <p>Blocking: awaits {@link ClockAsync#zone()} on the bridge's loop and returns its result; times out after the bridge's default timeout, if any. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see ClockAsync#zone()
   */
  String zone() {
    return this.bridge.call(() -> this.delegate.zone());
  }

  /**
   * Blocking twin of {@link ClockAsync#pause()}.
   *
   * <p>Blocking: awaits {@link ClockAsync#pause()} on the bridge's loop; times out after the bridge's default timeout, if any. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @deprecated use {@link #sleep}
   * @see ClockAsync#pause()
   */
  @Deprecated
  public void pause() {
    this.bridge.call(() -> this.delegate.pause());
  }
}
