package dev.syncopate.sample.twins;

import dev.syncopate.runtime.Async;
import java.util.concurrent.CompletionStage;

/** Something with a name; {@link AsyncGreeter} extends it, and so its twin extends {@code Named}. */
@Async
public interface AsyncNamed {
  /**
   * The name, with the thread that produced it.
   *
   * @return a stage with {@code "<name>@<thread>"}
   */
  CompletionStage<String> name();
}
