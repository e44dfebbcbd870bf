package test;

import dev.syncopate.runtime.BlockingOnLoopThreadException;
import dev.syncopate.runtime.BridgeInterruptedException;
import dev.syncopate.runtime.LoopBridge;
import dev.syncopate.runtime.LoopClosedException;
import dev.syncopate.runtime.TimeoutError;
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

  /**
   * The async object this twin delegates to, for callers on its loop.
   *
   * @return the delegate; confined to the bridge's loop
   */
  @Override
  public AsyncStore<K, V> async() {
    return this.delegate;
  }

  /**
   * Stores a value.
   *
   * <p>Blocking: runs {@link AsyncStore#put(java.lang.Comparable, java.lang.Object)} on the bridge's loop thread and blocks the calling thread until its future completes, then returns its result or throws its original exception. Times out after {@code PT30S}: the operation is then cancelled and {@link TimeoutError} thrown.
   *
   * @param key the key
   * @param value the value
   * @throws IOException if the store is read-only
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @throws TimeoutError if the timeout expires; the operation is cancelled first
   * @see AsyncStore#put(java.lang.Comparable, java.lang.Object)
   */
  @Override
  public void put(K key, V value) throws IOException {
    this.bridge.call(() -> this.delegate.put(key, value), TIMEOUT_PT30S);
  }

  /**
   * Removes keys; returns how many were removed.
   *
   * <p>Blocking: runs {@link AsyncStore#remove(java.lang.Comparable[])} on the bridge's loop thread and blocks the calling thread until its future completes, then returns its result or throws its original exception. Times out after {@code PT30S}: the operation is then cancelled and {@link TimeoutError} thrown.
   *
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @throws TimeoutError if the timeout expires; the operation is cancelled first
   * @see AsyncStore#remove(java.lang.Comparable[])
   */
  @SuppressWarnings("unchecked")
  @Override
  public Integer remove(K... keys) {
    return this.bridge.call(() -> this.delegate.remove(keys), TIMEOUT_PT30S);
  }

  /**
   * Removes one key.
   *
   * <p>Blocking: runs {@link AsyncStore#remove(java.lang.Comparable)} on the bridge's loop thread and blocks the calling thread until its future completes, then returns its result or throws its original exception. Times out after {@code PT0.5S}: the operation is then cancelled and {@link TimeoutError} thrown.
   *
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @throws TimeoutError if the timeout expires; the operation is cancelled first
   * @see AsyncStore#remove(java.lang.Comparable)
   */
  @Override
  public Integer remove(K key) {
    return this.bridge.call(() -> this.delegate.remove(key), TIMEOUT_PT0_5S);
  }

  /**
   * Copies entries of any map whose values fit.
   *
   * <p>Blocking: runs {@link AsyncStore#putAll(java.util.Map)} on the bridge's loop thread and blocks the calling thread until its future completes, then returns its result or throws its original exception. Times out after {@code PT30S}: the operation is then cancelled and {@link TimeoutError} thrown.
   *
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @throws TimeoutError if the timeout expires; the operation is cancelled first
   * @see AsyncStore#putAll(java.util.Map)
   */
  @Override
  public void putAll(Map<? extends K, ? extends V> entries) {
    this.bridge.call(() -> this.delegate.putAll(entries), TIMEOUT_PT30S);
  }

  /**
   * Applies a transformation to a value.
   *
   * <p>Blocking: runs {@link AsyncStore#map(java.lang.Comparable, java.util.function.Function)} on the bridge's loop thread and blocks the calling thread until its future completes, then returns its result or throws its original exception. Times out after {@code PT30S}: the operation is then cancelled and {@link TimeoutError} thrown.
   *
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @throws TimeoutError if the timeout expires; the operation is cancelled first
   * @see AsyncStore#map(java.lang.Comparable, java.util.function.Function)
   */
  @Override
  public <R extends Number> List<R> map(K key, Function<? super V, R> fn) throws IOException,
      InterruptedException {
    return this.bridge.call(() -> this.delegate.map(key, fn), TIMEOUT_PT30S);
  }

  /**
   * Reads a value, then a default.
   *
   * <p>Blocking: runs {@link AsyncStore#getOr(java.lang.Comparable, java.lang.Object)} on the bridge's loop thread and blocks the calling thread until its future completes, then returns its result or throws its original exception. Times out after {@code PT30S}: the operation is then cancelled and {@link TimeoutError} thrown.
   *
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @throws TimeoutError if the timeout expires; the operation is cancelled first
   * @see AsyncStore#getOr(java.lang.Comparable, java.lang.Object)
   */
  @Override
  public V getOr(K key, V fallback) {
    return this.bridge.call(() -> this.delegate.getOr(key, fallback), TIMEOUT_PT30S);
  }

  /**
   * How many entries are cached; plain, yet still run on the loop thread.
   *
   * <p>Blocking: runs {@link AsyncStore#cachedSize()} on the bridge's loop thread, where the async object is confined, and blocks until it returns.
   *
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @see AsyncStore#cachedSize()
   */
  @Override
  public int cachedSize() {
    return this.bridge.invoke(() -> this.delegate.cachedSize());
  }

  /**
   * A plain method without a result.
   *
   * <p>Blocking: runs {@link AsyncStore#evict(java.lang.Comparable)} on the bridge's loop thread, where the async object is confined, and blocks until it returns.
   *
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @see AsyncStore#evict(java.lang.Comparable)
   */
  @Override
  public void evict(K key) {
    this.bridge.invoke(() -> { this.delegate.evict(key); return null; });
  }

  /**
   * Reads a value.
   *
   * <p>Blocking: runs {@link AsyncStore#get(java.lang.Object)} on the bridge's loop thread and blocks the calling thread until its future completes, then returns its result or throws its original exception. Times out after {@code PT30S}: the operation is then cancelled and {@link TimeoutError} thrown.
   *
   * @param key the key
   * @return the value, or null
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @throws TimeoutError if the timeout expires; the operation is cancelled first
   * @see AsyncStore#get(java.lang.Object)
   */
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
