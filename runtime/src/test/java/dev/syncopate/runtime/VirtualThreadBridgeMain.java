package dev.syncopate.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run by {@link VirtualThreadBridgeTest} in a child JVM (JDK 21+): N virtual threads each make
 * one bridge call whose operation completes only once all N operations have started. With one
 * carrier thread, a caller that pinned its carrier while blocked would stop every other virtual
 * thread from starting its call, and the run would never finish. Prints {@code OK <n>}.
 */
public final class VirtualThreadBridgeMain {
  private VirtualThreadBridgeMain() {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    LoopBridge bridge = LoopBridge.start("virtual-bridge");
    EventLoop loop = bridge.loop();
    List<Future<Integer>> waiting = new ArrayList<>();
    AtomicInteger correct = new AtomicInteger();
    ExecutorService executor = (ExecutorService)
        Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    for (int i = 0; i < threads; i++) {
      int number = i;
      executor.execute(() -> {
        int value = bridge.call(() -> {
          Future<Integer> gate = loop.createFuture();
          waiting.add(gate);
          if (waiting.size() == threads) {
            for (int k = 0; k < waiting.size(); k++) {
              waiting.get(k).setResult(k);
            }
          }
          return gate.thenApply(ignored -> number);
        });
        if (value == number) {
          correct.incrementAndGet();
        }
      });
    }
    executor.shutdown();
    if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
      System.out.println("HUNG " + correct.get());
      System.exit(2);
    }
    bridge.close();
    System.out.println("OK " + correct.get());
  }
}
