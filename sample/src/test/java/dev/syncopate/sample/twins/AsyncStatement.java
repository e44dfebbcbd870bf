package dev.syncopate.sample.twins;

import dev.syncopate.runtime.Async;
import dev.syncopate.runtime.AsyncCloseable;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** A nested async object returned by {@link AsyncAccount#statement()}; closeable. */
@Async
public interface AsyncStatement extends AsyncCloseable {
  /** The statement's lines. */
  CompletionStage<List<String>> lines();

  /** Whether {@code closeAsync()} ran; plain. */
  boolean closed();
}
