package test;

import dev.syncopate.runtime.BlockingOnLoopThreadException;
import dev.syncopate.runtime.BridgeInterruptedException;
import dev.syncopate.runtime.LoopBridge;
import dev.syncopate.runtime.LoopClosedException;
import dev.syncopate.runtime.TimeoutError;
import java.lang.Boolean;
import java.lang.String;
import javax.annotation.processing.Generated;

/**
 * Every command: its twin is a Keys<String> and a Strings too.
 *
 * <p>Blocking twin of {@link AsyncCommands}, generated from it: each method runs its async original on a {@link LoopBridge}'s loop thread and blocks the calling thread until the outcome is known.
 *
 * <p>Threading: thread-safe, and blocking: never call it on a loop thread.
 *
 * <p>Failures, besides each operation's own exceptions (rethrown as they are): every method throws {@link BlockingOnLoopThreadException} when called on a loop thread, where it would stall the loop; {@link BridgeInterruptedException} when the waiting caller is interrupted (the operation is cancelled and the interrupt status kept); {@link LoopClosedException} when the bridge has ended or ends while waiting; {@link TimeoutError} when a timeout expires (the operation is cancelled first).
 *
 * @see AsyncCommands
 */
@Generated("dev.syncopate.processor.AsyncProcessor")
public interface Commands extends Keys<String>, Strings {
  /**
   * The async object this twin delegates to, for callers on its loop.
   *
   * @return the delegate; confined to the bridge's loop
   */
  AsyncCommands async();

  /**
   * The twin of {@code delegate} on the shared bridge ({@link LoopBridge#shared()}): use it when {@code delegate} lives on the shared bridge's loop.
   *
   * @param delegate the async object
   * @return its twin
   * @throws NullPointerException if {@code delegate} is null
   */
  static Commands of(AsyncCommands delegate) {
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
  static Commands of(AsyncCommands delegate, LoopBridge bridge) {
    return new CommandsImpl(delegate, bridge);
  }

  /**
   * Pings the server.
   *
   * <p>Blocking: awaits {@link AsyncCommands#ping()} on the bridge's loop and returns its result; times out after the bridge's default timeout, if any. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncCommands#ping()
   */
  String ping();

  /**
   * Deletes a key; true if it existed.
   *
   * <p>Blocking: awaits {@link AsyncCommands#delete(java.lang.Object)} on the bridge's loop and returns its result; times out after the bridge's default timeout, if any. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncCommands#delete(java.lang.Object)
   */
  Boolean delete(String key);

  /**
   * Reads a value.
   *
   * <p>Blocking: awaits {@link AsyncCommands#get(java.lang.String)} on the bridge's loop and returns its result; times out after the bridge's default timeout, if any. Never call it on a loop thread; an interrupt cancels the operation.
   *
   * @see AsyncCommands#get(java.lang.String)
   */
  String get(String key);

  /**
   * Blocking twin of {@link AsyncCommands#compareTo(java.lang.Object)}.
   *
   * <p>Blocking: runs {@link AsyncCommands#compareTo(java.lang.Object)} on the bridge's loop thread, where the async object is confined and returns its result. Never call it on a loop thread.
   *
   * @see AsyncCommands#compareTo(java.lang.Object)
   */
  int compareTo(String arg0);
}
