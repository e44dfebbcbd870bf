package dev.syncopate.sample.twins;

import dev.syncopate.runtime.Async;
import dev.syncopate.runtime.AsyncSequence;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * An example async API: its blocking twin {@code Account} (+ {@code AccountImpl}) is generated at
 * compile time of the sample's tests.
 */
@Async(timeout = "PT30S")
public interface AsyncAccount {
  /**
   * The balance.
   *
   * @return a stage with the balance
   */
  CompletionStage<Long> balance();

  /**
   * Takes money out.
   *
   * @param amount how much
   * @return a stage that completes when done
   * @throws InsufficientFundsException (through the stage) if the balance is too low
   */
  CompletionStage<Void> withdraw(long amount) throws InsufficientFundsException;

  /** Fails with an unchecked exception through the stage. */
  CompletionStage<Void> freeze(String reason);

  /** Never completes; cancelling it is observable through {@link LoopAccount#cancellations()}. */
  CompletionStage<String> hang();

  /** Completes after {@code delay}; the type's 30 s timeout applies. */
  CompletionStage<String> slow(Duration delay);

  /** Completes after {@code delay}; the method's own 1 min timeout applies. */
  @Async.Timeout("PT1M")
  CompletionStage<String> slowButAllowed(Duration delay);

  /** A plain method: the twin still runs it on the loop thread. */
  String threadName();

  /** The numbers 1..n. */
  AsyncSequence<Integer> count(int n);

  /** 0, 1, 2, … without end; closing it is observable through {@link LoopAccount#closings()}. */
  AsyncSequence<Integer> forever();

  /** The statement of this account, an async object itself. */
  CompletionStage<AsyncStatement> statement();

  /** Moves money to another account: the twin takes the other account's twin. */
  CompletionStage<Void> transfer(AsyncAccount to, long amount) throws InsufficientFundsException;
}
