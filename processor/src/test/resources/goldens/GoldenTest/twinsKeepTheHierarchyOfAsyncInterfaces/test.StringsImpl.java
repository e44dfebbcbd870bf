package test;

import dev.syncopate.runtime.LoopBridge;
import java.lang.Override;
import java.lang.String;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The {@link Strings} that delegates to an {@link AsyncStrings} through a {@link LoopBridge}.
 *
 * <p>Threading: thread-safe; every twin method blocks the calling thread.
 */
@Generated("dev.syncopate.processor.AsyncProcessor")
public final class StringsImpl implements Strings {
  private final AsyncStrings delegate;

  private final LoopBridge bridge;

  /**
   * Creates the twin of {@code delegate}, whose methods run on {@code bridge}'s loop.
   *
   * @param delegate the async object, confined to {@code bridge}'s loop
   * @param bridge the bridge to its loop
   * @throws NullPointerException if an argument is null
   */
  public StringsImpl(AsyncStrings delegate, LoopBridge bridge) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.bridge = Objects.requireNonNull(bridge, "bridge");
  }

  @Override
  public AsyncStrings async() {
    return this.delegate;
  }

  @Override
  public String get(String key) {
    return this.bridge.call(() -> this.delegate.get(key));
  }
}
