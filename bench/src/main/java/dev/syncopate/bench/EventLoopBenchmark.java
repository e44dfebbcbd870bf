package dev.syncopate.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 2's event-loop workloads, for every {@link LoopUnderTest} side by side. Scores are
 * operations per second: callbacks (W1), tasks (W2) and timers scheduled (W4).
 *
 * <p>Each invocation hands one whole workload to the loop and waits until the loop reports it
 * done, so the score includes one cross-thread hand-off per invocation (microseconds against
 * tens of milliseconds of work).
 *
 * <p><b>Threading:</b> the JMH thread only submits and waits; the workloads run on the loop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EventLoopBenchmark {
  /** The implementation under test; see {@link LoopUnderTest#NAMES}. Set by JMH. */
  @Param({"syncopate", "netty-nio", "netty-default", "jdk"})
  public String loop;

  private LoopUnderTest subject;
  private long[] delays;

  /** Starts the loop under test. */
  @Setup(Level.Trial)
  public void start() throws InterruptedException {
    subject = LoopUnderTest.create(loop);
    delays = Workloads.timerDelays();
  }

  /** Stops it. */
  @TearDown(Level.Trial)
  public void stop() {
    subject.close();
  }

  /** W1: one million trivial callbacks scheduled from inside the loop; score = callbacks/s. */
  @Benchmark
  @OperationsPerInvocation(Workloads.CALLBACKS)
  public void w1Callbacks() throws InterruptedException {
    CompletableFuture<Void> done = new CompletableFuture<>();
    subject.submit(() -> {
      Countdown countdown = new Countdown(Workloads.CALLBACKS, done);
      for (int i = 0; i < Workloads.CALLBACKS; i++) {
        subject.callSoon(countdown);
      }
    });
    Waiting.join(done);
  }

  /** W2: 100,000 tasks that yield once, awaited together; score = tasks/s. */
  @Benchmark
  @OperationsPerInvocation(Workloads.TASKS)
  public void w2YieldingTasks() throws InterruptedException {
    CompletableFuture<Void> done = new CompletableFuture<>();
    subject.submit(() -> subject.spawnYieldingTasks(Workloads.TASKS, () -> done.complete(null)));
    Waiting.join(done);
  }

  /**
   * W4: 200,000 timers with random delays in [0, 100 ms]; score = timers scheduled/s. The time
   * until they fire is not measured: {@link TimerRound} waits for it between invocations, so
   * rounds never overlap. {@link TimerOrderCheck} checks the firing order.
   */
  @Benchmark
  @OperationsPerInvocation(Workloads.TIMERS)
  public void w4ScheduleTimers(TimerRound round) throws InterruptedException {
    CompletableFuture<Void> scheduled = new CompletableFuture<>();
    CompletableFuture<Void> fired = round.fired;
    long[] delays = this.delays;
    subject.submit(() -> {
      Countdown countdown = new Countdown(Workloads.TIMERS, fired);
      for (int i = 0; i < Workloads.TIMERS; i++) {
        subject.callLater(delays[i], countdown);
      }
      scheduled.complete(null);
    });
    Waiting.join(scheduled);
  }

  /** One W4 round: completes when all its timers fired; waited for outside the measurement. */
  @State(Scope.Thread)
  public static class TimerRound {
    /** Completed on the loop by the round's last timer. */
    CompletableFuture<Void> fired;

    /** A fresh round before each invocation. */
    @Setup(Level.Invocation)
    public void begin() {
      fired = new CompletableFuture<>();
    }

    /** Waits for the round's timers, so the next round starts on an empty timer queue. */
    @TearDown(Level.Invocation)
    public void awaitFired() throws InterruptedException {
      Waiting.join(fired);
    }
  }
}
