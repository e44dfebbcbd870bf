package test;

import dev.syncopate.runtime.BlockingOnLoopThreadException;
import dev.syncopate.runtime.BridgeInterruptedException;
import dev.syncopate.runtime.CloseableIterator;
import dev.syncopate.runtime.LoopBridge;
import dev.syncopate.runtime.LoopClosedException;
import dev.syncopate.runtime.TimeoutError;
import java.lang.String;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * A node of a graph whose neighbours are async too.
 *
 * <p>Blocking twin of {@link AsyncNode}, generated from it: each method runs its async original on a {@link LoopBridge}'s loop thread and blocks the calling thread until the outcome is known.
 *
 * <p>Threading: thread-safe, and blocking: never call it on a loop thread.
 *
 * <p>Failures, besides each operation's own exceptions (rethrown as they are): every method throws {@link BlockingOnLoopThreadException} when called on a loop thread, where it would stall the loop; {@link BridgeInterruptedException} when the waiting caller is interrupted (the operation is cancelled and the interrupt status kept); {@link LoopClosedException} when the bridge has ended or ends while waiting; {@link TimeoutError} when a timeout expires (the operation is cancelled first).
 *
 * @see AsyncNode
 */
@Generated("dev.syncopate.processor.AsyncProcessor")
public interface Node<T> {
  /**
   * The async object this twin delegates to, for callers on its loop.
   *
   * @return the delegate; confined to the bridge's loop
   */
  AsyncNode<T> async();

  /**
   * The twin of {@code delegate} on the shared bridge ({@link LoopBridge#shared()}): use it when {@code delegate} lives on the shared bridge's loop.
   *
   * @param delegate the async object
   * @return its twin
   * @throws NullPointerException if {@code delegate} is null
   */
  static <T> Node<T> of(AsyncNode<T> delegate) {
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
  static <T> Node<T> of(AsyncNode<T> delegate, LoopBridge bridge) {
    return new NodeImpl<T>(delegate, bridge);
  }

  /**
   * The neighbours, as twins in the twin.
   *
   * <p>Blocking: awaits {@link AsyncNode#neighbours()} on the bridge's loop and returns its result, its async objects converted to blocking twins; times out after the bridge's default timeout, if any. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncNode#neighbours()
   */
  List<Node<T>> neighbours();

  /**
   * Plain: the parent, if any.
   *
   * <p>Blocking: runs {@link AsyncNode#parent()} on the bridge's loop thread, where the async object is confined and returns its result, its async objects converted to blocking twins. Never call it on a loop thread.
   *
   * @see AsyncNode#parent()
   */
  Optional<Node<T>> parent();

  /**
   * Links nodes given as twins; a parameter named like the generated lambdas'.
   *
   * <p>Blocking: awaits {@link AsyncNode#link(java.util.Set, java.lang.Object)} on the bridge's loop and returns its result, its async objects converted to blocking twins; times out after the bridge's default timeout, if any. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncNode#link(java.util.Set, java.lang.Object)
   */
  Set<Node<T>> link(Set<Node<T>> nodes, T element);

  /**
   * Wildcards are not converted: the list keeps its async objects.
   *
   * <p>Blocking: awaits {@link AsyncNode#raw()} on the bridge's loop and returns its result; times out after the bridge's default timeout, if any. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncNode#raw()
   */
  List<? extends AsyncNode<T>> raw();

  /**
   * Walks the graph: an iterator of twins in the twin.
   *
   * <p>Blocking: opens {@link AsyncNode#walk()} on the bridge's loop as an iterator of blocking twins; close it (try-with-resources): closing early cancels the producer. Never call it on a loop thread.
   *
   * @see AsyncNode#walk()
   */
  CloseableIterator<Node<T>> walk();

  /**
   * Nodes by name: a map's values become twins, its keys stay.
   *
   * <p>Blocking: awaits {@link AsyncNode#byName(java.util.Map)} on the bridge's loop and returns its result, its async objects converted to blocking twins; times out after the bridge's default timeout, if any. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncNode#byName(java.util.Map)
   */
  Map<String, Node<T>> byName(Map<String, Node<T>> hints);
}
