package test;

import dev.syncopate.runtime.BlockingOnLoopThreadException;
import dev.syncopate.runtime.BridgeInterruptedException;
import dev.syncopate.runtime.CloseableIterator;
import dev.syncopate.runtime.LoopBridge;
import dev.syncopate.runtime.LoopClosedException;
import dev.syncopate.runtime.TimeoutError;
import java.lang.AutoCloseable;
import java.lang.Number;
import java.lang.String;
import javax.annotation.processing.Generated;

/**
 * A client whose sessions are async too: the twin's sessions are twins.
 *
 * <p>Blocking twin of {@link AsyncClient}, generated from it: each method runs its async original on a {@link LoopBridge}'s loop thread and blocks the calling thread until the outcome is known.
 *
 * <p>Threading: thread-safe, and blocking: never call it on a loop thread.
 *
 * <p>Failures, besides each operation's own exceptions (rethrown as they are): every method throws {@link BlockingOnLoopThreadException} when called on a loop thread, where it would stall the loop; {@link BridgeInterruptedException} when the waiting caller is interrupted (the operation is cancelled and the interrupt status kept); {@link LoopClosedException} when the bridge has ended or ends while waiting; {@link TimeoutError} when a timeout expires (the operation is cancelled first).
 *
 * @see AsyncClient
 */
@Generated("dev.syncopate.processor.AsyncProcessor")
public interface Client extends AutoCloseable {
  /**
   * The async object this twin delegates to, for callers on its loop.
   *
   * @return the delegate; confined to the bridge's loop
   */
  AsyncClient async();

  /**
   * The twin of {@code delegate} on the shared bridge ({@link LoopBridge#shared()}): use it when {@code delegate} lives on the shared bridge's loop.
   *
   * @param delegate the async object
   * @return its twin
   * @throws NullPointerException if {@code delegate} is null
   */
  static Client of(AsyncClient delegate) {
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
  static Client of(AsyncClient delegate, LoopBridge bridge) {
    return new ClientImpl(delegate, bridge);
  }

  /**
   * Opens a session.
   *
   * <p>Blocking: awaits {@link AsyncClient#open(java.lang.String)} on the bridge's loop and returns its result as its blocking twin; times out after the bridge's default timeout, if any. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncClient#open(java.lang.String)
   */
  Session<String> open(String name);

  /**
   * The session opened last, or null; plain.
   *
   * <p>Blocking: runs {@link AsyncClient#last()} on the bridge's loop thread, where the async object is confined and returns its result as its blocking twin. Never call it on a loop thread.
   *
   * @see AsyncClient#last()
   */
  Session<String> last();

  /**
   * Moves a session to this client; the twin takes the session's twin.
   *
   * <p>Blocking: awaits {@link AsyncClient#adopt(test.AsyncClient.AsyncSession)} on the bridge's loop; times out after the bridge's default timeout, if any. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncClient#adopt(test.AsyncClient.AsyncSession)
   */
  void adopt(Session<String> session);

  /**
   * Streams the session names.
   *
   * <p>Blocking: opens {@link AsyncClient#names()} on the bridge's loop as an iterator; close it (try-with-resources): closing early cancels the producer. Never call it on a loop thread.
   *
   * @see AsyncClient#names()
   */
  CloseableIterator<String> names();

  /**
   * Streams numbers of any subtype.
   *
   * <p>Blocking: opens {@link AsyncClient#numbers()} on the bridge's loop as an iterator; close it (try-with-resources): closing early cancels the producer. Never call it on a loop thread.
   *
   * @see AsyncClient#numbers()
   */
  CloseableIterator<Number> numbers();

  /**
   * Closes the client and its sessions.
   *
   * <p>Blocking: awaits {@link AsyncClient#closeAsync()} on the bridge's loop; times out after {@code PT10S} (the close is then cancelled).
   *
   * @see AsyncClient#closeAsync()
   */
  void close();
}
