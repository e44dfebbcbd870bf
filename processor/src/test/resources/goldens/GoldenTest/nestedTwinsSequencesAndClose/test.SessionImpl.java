package test;

import dev.syncopate.runtime.BlockingOnLoopThreadException;
import dev.syncopate.runtime.BridgeInterruptedException;
import dev.syncopate.runtime.LoopBridge;
import dev.syncopate.runtime.LoopClosedException;
import dev.syncopate.runtime.TimeoutError;
import java.lang.Override;
import java.lang.SuppressWarnings;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.Generated;

/**
 * The {@link Session} that delegates to an {@link AsyncClient.AsyncSession} through a {@link LoopBridge}.
 *
 * <p>Threading: thread-safe; every twin method blocks the calling thread.
 */
@Generated("dev.syncopate.processor.AsyncProcessor")
public final class SessionImpl<T> implements Session<T> {
  private final AsyncClient.AsyncSession<T> delegate;

  private final LoopBridge bridge;

  /**
   * Creates the twin of {@code delegate}, whose methods run on {@code bridge}'s loop.
   *
   * @param delegate the async object, confined to {@code bridge}'s loop
   * @param bridge the bridge to its loop
   * @throws NullPointerException if an argument is null
   */
  public SessionImpl(AsyncClient.AsyncSession<T> delegate, LoopBridge bridge) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.bridge = Objects.requireNonNull(bridge, "bridge");
  }

  /**
   * The async object this twin delegates to, for callers on its loop.
   *
   * @return the delegate; confined to the bridge's loop
   */
  @Override
  public AsyncClient.AsyncSession<T> async() {
    return this.delegate;
  }

  /**
   * Sends a message.
   *
   * <p>Blocking: runs {@link AsyncClient.AsyncSession#send(java.lang.Object)} on the bridge's loop thread and blocks the calling thread until its future completes, then returns its result or throws its original exception. Times out after the bridge's default timeout, if it has one: the operation is then cancelled and {@link TimeoutError} thrown.
   *
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @throws TimeoutError if the timeout expires; the operation is cancelled first
   * @see AsyncClient.AsyncSession#send(java.lang.Object)
   */
  @Override
  public T send(T message) {
    return this.bridge.call(() -> this.delegate.send(message));
  }

  /**
   * The client behind it, as a twin.
   *
   * <p>Blocking: runs {@link AsyncClient.AsyncSession#client()} on the bridge's loop thread and blocks the calling thread until its future completes, then returns its result as its blocking twin or throws its original exception. Times out after the bridge's default timeout, if it has one: the operation is then cancelled and {@link TimeoutError} thrown.
   *
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @throws TimeoutError if the timeout expires; the operation is cancelled first
   * @see AsyncClient.AsyncSession#client()
   */
  @Override
  public Client client() {
    AsyncClient result = this.bridge.call(() -> widenStage(this.delegate.client()));
    return result == null ? null : Client.of(result, this.bridge);
  }

  @SuppressWarnings("unchecked")
  private static <V> CompletionStage<V> widenStage(CompletionStage<? extends V> source) {
    // Read-only use: every value it produces is a V.
    return (CompletionStage<V>) source;
  }
}
