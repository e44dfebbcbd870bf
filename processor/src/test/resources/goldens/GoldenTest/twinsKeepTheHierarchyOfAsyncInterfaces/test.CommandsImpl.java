package test;

import dev.syncopate.runtime.LoopBridge;
import java.lang.Boolean;
import java.lang.Override;
import java.lang.String;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The {@link Commands} that delegates to an {@link AsyncCommands} through a {@link LoopBridge}.
 *
 * <p>Threading: thread-safe; every twin method blocks the calling thread.
 */
@Generated("dev.syncopate.processor.AsyncProcessor")
public final class CommandsImpl implements Commands {
  private final AsyncCommands delegate;

  private final LoopBridge bridge;

  /**
   * Creates the twin of {@code delegate}, whose methods run on {@code bridge}'s loop.
   *
   * @param delegate the async object, confined to {@code bridge}'s loop
   * @param bridge the bridge to its loop
   * @throws NullPointerException if an argument is null
   */
  public CommandsImpl(AsyncCommands delegate, LoopBridge bridge) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.bridge = Objects.requireNonNull(bridge, "bridge");
  }

  @Override
  public AsyncCommands async() {
    return this.delegate;
  }

  @Override
  public String ping() {
    return this.bridge.call(() -> this.delegate.ping());
  }

  @Override
  public Boolean delete(String key) {
    return this.bridge.call(() -> this.delegate.delete(key));
  }

  @Override
  public String get(String key) {
    return this.bridge.call(() -> this.delegate.get(key));
  }

  @Override
  public int compareTo(String arg0) {
    return this.bridge.invoke(() -> this.delegate.compareTo(arg0));
  }
}
