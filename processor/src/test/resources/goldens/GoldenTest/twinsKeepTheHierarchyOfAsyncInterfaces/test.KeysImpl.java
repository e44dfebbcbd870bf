package test;

import dev.syncopate.runtime.LoopBridge;
import java.lang.Boolean;
import java.lang.Override;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The {@link Keys} that delegates to an {@link AsyncKeys} through a {@link LoopBridge}.
 *
 * <p>Threading: thread-safe; every twin method blocks the calling thread.
 */
@Generated("dev.syncopate.processor.AsyncProcessor")
public final class KeysImpl<K> implements Keys<K> {
  private final AsyncKeys<K> delegate;

  private final LoopBridge bridge;

  /**
   * Creates the twin of {@code delegate}, whose methods run on {@code bridge}'s loop.
   *
   * @param delegate the async object, confined to {@code bridge}'s loop
   * @param bridge the bridge to its loop
   * @throws NullPointerException if an argument is null
   */
  public KeysImpl(AsyncKeys<K> delegate, LoopBridge bridge) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.bridge = Objects.requireNonNull(bridge, "bridge");
  }

  @Override
  public AsyncKeys<K> async() {
    return this.delegate;
  }

  @Override
  public Boolean delete(K key) {
    return this.bridge.call(() -> this.delegate.delete(key));
  }
}
