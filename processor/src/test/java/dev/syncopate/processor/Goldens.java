package dev.syncopate.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/**
 * Golden files: {@code src/test/resources/goldens/<TestClass>/<method>/<fqcn>.java}. The generated
 * text is compared byte for byte (Javadoc included, which compile-testing's tree comparison
 * ignores). Run with {@code -Dgoldens.update=true} to rewrite them from the current output, then
 * review the diff.
 */
final class Goldens {
  private Goldens() {}

  static void assertMatches(Class<?> testClass, String method, Compilation compilation) {
    Path dir = Path.of(System.getProperty("goldens.dir", "src/test/resources/goldens"))
        .resolve(testClass.getSimpleName()).resolve(method);
    TreeMap<String, String> generated = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String path = file.toUri().getPath();
      String fqcn = path.substring(path.indexOf("SOURCE_OUTPUT/") + "SOURCE_OUTPUT/".length())
          .replace(".java", "").replace('/', '.');
      generated.put(fqcn, content(file));
    }
    try {
      if (Boolean.getBoolean("goldens.update")) {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
          for (Path p : old.collect(Collectors.toList())) {
            Files.delete(p);
          }
        }
        for (var entry : generated.entrySet()) {
          Files.writeString(dir.resolve(entry.getKey() + ".java"), entry.getValue());
        }
        return;
      }
      if (!Files.isDirectory(dir)) {
        fail("no goldens at " + dir + "; run with -Dgoldens.update=true to create them");
      }
      List<String> expectedNames;
      try (Stream<Path> files = Files.list(dir)) {
        expectedNames = files.map(p -> p.getFileName().toString().replace(".java", ""))
            .sorted().collect(Collectors.toList());
      }
      assertEquals(expectedNames, List.copyOf(generated.keySet()), "generated types");
      for (String name : expectedNames) {
        assertEquals(Files.readString(dir.resolve(name + ".java")), generated.get(name),
            "golden " + name + " (rerun with -Dgoldens.update=true if the change is intended)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String content(JavaFileObject file) {
    try {
      return file.getCharContent(true).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
