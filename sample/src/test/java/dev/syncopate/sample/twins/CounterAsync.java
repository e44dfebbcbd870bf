package dev.syncopate.sample.twins;

import dev.syncopate.runtime.Async;
import dev.syncopate.runtime.EventLoop;
import java.util.concurrent.CompletionStage;

/** A concrete async class: its twin {@code Counter} creates instances on the loop thread. */
@Async
public class CounterAsync {
  private final String createdOn;
  private int value;

  /** Starts at {@code start}; must run on a loop thread (it asks for the running loop). */
  public CounterAsync(int start) {
    EventLoop.running();
    this.createdOn = Thread.currentThread().getName();
    this.value = start;
  }

  /** Adds one, on the next loop iteration. */
  public CompletionStage<Integer> increment() {
    return EventLoop.running().yieldNow().thenApply(ignored -> ++value);
  }

  /** The thread the constructor ran on. */
  public String createdOn() {
    return createdOn;
  }
}
