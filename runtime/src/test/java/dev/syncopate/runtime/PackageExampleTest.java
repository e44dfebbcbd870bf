package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The example of package-info.java, kept in step with it: it must do what the text says. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PackageExampleTest {
  static final ContextVar<String> REQUEST = ContextVar.withDefault("request", "-");

  @Test
  void theThreadingModelExampleWorksAsDocumented() {
    EventLoop loop = EventLoop.create();
    String answer = loop.run(() -> {
      REQUEST.set("r-42");
      Task<String> worker = Aio.createTask(() ->
          Aio.sleep(Duration.ofMillis(10))
              .thenApply(v -> "done for " + REQUEST.get()));
      Task<Void> slow = Aio.createTask(() -> Aio.sleep(Duration.ofHours(1)));
      slow.cancel("not needed");
      return worker.thenCombine(
          slow.exceptionally(cancelled -> null),
          (text, ignored) -> text);
    });
    assertEquals("done for r-42", answer);
    assertEquals("-", REQUEST.get());
    assertEquals(true, loop.isClosed());
  }
}
