package dev.syncopate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Caller throughput with virtual or platform caller threads (JMH threads are platform threads):
 * {@code java -cp benchmarks.jar dev.syncopate.bench.BridgeThroughputMain <peer> <callers>
 * <virtual|platform> <seconds>}. Runs a warm-up of the same length first; prints calls/s.
 *
 * <p><b>Threading:</b> a main; the callers are the threads it starts.
 */
public final class BridgeThroughputMain {
  private BridgeThroughputMain() {}

  public static void main(String[] args) throws Exception {
    String peer = args[0];
    int callers = Integer.parseInt(args[1]);
    boolean virtual = args[2].equals("virtual");
    long seconds = Long.parseLong(args[3]);
    ThreadFactory factory = virtual ? virtualFactory() : Thread::new;
    try (BridgeHop hop = BridgeHop.create(peer)) {
      run(hop, callers, factory, seconds);
      double rate = run(hop, callers, factory, seconds);
      System.out.printf("%s callers=%d %s: %.0f calls/s%n", peer, callers,
          virtual ? "virtual" : "platform", rate);
    }
  }

  private static double run(BridgeHop hop, int callers, ThreadFactory factory, long seconds)
      throws InterruptedException {
    LongAdder calls = new LongAdder();
    AtomicBoolean stop = new AtomicBoolean();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      threads.add(factory.newThread(() -> {
        while (!stop.get()) {
          hop.call(41);
          calls.increment();
        }
      }));
    }
    long start = System.nanoTime();
    threads.forEach(Thread::start);
    Thread.sleep(seconds * 1000);
    stop.set(true);
    long count = calls.sum();
    long elapsed = System.nanoTime() - start;
    for (Thread thread : threads) {
      thread.join();
    }
    return count * 1e9 / elapsed;
  }

  private static ThreadFactory virtualFactory() throws ReflectiveOperationException {
    Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
    return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory")
        .invoke(builder);
  }
}
