package test;

import dev.syncopate.runtime.LoopBridge;
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

  @Override
  public AsyncClient.AsyncSession<T> async() {
    return this.delegate;
  }

  @Override
  public T send(T message) {
    return this.bridge.call(() -> this.delegate.send(message));
  }

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
