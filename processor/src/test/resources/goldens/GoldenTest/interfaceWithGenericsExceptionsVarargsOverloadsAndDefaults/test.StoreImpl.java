package test;

import dev.syncopate.runtime.LoopBridge;
import java.io.IOException;
import java.lang.Comparable;
import java.lang.Integer;
import java.lang.InterruptedException;
import java.lang.Number;
import java.lang.Override;
import java.lang.SuppressWarnings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * The {@link Store} that delegates to an {@link AsyncStore} through a {@link LoopBridge}.
 *
 * <p>Threading: thread-safe; every twin method blocks the calling thread.
 */
@Generated("dev.syncopate.processor.AsyncProcessor")
public final class StoreImpl<K extends Comparable<K>, V> implements Store<K, V> {
  private static final Duration TIMEOUT_PT0_5S = Duration.parse("PT0.5S");

  private static final Duration TIMEOUT_PT30S = Duration.parse("PT30S");

  private final AsyncStore<K, V> delegate;

  private final LoopBridge bridge;

  /**
   * Creates the twin of {@code delegate}, whose methods run on {@code bridge}'s loop.
   *
   * @param delegate the async object, confined to {@code bridge}'s loop
   * @param bridge the bridge to its loop
   * @throws NullPointerException if an argument is null
   */
  public StoreImpl(AsyncStore<K, V> delegate, LoopBridge bridge) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.bridge = Objects.requireNonNull(bridge, "bridge");
  }

  @Override
  public AsyncStore<K, V> async() {
    return this.delegate;
  }

  @Override
  public void put(K key, V value) throws IOException {
    this.bridge.call(() -> this.delegate.put(key, value), TIMEOUT_PT30S);
  }

  @SuppressWarnings("unchecked")
  @Override
  public Integer remove(K... keys) {
    return this.bridge.call(() -> this.delegate.remove(keys), TIMEOUT_PT30S);
  }

  @Override
  public Integer remove(K key) {
    return this.bridge.call(() -> this.delegate.remove(key), TIMEOUT_PT0_5S);
  }

  @Override
  public void putAll(Map<? extends K, ? extends V> entries) {
    this.bridge.call(() -> this.delegate.putAll(entries), TIMEOUT_PT30S);
  }

  @Override
  public <R extends Number> List<R> map(K key, Function<? super V, R> fn) throws IOException,
      InterruptedException {
    return this.bridge.call(() -> this.delegate.map(key, fn), TIMEOUT_PT30S);
  }

  @Override
  public V getOr(K key, V fallback) {
    return this.bridge.call(() -> this.delegate.getOr(key, fallback), TIMEOUT_PT30S);
  }

  @Override
  public int cachedSize() {
    return this.bridge.invoke(() -> this.delegate.cachedSize());
  }

  @Override
  public void evict(K key) {
    this.bridge.invoke(() -> { this.delegate.evict(key); return null; });
  }

  @Override
  public V get(K key) {
    return this.bridge.call(() -> widenStage(this.delegate.get(key)), TIMEOUT_PT30S);
  }

  @SuppressWarnings("unchecked")
  private static <V> CompletionStage<V> widenStage(CompletionStage<? extends V> source) {
    // Read-only use: every value it produces is a V.
    return (CompletionStage<V>) source;
  }
}
