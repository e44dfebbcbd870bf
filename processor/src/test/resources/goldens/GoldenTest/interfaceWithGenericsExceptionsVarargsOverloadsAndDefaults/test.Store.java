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
import java.lang.SuppressWarnings;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.annotation.processing.Generated;

/**
 * A key-value store.
 *
 * <p>Blocking twin of {@link AsyncStore}, generated from it: each method runs its async original on a {@link LoopBridge}'s loop thread and blocks the calling thread until the outcome is known.
 *
 * <p>Threading: thread-safe, and blocking: never call it on a loop thread.
 *
 * <p>Failures, besides each operation's own exceptions (rethrown as they are): every method throws {@link BlockingOnLoopThreadException} when called on a loop thread, where it would stall the loop; {@link BridgeInterruptedException} when the waiting caller is interrupted (the operation is cancelled and the interrupt status kept); {@link LoopClosedException} when the bridge has ended or ends while waiting; {@link TimeoutError} when a timeout expires (the operation is cancelled first).
 *
 * @param <K> the key type
 * @param <V> the value type
 * @see AsyncStore
 */
@Generated("dev.syncopate.processor.AsyncProcessor")
public interface Store<K extends Comparable<K>, V> {
  /**
   * The async object this twin delegates to, for callers on its loop.
   *
   * @return the delegate; confined to the bridge's loop
   */
  AsyncStore<K, V> async();

  /**
   * The twin of {@code delegate} on the shared bridge ({@link LoopBridge#shared()}): use it when {@code delegate} lives on the shared bridge's loop.
   *
   * @param delegate the async object
   * @return its twin
   * @throws NullPointerException if {@code delegate} is null
   */
  static <K extends Comparable<K>, V> Store<K, V> of(AsyncStore<K, V> delegate) {
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
  static <K extends Comparable<K>, V> Store<K, V> of(AsyncStore<K, V> delegate, LoopBridge bridge) {
    return new StoreImpl<K, V>(delegate, bridge);
  }

  /**
   * Stores a value.
   *
   * <p>Blocking: awaits {@link AsyncStore#put(java.lang.Comparable, java.lang.Object)} on the bridge's loop; times out after {@code PT30S}. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @param key the key
   * @param value the value
   * @throws IOException if the store is read-only
   * @see AsyncStore#put(java.lang.Comparable, java.lang.Object)
   */
  void put(K key, V value) throws IOException;

  /**
   * Removes keys; returns how many were removed.
   *
   * <p>Blocking: awaits {@link AsyncStore#remove(java.lang.Comparable[])} on the bridge's loop and returns its result; times out after {@code PT30S}. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncStore#remove(java.lang.Comparable[])
   */
  @SuppressWarnings("unchecked")
  Integer remove(K... keys);

  /**
   * Removes one key.
   *
   * <p>Blocking: awaits {@link AsyncStore#remove(java.lang.Comparable)} on the bridge's loop and returns its result; times out after {@code PT0.5S}. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncStore#remove(java.lang.Comparable)
   */
  Integer remove(K key);

  /**
   * Copies entries of any map whose values fit.
   *
   * <p>Blocking: awaits {@link AsyncStore#putAll(java.util.Map)} on the bridge's loop; times out after {@code PT30S}. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncStore#putAll(java.util.Map)
   */
  void putAll(Map<? extends K, ? extends V> entries);

  /**
   * Applies a transformation to a value.
   *
   * <p>Blocking: awaits {@link AsyncStore#map(java.lang.Comparable, java.util.function.Function)} on the bridge's loop and returns its result; times out after {@code PT30S}. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncStore#map(java.lang.Comparable, java.util.function.Function)
   */
  <R extends Number> List<R> map(K key, Function<? super V, R> fn) throws IOException,
      InterruptedException;

  /**
   * Reads a value, then a default.
   *
   * <p>Blocking: awaits {@link AsyncStore#getOr(java.lang.Comparable, java.lang.Object)} on the bridge's loop and returns its result; times out after {@code PT30S}. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncStore#getOr(java.lang.Comparable, java.lang.Object)
   */
  V getOr(K key, V fallback);

  /**
   * How many entries are cached; plain, yet still run on the loop thread.
   *
   * <p>Blocking: runs {@link AsyncStore#cachedSize()} on the bridge's loop thread, where the async object is confined and returns its result. Never call it on a loop thread.
   *
   * @see AsyncStore#cachedSize()
   */
  int cachedSize();

  /**
   * A plain method without a result.
   *
   * <p>Blocking: runs {@link AsyncStore#evict(java.lang.Comparable)} on the bridge's loop thread, where the async object is confined. Never call it on a loop thread.
   *
   * @see AsyncStore#evict(java.lang.Comparable)
   */
  void evict(K key);

  /**
   * Reads a value.
   *
   * <p>Blocking: awaits {@link AsyncStore#get(java.lang.Object)} on the bridge's loop and returns its result; times out after {@code PT30S}. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @param key the key
   * @return the value, or null
   * @see AsyncStore#get(java.lang.Object)
   */
  V get(K key);
}
