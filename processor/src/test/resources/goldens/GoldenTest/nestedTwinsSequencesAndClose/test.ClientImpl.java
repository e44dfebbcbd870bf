package test;

import dev.syncopate.runtime.AsyncSequence;
import dev.syncopate.runtime.BlockingOnLoopThreadException;
import dev.syncopate.runtime.BridgeInterruptedException;
import dev.syncopate.runtime.CloseableIterator;
import dev.syncopate.runtime.LoopBridge;
import dev.syncopate.runtime.LoopClosedException;
import dev.syncopate.runtime.TimeoutError;
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

  /**
   * The async object this twin delegates to, for callers on its loop.
   *
   * @return the delegate; confined to the bridge's loop
   */
  @Override
  public AsyncClient async() {
    return this.delegate;
  }

  /**
   * Opens a session.
   *
   * <p>Blocking: runs {@link AsyncClient#open(java.lang.String)} on the bridge's loop thread and blocks the calling thread until its future completes, then returns its result as its blocking twin or throws its original exception. Times out after the bridge's default timeout, if it has one: the operation is then cancelled and {@link TimeoutError} thrown.
   *
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @throws TimeoutError if the timeout expires; the operation is cancelled first
   * @see AsyncClient#open(java.lang.String)
   */
  @Override
  public Session<String> open(String name) {
    AsyncClient.AsyncSession<String> result = this.bridge.call(() -> this.delegate.open(name));
    return result == null ? null : Session.of(result, this.bridge);
  }

  /**
   * The session opened last, or null; plain.
   *
   * <p>Blocking: runs {@link AsyncClient#last()} on the bridge's loop thread, where the async object is confined, and blocks until it returns its result as its blocking twin.
   *
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @see AsyncClient#last()
   */
  @Override
  public Session<String> last() {
    AsyncClient.AsyncSession<String> result = this.bridge.invoke(() -> this.delegate.last());
    return result == null ? null : Session.of(result, this.bridge);
  }

  /**
   * Moves a session to this client; the twin takes the session's twin.
   *
   * <p>Blocking: runs {@link AsyncClient#adopt(test.AsyncClient.AsyncSession)} on the bridge's loop thread and blocks the calling thread until its future completes, then returns its result or throws its original exception. Times out after the bridge's default timeout, if it has one: the operation is then cancelled and {@link TimeoutError} thrown.
   *
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @throws TimeoutError if the timeout expires; the operation is cancelled first
   * @see AsyncClient#adopt(test.AsyncClient.AsyncSession)
   */
  @Override
  public void adopt(Session<String> session) {
    this.bridge.call(() -> this.delegate.adopt(session == null ? null : session.async()));
  }

  /**
   * Streams the session names.
   *
   * <p>Blocking: opens the sequence of {@link AsyncClient#names()} on the bridge's loop thread and returns a blocking iterator over it. Close the iterator (try-with-resources): closing it early cancels the producer.
   *
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @see AsyncClient#names()
   */
  @Override
  public CloseableIterator<String> names() {
    return this.bridge.iterate(() -> this.delegate.names());
  }

  /**
   * Streams numbers of any subtype.
   *
   * <p>Blocking: opens the sequence of {@link AsyncClient#numbers()} on the bridge's loop thread and returns a blocking iterator over it. Close the iterator (try-with-resources): closing it early cancels the producer.
   *
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @see AsyncClient#numbers()
   */
  @Override
  public CloseableIterator<Number> numbers() {
    return this.bridge.iterate(() -> widenSequence(this.delegate.numbers()));
  }

  /**
   * Closes the client and its sessions.
   *
   * <p>Blocking: runs {@link AsyncClient#closeAsync()} on the bridge's loop thread and blocks until the object is closed. Times out after {@code PT10S}: the close is then cancelled and {@link TimeoutError} thrown.
   *
   * @throws BlockingOnLoopThreadException if called on a loop thread, where blocking would stall the loop
   * @throws BridgeInterruptedException if the calling thread is interrupted while waiting; the operation is cancelled and the interrupt status kept
   * @throws LoopClosedException if the bridge has ended or ends while waiting
   * @throws TimeoutError if the timeout expires; the operation is cancelled first
   * @see AsyncClient#closeAsync()
   */
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
