package dev.syncopate.sample;

import dev.syncopate.runtime.Aio;
import dev.syncopate.runtime.CancelledError;
import dev.syncopate.runtime.ContextVar;
import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.Future;
import dev.syncopate.runtime.Task;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The loop at work: three "downloads" run concurrently on one thread, each in its own context;
 * the slowest is cancelled and cleans up; a thread outside the loop hands it work.
 *
 * <p>Run with {@code mvn -q -pl sample -am compile exec:java} (see the README).
 */
public final class LoopDemo {
  private static final ContextVar<String> REQUEST = ContextVar.withDefault("request", "-");
  private static final long START = System.nanoTime();

  private LoopDemo() {}

  public static void main(String[] args) throws InterruptedException {
    String summary = Aio.run(LoopDemo::demo);
    log("asyncio.run-style shutdown done: " + summary);
  }

  private static CompletionStage<String> demo() {
    EventLoop loop = EventLoop.running();
    List<Task<String>> downloads = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      int number = i;
      REQUEST.set("req-" + number);
      downloads.add(Aio.createTask("download-" + number, () -> download(number)));
    }
    REQUEST.set("main");

    // Another thread hands the loop work through the one thread-safe door.
    Thread helper = new Thread(() -> loop.callSoonThreadSafe(
        () -> log("callback from thread 'helper' ran on the loop thread")), "helper");
    helper.start();

    Task<String> slowest = downloads.get(2);
    loop.callLater(Duration.ofMillis(250), () -> {
      log("main: 250 ms passed, cancelling " + slowest.name());
      slowest.cancel("too slow");
    });

    Future<String> first = downloads.get(0);
    return first
        .thenCombine(downloads.get(1), (a, b) -> a + ", " + b)
        .thenCompose(done -> slowest.handle((value, failure) ->
            done + ", " + (failure instanceof CancelledError c ? "cancelled (" + c.getMessage() + ")" : value)));
  }

  private static CompletionStage<String> download(int number) {
    Duration took = Duration.ofMillis(100L * number * number);
    log(REQUEST.get() + ": started, will take " + took.toMillis() + " ms");
    return Aio.sleep(took)
        .thenApply(ignored -> {
          log(REQUEST.get() + ": finished");
          return "download-" + number + " ok";
        })
        .whenComplete((value, failure) -> {
          if (failure instanceof CancelledError) {
            log(REQUEST.get() + ": cancelled, cleaning up");
          }
        });
  }

  private static void log(String message) {
    System.out.printf("%6.1f ms [%s] %s%n",
        (System.nanoTime() - START) / 1e6, Thread.currentThread().getName(), message);
  }
}
