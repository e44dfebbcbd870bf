package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the loop reports to its exception handler, and what happens when the handler fails. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ExceptionHandlerTest {
  private final LoopFixture fixture = new LoopFixture();
  private final EventLoop loop = fixture.loop;

  @Test
  void callbackFailureIsReportedAndTheLoopGoesOn() {
    Steps steps = new Steps();
    IllegalStateException boom = new IllegalStateException("callback failed");
    loop.callSoon(() -> {
      steps.expect(1);
      throw boom;
    });
    loop.callSoon(() -> steps.expect(2));
    loop.runOnce();
    steps.finish(3);
    assertEquals(1, fixture.errors.size());
    LoopError report = fixture.errors.get(0);
    assertSame(boom, report.exception());
    assertTrue(report.message().contains("exception in callback"), report.message());
    assertTrue(report.message().contains(ExceptionHandlerTest.class.getName()), report.message());
    assertTrue(report.source() instanceof Handle);
    loop.close();
  }

  @Test
  void doneCallbackAndTimerFailuresAreReportedToo() {
    IllegalStateException fromDone = new IllegalStateException("done callback");
    IllegalStateException fromTimer = new IllegalStateException("timer");
    Future<String> future = loop.completedFuture("x");
    future.addDoneCallback(f -> {
      throw fromDone;
    });
    loop.callLater(Duration.ofSeconds(1), () -> {
      throw fromTimer;
    });
    loop.runUntilComplete(loop.sleep(Duration.ofSeconds(1)));
    assertEquals(2, fixture.errors.size(), fixture.errors::toString);
    assertSame(fromDone, fixture.errors.get(0).exception());
    assertSame(fromTimer, fixture.errors.get(1).exception());
    loop.close();
  }

  @Test
  void aThrowingHandlerDoesNotKillTheLoop() {
    List<String> handled = new ArrayList<>();
    loop.setExceptionHandler((l, e) -> {
      handled.add(e.exception().getMessage());
      throw new IllegalStateException("handler failed");
    });
    Steps steps = new Steps();
    loop.callSoon(() -> {
      throw new RuntimeException("one");
    });
    loop.callSoon(() -> steps.expect(1));
    loop.callSoon(() -> {
      throw new RuntimeException("two");
    });
    loop.callSoon(() -> steps.expect(2));
    withCapturedLog(records -> {
      loop.runOnce();
      assertEquals(2, records.size(), "each handler failure is logged");
      assertTrue(records.get(0).getMessage().contains("exception handler failed"));
    });
    steps.finish(3);
    assertEquals(List.of("one", "two"), handled);
    loop.close();
  }

  @Test
  void defaultHandlerLogsFailuresAsErrorsAndWarningsAsWarnings() {
    loop.setExceptionHandler(null);
    RuntimeException boom = new RuntimeException("logged");
    withCapturedLog(records -> {
      loop.callSoon(() -> {
        throw boom;
      });
      loop.runOnce();
      loop.callExceptionHandler(new LoopError("just a warning", null, null));
      assertEquals(2, records.size());
      assertEquals(Level.SEVERE, records.get(0).getLevel());
      assertSame(boom, records.get(0).getThrown());
      assertTrue(records.get(0).getMessage().contains("[test-loop]"), records.get(0).getMessage());
      assertEquals(Level.WARNING, records.get(1).getLevel());
      assertTrue(records.get(1).getMessage().contains("just a warning"));
      assertNull(records.get(1).getThrown());
    });
    loop.close();
  }

  @Test
  void debugModeWarnsAboutASlowCallbackNamingItAndWhereItWasScheduled() {
    EventLoop debugLoop = EventLoop.builder()
        .clock(new VirtualClock())
        .debug(true)
        .slowCallbackThreshold(Duration.ofNanos(1))
        .exceptionHandler((l, e) -> fixture.errors.add(e))
        .build();
    debugLoop.callSoon(ExceptionHandlerTest::sleepBriefly);
    debugLoop.runOnce();
    assertEquals(1, fixture.errors.size(), fixture.errors::toString);
    LoopError warning = fixture.errors.get(0);
    assertTrue(warning.isWarning());
    assertTrue(warning.message().contains("slow-callback threshold"), warning.message());
    assertTrue(warning.message().contains("lambda in " + ExceptionHandlerTest.class.getName()),
        warning.message());
    assertTrue(warning.message().contains(
        "scheduled at " + ExceptionHandlerTest.class.getName()
            + ".debugModeWarnsAboutASlowCallbackNamingItAndWhereItWasScheduled("),
        warning.message());
    debugLoop.close();
  }

  @Test
  void debugModeCanBeSwitchedAtRunTime() {
    assertEquals(Duration.ofMillis(100), loop.slowCallbackThreshold());
    loop.setSlowCallbackThreshold(Duration.ofNanos(1));
    loop.callSoon(ExceptionHandlerTest::sleepBriefly);
    loop.runOnce();
    assertTrue(fixture.errors.isEmpty(), "no warning outside debug mode");
    loop.setDebug(true);
    assertTrue(loop.isDebug());
    loop.callSoon(ExceptionHandlerTest::sleepBriefly);
    loop.runOnce();
    assertEquals(1, fixture.errors.size());
    assertTrue(fixture.errors.get(0).isWarning());
    loop.close();
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private interface LogCheck {
    void run(List<LogRecord> records);
  }

  /** Captures what the default handler logs through java.util.logging, without printing it. */
  private static void withCapturedLog(LogCheck check) {
    Logger logger = Logger.getLogger(EventLoop.class.getName());
    List<LogRecord> records = new CopyOnWriteArrayList<>();
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        records.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    boolean parents = logger.getUseParentHandlers();
    logger.addHandler(capture);
    logger.setUseParentHandlers(false);
    try {
      check.run(records);
    } finally {
      logger.removeHandler(capture);
      logger.setUseParentHandlers(parents);
    }
  }
}
