package dev.syncopate.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 10,000 virtual threads through the bridge on one carrier thread, in a child JVM of JDK 25 (the
 * build runs on 17, which has no virtual threads). Skipped when that JDK is absent.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VirtualThreadBridgeTest {
  private static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

  @Test
  void tenThousandVirtualThreadsNeverPinTheirOnlyCarrier() throws Exception {
    assumeTrue(Files.isExecutable(JDK25), "JDK 25 not installed at " + JDK25);
    File output = File.createTempFile("virtual-bridge", ".out");
    output.deleteOnExit();
    Process child = new ProcessBuilder(List.of(JDK25.toString(),
        "-Djdk.virtualThreadScheduler.parallelism=1",
        "-Djdk.virtualThreadScheduler.maxPoolSize=1",
        "-cp", System.getProperty("java.class.path"),
        VirtualThreadBridgeMain.class.getName(), "10000"))
        .redirectErrorStream(true).redirectOutput(output).start();
    boolean exited = child.waitFor(100, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    String text = Files.readString(output.toPath(), StandardCharsets.UTF_8);
    assertTrue(exited, "the child JVM hung: " + text);
    assertEquals(0, child.exitValue(), text);
    assertTrue(text.contains("OK 10000"), text);
  }
}
