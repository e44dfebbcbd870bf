package test;

import dev.syncopate.runtime.CloseableIterator;
import dev.syncopate.runtime.LoopBridge;
import dev.syncopate.runtime.TwinCollections;
import java.lang.Override;
import java.lang.String;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * The {@link Node} that delegates to an {@link AsyncNode} through a {@link LoopBridge}.
 *
 * <p>Threading: thread-safe; every twin method blocks the calling thread.
 */
@Generated("dev.syncopate.processor.AsyncProcessor")
public final class NodeImpl<T> implements Node<T> {
  private final AsyncNode<T> delegate;

  private final LoopBridge bridge;

  /**
   * Creates the twin of {@code delegate}, whose methods run on {@code bridge}'s loop.
   *
   * @param delegate the async object, confined to {@code bridge}'s loop
   * @param bridge the bridge to its loop
   * @throws NullPointerException if an argument is null
   */
  public NodeImpl(AsyncNode<T> delegate, LoopBridge bridge) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.bridge = Objects.requireNonNull(bridge, "bridge");
  }

  @Override
  public AsyncNode<T> async() {
    return this.delegate;
  }

  @Override
  public List<Node<T>> neighbours() {
    return this.bridge.call(() -> TwinCollections.listWhenDone(this.delegate.neighbours(), element -> Node.of(element, this.bridge)));
  }

  @Override
  public Optional<Node<T>> parent() {
    return this.bridge.invoke(() -> TwinCollections.optional(this.delegate.parent(), element -> Node.of(element, this.bridge)));
  }

  @Override
  public Set<Node<T>> link(Set<Node<T>> nodes, T element) {
    return this.bridge.call(() -> TwinCollections.setWhenDone(this.delegate.link(TwinCollections.set(nodes, element1 -> element1.async()), element), element1 -> Node.of(element1, this.bridge)));
  }

  @Override
  public List<? extends AsyncNode<T>> raw() {
    return this.bridge.call(() -> this.delegate.raw());
  }

  @Override
  public CloseableIterator<Node<T>> walk() {
    return this.bridge.iterate(() -> this.delegate.walk()).map(element -> element == null ? null : Node.of(element, this.bridge));
  }

  @Override
  public Map<String, Node<T>> byName(Map<String, Node<T>> hints) {
    return this.bridge.call(() -> TwinCollections.mapWhenDone(this.delegate.byName(TwinCollections.map(hints, element -> element.async())), element -> Node.of(element, this.bridge)));
  }
}
