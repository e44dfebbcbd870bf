package dev.syncopate.bench;

import dev.syncopate.runtime.EventLoop;
import dev.syncopate.runtime.Future;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Syncopate's {@link EventLoop} running {@code runForever()} on a thread of its own.
 *
 * <p><b>Threading:</b> as {@link LoopUnderTest}.
 */
final class SyncopateLoop implements LoopUnderTest {
  private final EventLoop loop;
  private final Thread thread;

  private SyncopateLoop(EventLoop loop, Thread thread) {
    this.loop = loop;
    this.thread = thread;
  }

  static SyncopateLoop start() throws InterruptedException {
    CompletableFuture<EventLoop> started = new CompletableFuture<>();
    Thread thread = new Thread(() -> {
      try (EventLoop loop = EventLoop.builder().name("bench").build()) {
        started.complete(loop);
        loop.runForever();
      } catch (Throwable failure) {
        started.completeExceptionally(failure);
      }
    }, "syncopate-bench-loop");
    thread.setDaemon(true);
    thread.start();
    EventLoop loop = Waiting.join(started);
    return new SyncopateLoop(loop, thread);
  }

  @Override
  public void submit(Runnable workload) {
    loop.callSoonThreadSafe(workload);
  }

  @Override
  public void callSoon(Runnable callback) {
    loop.callSoon(callback);
  }

  @Override
  public void callLater(long delayNanos, Runnable callback) {
    loop.callLater(Duration.ofNanos(delayNanos), callback);
  }

  @Override
  public void spawnYieldingTasks(int count, Runnable allDone) {
    Consumer<Future<Void>> counter = new Consumer<>() {
      private int left = count;

      @Override
      public void accept(Future<Void> task) {
        if (--left == 0) {
          allDone.run();
        }
      }
    };
    for (int i = 0; i < count; i++) {
      // The task's body returns yieldNow(): it waits exactly one loop iteration, then completes.
      loop.createTask(loop::yieldNow).addDoneCallback(counter);
    }
  }

  @Override
  public void close() {
    loop.stop();
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
