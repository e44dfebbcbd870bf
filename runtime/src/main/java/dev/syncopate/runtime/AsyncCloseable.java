package dev.syncopate.runtime;

import java.util.concurrent.CompletionStage;

/**
 * A resource released asynchronously, on its loop: the async twin of {@link AutoCloseable}.
 * Generated blocking twins of an {@code AsyncCloseable} extend {@code AutoCloseable}; {@link
 * #blocking(LoopBridge)} does the same by hand.
 *
 * <p><b>Threading:</b> {@link #closeAsync()} is called on the resource's loop thread.
 */
public interface AsyncCloseable {
  /**
   * Starts releasing the resource.
   *
   * @return a stage that completes when it is released; closing twice completes normally
   */
  CompletionStage<Void> closeAsync();

  /**
   * Returns an {@link AutoCloseable} whose {@code close()} calls {@link #closeAsync()} through
   * {@code bridge} and waits for it, failing as {@link LoopBridge#call(AsyncCallable)} does.
   *
   * <p><b>Threading:</b> the returned object's {@code close()} may be called from any thread but
   * the loop's.
   *
   * @param bridge the bridge to the resource's loop
   * @return the blocking view
   * @throws NullPointerException if {@code bridge} is null
   */
  default AutoCloseable blocking(LoopBridge bridge) {
    java.util.Objects.requireNonNull(bridge, "bridge");
    return () -> bridge.call(this::closeAsync);
  }
}
