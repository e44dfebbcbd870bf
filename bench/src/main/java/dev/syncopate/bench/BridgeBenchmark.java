package dev.syncopate.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issue 4's hand-off: a blocking round trip from caller threads to one loop/service thread, for
 * the bridge and its peers side by side (see {@link BridgeHop}). {@code roundTrip}: one caller,
 * latency distribution (SampleTime: p50/p99). {@code throughput8} / {@code throughput64}: 8 and
 * 64 platform caller threads, calls per second. Virtual-thread callers: {@link
 * BridgeThroughputMain} on JDK 21+.
 *
 * <p><b>Threading:</b> JMH threads are the callers; the service thread belongs to the peer.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class BridgeBenchmark {
  @Param({"syncopate-call", "syncopate-invoke", "netty", "cf-single-thread", "park-unpark",
      "spin-then-park", "vertx"})
  public String peer;

  private BridgeHop hop;

  /** Starts the peer's service thread. */
  @Setup(Level.Trial)
  public void start() {
    hop = BridgeHop.create(peer);
  }

  /** Stops it. */
  @TearDown(Level.Trial)
  public void stop() {
    hop.close();
  }

  /** One caller: the latency of one round trip. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public int roundTrip() {
    return hop.call(41);
  }

  /** Eight callers: round trips per second. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(8)
  public int throughput8() {
    return hop.call(41);
  }

  /** Sixty-four callers: round trips per second. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(64)
  public int throughput64() {
    return hop.call(41);
  }
}
