package test;

import dev.syncopate.runtime.BlockingOnLoopThreadException;
import dev.syncopate.runtime.BridgeInterruptedException;
import dev.syncopate.runtime.LoopBridge;
import dev.syncopate.runtime.LoopClosedException;
import dev.syncopate.runtime.TimeoutError;
import java.lang.String;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * A class implementing an async interface: its twin class implements the twin.
 *
 * <p>Blocking twin of {@link AsyncStringsBase}, generated from it: each method runs its async original on a {@link LoopBridge}'s loop thread and blocks the calling thread until the outcome is known.
 *
 * <p>Threading: thread-safe, and blocking: never call it on a loop thread.
 *
 * <p>Failures, besides each operation's own exceptions (rethrown as they are): every method throws {@link BlockingOnLoopThreadException} when called on a loop thread, where it would stall the loop; {@link BridgeInterruptedException} when the waiting caller is interrupted (the operation is cancelled and the interrupt status kept); {@link LoopClosedException} when the bridge has ended or ends while waiting; {@link TimeoutError} when a timeout expires (the operation is cancelled first).
 *
 * @see AsyncStringsBase
 */
@Generated("dev.syncopate.processor.AsyncProcessor")
public final class StringsBase implements Strings {
  private final AsyncStringsBase delegate;

  private final LoopBridge bridge;

  /**
   * Creates the twin of {@code delegate}, whose methods run on {@code bridge}'s loop.
   *
   * @param delegate the async object, confined to {@code bridge}'s loop
   * @param bridge the bridge to its loop
   * @throws NullPointerException if an argument is null
   */
  public StringsBase(AsyncStringsBase delegate, LoopBridge bridge) {
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
  public static StringsBase of(AsyncStringsBase delegate) {
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
  public static StringsBase of(AsyncStringsBase delegate, LoopBridge bridge) {
    return new StringsBase(delegate, bridge);
  }

  /**
   * The async object this twin delegates to, for callers on its loop.
   *
   * @return the delegate; confined to the bridge's loop
   */
  public AsyncStringsBase async() {
    return this.delegate;
  }

  /**
   * Reads a value, upper-cased.
   *
   * <p>Blocking: awaits {@link AsyncStringsBase#getUpper(java.lang.String)} on the bridge's loop and returns its result; times out after the bridge's default timeout, if any. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncStringsBase#getUpper(java.lang.String)
   */
  public String getUpper(String key) {
    return this.bridge.call(() -> this.delegate.getUpper(key));
  }

  /**
   * Reads a value.
   *
   * <p>Blocking: awaits {@link AsyncStringsBase#get(java.lang.String)} on the bridge's loop and returns its result; times out after the bridge's default timeout, if any. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncStringsBase#get(java.lang.String)
   */
  public String get(String key) {
    return this.bridge.call(() -> this.delegate.get(key));
  }
}
