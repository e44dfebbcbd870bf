package dev.syncopate.docs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.syncopate.runtime.EventLoop;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

/**
 * Compiles every Java snippet in {@code docs/*.md} against the runtime, warning-free, and runs
 * those that are statements (kotlinx's Knit idea): a doc that stops compiling fails the build.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DocSnippetsTest {
  private static final Path DOCS = Path.of(System.getProperty("docs.dir", "."));

  private static final String IMPORTS = String.join("\n",
      "import dev.syncopate.runtime.*;",
      "import java.time.Duration;",
      "import java.util.*;",
      "import java.util.concurrent.*;",
      "");

  @Test
  void theGuideHasSnippets() {
    List<MarkdownSnippets.Snippet> snippets = MarkdownSnippets.in(DOCS);
    assertFalse(snippets.isEmpty(), "no ```java snippets found in " + DOCS.toAbsolutePath());
  }

  @TestFactory
  Stream<DynamicTest> everySnippetCompilesAndRuns() {
    return MarkdownSnippets.in(DOCS).stream()
        .map(snippet -> DynamicTest.dynamicTest(snippet.toString(), () -> check(snippet)));
  }

  private static void check(MarkdownSnippets.Snippet snippet) throws Exception {
    String name = snippet.className();
    String source = snippet.isCompilationUnit()
        ? snippet.code()
        : IMPORTS + "public final class " + name + " {\n"
            + "  public static void run() throws Exception {\n" + snippet.code() + "  }\n}\n";
    Map<String, byte[]> classes = compile(snippet, name, source);
    if (snippet.run() && !snippet.isCompilationUnit()) {
      ClassLoader loader = new InMemoryClassLoader(classes, DocSnippetsTest.class.getClassLoader());
      Method run = loader.loadClass(name).getMethod("run");
      run.invoke(null);
    }
  }

  private static Map<String, byte[]> compile(
      MarkdownSnippets.Snippet snippet, String name, String source) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    Map<String, byte[]> classes = new HashMap<>();
    try (StandardJavaFileManager standard = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null);
        JavaFileManager files = new InMemoryOutput(standard, classes)) {
      String fileName = snippet.isCompilationUnit() ? publicTypeName(source, name) : name;
      JavaFileObject unit = new SimpleJavaFileObject(
          URI.create("string:///" + fileName + ".java"), JavaFileObject.Kind.SOURCE) {
        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
          return source;
        }
      };
      List<String> options = List.of("--release", "17", "-Xlint:all,-processing", "-Werror",
          "-proc:none", "-classpath", runtimeClasspath());
      boolean compiled = compiler.getTask(null, files, diagnostics, options, null, List.of(unit)).call();
      if (!compiled) {
        StringBuilder text = new StringBuilder("snippet at " + snippet + " does not compile:\n");
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
          text.append("  line ").append(d.getLineNumber()).append(": ")
              .append(d.getMessage(Locale.ROOT)).append('\n');
        }
        fail(text + "--- source ---\n" + source);
      }
    }
    assertTrue(!classes.isEmpty(), "snippet at " + snippet + " produced no class");
    return classes;
  }

  private static String publicTypeName(String source, String fallback) {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|record|enum|@interface)\\s+(\\w+)")
        .matcher(source);
    return m.find() ? m.group(1) : fallback;
  }

  private static String runtimeClasspath() {
    try {
      return Path.of(EventLoop.class.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString() + File.pathSeparator + System.getProperty("java.class.path");
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException("cannot locate the runtime classes", e);
    }
  }

  /** Keeps compiled classes in memory. */
  private static final class InMemoryOutput extends ForwardingJavaFileManager<StandardJavaFileManager> {
    private final Map<String, byte[]> classes;

    InMemoryOutput(StandardJavaFileManager standard, Map<String, byte[]> classes) {
      super(standard);
      this.classes = classes;
    }

    @Override
    public JavaFileObject getJavaFileForOutput(
        Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
      return new SimpleJavaFileObject(URI.create("mem:///" + className + kind.extension), kind) {
        @Override
        public OutputStream openOutputStream() {
          return new ByteArrayOutputStream() {
            @Override
            public void close() {
              classes.put(className, toByteArray());
            }
          };
        }
      };
    }
  }

  /** Loads the classes a snippet compiled to. */
  private static final class InMemoryClassLoader extends ClassLoader {
    private final Map<String, byte[]> classes;

    InMemoryClassLoader(Map<String, byte[]> classes, ClassLoader parent) {
      super(parent);
      this.classes = classes;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = classes.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
