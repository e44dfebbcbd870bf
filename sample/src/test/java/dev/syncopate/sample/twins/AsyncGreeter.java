package dev.syncopate.sample.twins;

import dev.syncopate.runtime.Async;
import dev.syncopate.runtime.EventLoop;
import java.util.concurrent.CompletionStage;

/** A named greeter: its twin {@code Greeter} is a {@code Named} too. */
@Async
public interface AsyncGreeter extends AsyncNamed {
  /**
   * Greets someone.
   *
   * @param who whom to greet
   * @return a stage with the greeting
   */
  CompletionStage<String> greet(String who);

  /**
   * A greeter confined to the running loop.
   *
   * @param name its name
   * @return the greeter
   */
  static AsyncGreeter named(String name) {
    return new AsyncGreeter() {
      @Override
      public CompletionStage<String> name() {
        return EventLoop.running().completedFuture(name + "@" + Thread.currentThread().getName());
      }

      @Override
      public CompletionStage<String> greet(String who) {
        return EventLoop.running().completedFuture("hello " + who + " from " + name);
      }
    };
  }
}
