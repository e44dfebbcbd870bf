package test;

import dev.syncopate.runtime.AsyncSequence;
import dev.syncopate.runtime.CloseableIterator;
import dev.syncopate.runtime.LoopBridge;
import java.lang.Number;
import java.lang.Override;
import java.lang.String;
import java.lang.SuppressWarnings;
import java.time.Duration;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The {@link Client} that delegates to an {@link AsyncClient} through a {@link LoopBridge}.
 *
 * <p>Threading: thread-safe; every twin method blocks the calling thread.
 */
@Generated("dev.syncopate.processor.AsyncProcessor")
public final class ClientImpl implements Client {
  private static final Duration TIMEOUT_PT10S = Duration.parse("PT10S");

  private final AsyncClient delegate;

  private final LoopBridge bridge;

  /**
   * Creates the twin of {@code delegate}, whose methods run on {@code bridge}'s loop.
   *
   * @param delegate the async object, confined to {@code bridge}'s loop
   * @param bridge the bridge to its loop
   * @throws NullPointerException if an argument is null
   */
  public ClientImpl(AsyncClient delegate, LoopBridge bridge) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.bridge = Objects.requireNonNull(bridge, "bridge");
  }

  @Override
  public AsyncClient async() {
    return this.delegate;
  }

  @Override
  public Session<String> open(String name) {
    AsyncClient.AsyncSession<String> result = this.bridge.call(() -> this.delegate.open(name));
    return result == null ? null : Session.of(result, this.bridge);
  }

  @Override
  public Session<String> last() {
    AsyncClient.AsyncSession<String> result = this.bridge.invoke(() -> this.delegate.last());
    return result == null ? null : Session.of(result, this.bridge);
  }

  @Override
  public void adopt(Session<String> session) {
    this.bridge.call(() -> this.delegate.adopt(session == null ? null : session.async()));
  }

  @Override
  public CloseableIterator<String> names() {
    return this.bridge.iterate(() -> this.delegate.names());
  }

  @Override
  public CloseableIterator<Number> numbers() {
    return this.bridge.iterate(() -> widenSequence(this.delegate.numbers()));
  }

  @Override
  public void close() {
    this.bridge.call(() -> this.delegate.closeAsync(), TIMEOUT_PT10S);
  }

  @SuppressWarnings("unchecked")
  private static <V> AsyncSequence<V> widenSequence(AsyncSequence<? extends V> source) {
    // Read-only use: every value it produces is a V.
    return (AsyncSequence<V>) source;
  }
}
