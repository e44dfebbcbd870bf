package dev.syncopate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Properties of the processor beyond single shapes: determinism, rounds, Javadoc, packaging. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ProcessorTest {
  private static List<String> generatedTexts(Compilation compilation) {
    return compilation.generatedSourceFiles().stream()
        .map(Goldens::content)
        .collect(Collectors.toList());
  }

  private static String generated(Compilation compilation, String qualifiedName) {
    return compilation.generatedSourceFile(qualifiedName)
        .map(Goldens::content)
        .orElseThrow(() -> new AssertionError("not generated: " + qualifiedName));
  }

  @Test
  void sameInputGivesByteIdenticalOutput() {
    Compilation first = Compile.strict(GoldenTest.STORE, GoldenTest.READABLE, GoldenTest.CLIENT);
    Compilation second = Compile.strict(GoldenTest.CLIENT, GoldenTest.READABLE, GoldenTest.STORE);
    assertThat(first).succeededWithoutWarnings();
    assertThat(second).succeededWithoutWarnings();
    assertEquals(6, generatedTexts(first).size());
    assertEquals(generatedTexts(first).stream().sorted().collect(Collectors.toList()),
        generatedTexts(second).stream().sorted().collect(Collectors.toList()));
  }

  @Test
  void javadocIsCopiedAndAmendedWithTheBlockingContract() {
    Compilation compilation = Compile.strict(GoldenTest.STORE, GoldenTest.READABLE);
    String twin = generated(compilation, "test.Store");
    assertTrue(twin.contains("   * Stores a value.\n"), twin);
    assertTrue(twin.contains("@param key the key"), twin);
    assertTrue(twin.contains("@throws IOException if the store is read-only"), twin);
    assertTrue(twin.contains("times out after {@code PT30S}. Never call it on a loop thread; an"
        + " interrupt cancels the operation."), twin);
    assertTrue(twin.contains("times out after {@code PT0.5S}."), twin);
    // The bridge's own failures are listed once, on the type, for every method.
    assertTrue(twin.contains("every method throws {@link BlockingOnLoopThreadException} when called"
        + " on a loop thread"), twin);
    assertTrue(twin.contains("{@link BridgeInterruptedException} when the waiting caller is"
        + " interrupted (the operation is cancelled and the interrupt status kept)"), twin);
    assertTrue(twin.contains("{@link TimeoutError} when a timeout expires"), twin);
    // The implementation inherits the interface's method Javadoc instead of repeating it.
    String impl = generated(compilation, "test.StoreImpl");
    assertTrue(!impl.contains("Stores a value."), impl);
    assertTrue(twin.contains("@see AsyncStore#put(java.lang.Comparable, java.lang.Object)"), twin);
    // A void twin has no result: the original's "@return a stage ..." is dropped.
    assertTrue(!twin.contains("@return a stage that completes once stored"), twin);
    assertTrue(twin.contains("@Generated(\"dev.syncopate.processor.AsyncProcessor\")"), twin);
  }

  @Test
  void nullnessAndDeprecationAreCarried() {
    JavaFileObject nullable = Compile.source("test.Nullable", """
        package test;

        import java.lang.annotation.ElementType;
        import java.lang.annotation.Target;

        @Target(ElementType.TYPE_USE)
        public @interface Nullable {}
        """);
    JavaFileObject nonNull = Compile.source("test.NonNull", """
        package test;

        import java.lang.annotation.ElementType;
        import java.lang.annotation.Target;

        @Target({ElementType.METHOD, ElementType.PARAMETER})
        public @interface NonNull {}
        """);
    JavaFileObject api = Compile.source("test.AsyncNames", """
        package test;

        import dev.syncopate.runtime.Async;
        import java.util.concurrent.CompletionStage;

        @Async
        public interface AsyncNames {
          CompletionStage<@Nullable String> find(@NonNull String key, @Nullable String hint);

          @NonNull
          CompletionStage<String> first();

          /** @deprecated use first */
          @Deprecated
          CompletionStage<String> head();

          CompletionStage<java.util.List<@Nullable AsyncNames>> all(java.util.Set<@Nullable AsyncNames> of);

          dev.syncopate.runtime.AsyncSequence<@Nullable String> names();
        }
        """);
    Compilation compilation = Compile.strict(nullable, nonNull, api);
    assertThat(compilation).succeededWithoutWarnings();
    String twin = generated(compilation, "test.Names");
    assertTrue(twin.contains("@Nullable String find(@NonNull String key, @Nullable String hint)"),
        twin);
    assertTrue(twin.contains("@NonNull\n  String first()"), twin);
    assertTrue(twin.contains("@Deprecated\n  String head()"), twin);
    // On the elements of converted containers too.
    assertTrue(twin.contains("List<@Nullable Names> all(Set<@Nullable Names> of)"), twin);
    // A sequence's element nullness is its iterator's element nullness, not the iterator's.
    assertTrue(twin.contains("  CloseableIterator<@Nullable String> names();"), twin);
    assertTrue(generated(compilation, "test.NamesImpl").contains("@Deprecated\n  @Override\n  public String head()"));
  }

  @Test
  void aParentWhoseTypeArgumentsAreAsyncIsMirroredButNotExtended() {
    // Holder<AsyncBar>.get() would return AsyncBar where BarHolder.get() returns the twin Bar.
    Compilation compilation = Compile.strict(
        Compile.source("test.AsyncHolder", """
            package test;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            @Async
            public interface AsyncHolder<T> {
              CompletionStage<T> get();
            }
            """),
        Compile.source("test.AsyncBar", """
            package test;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            @Async
            public interface AsyncBar {
              CompletionStage<Integer> size();
            }
            """),
        Compile.source("test.AsyncBarHolder", """
            package test;

            import dev.syncopate.runtime.Async;

            @Async
            public interface AsyncBarHolder extends AsyncHolder<AsyncBar> {}
            """));
    assertThat(compilation).succeededWithoutWarnings();
    String twin = generated(compilation, "test.BarHolder");
    assertTrue(twin.contains("public interface BarHolder {"), twin);
    assertTrue(twin.contains("  Bar get();"), twin);
  }

  @Test
  void parentsWhoseTwinWouldClashAreMirroredButNotExtended() {
    // A Void type argument: the parent's twin returns Void where the child's returns void.
    assertTwinHeader("test.VoidTask", "public interface VoidTask {", Compile.source("test.AsyncTask", """
        package test;

        @dev.syncopate.runtime.Async
        public interface AsyncTask<T> {
          java.util.concurrent.CompletionStage<T> run();
        }
        """), Compile.source("test.AsyncVoidTask", """
        package test;

        @dev.syncopate.runtime.Async
        public interface AsyncVoidTask extends AsyncTask<Void> {}
        """));
    // A covariant override: Object go() in the parent's twin, void go() in the child's.
    assertTwinHeader("test.B", "public interface B {", Compile.source("test.AsyncA", """
        package test;

        @dev.syncopate.runtime.Async
        public interface AsyncA {
          java.util.concurrent.CompletionStage<? extends Object> go();
        }
        """), Compile.source("test.AsyncB", """
        package test;

        @dev.syncopate.runtime.Async
        public interface AsyncB extends AsyncA {
          @Override
          java.util.concurrent.CompletionStage<Void> go();
        }
        """));
    // A diamond whose two sides return different types: the side the child mirrors is extended.
    assertTwinHeader("test.Sub", "public interface Sub extends Left {", Compile.source("test.D", """
        package test;

        import dev.syncopate.runtime.Async;
        import java.util.concurrent.CompletionStage;

        public class D {
          @Async
          public interface AsyncLeft {
            CompletionStage<? extends Object> x();
          }

          @Async
          public interface AsyncRight {
            CompletionStage<? extends Number> x();
          }

          @Async
          public interface AsyncSub extends AsyncLeft, AsyncRight {}
        }
        """));
    // A deprecated parent of a type that is not: its twin would warn where the source does not.
    assertTwinHeader("test.Sub", "public interface Sub {", Compile.source("test.AsyncBase", """
        package test;

        /** Old. @deprecated use AsyncSub */
        @Deprecated
        @dev.syncopate.runtime.Async
        public interface AsyncBase {
          java.util.concurrent.CompletionStage<String> name();
        }
        """), Compile.source("test.AsyncSub", """
        package test;

        @SuppressWarnings("deprecation")
        @dev.syncopate.runtime.Async
        public interface AsyncSub extends AsyncBase {
          java.util.concurrent.CompletionStage<Void> more();
        }
        """));
  }

  /** Compiles strictly, and the twin {@code twin} is declared as {@code header}. */
  private static void assertTwinHeader(String twin, String header, JavaFileObject... sources) {
    Compilation compilation = Compile.strict(sources);
    assertThat(compilation).succeededWithoutWarnings();
    String text = generated(compilation, twin);
    assertTrue(text.contains(header), text);
  }

  @Test
  void typesGeneratedInALaterRoundAreWaitedFor() {
    // AsyncHolder mentions Bar, the twin of AsyncBar, which exists only after the first round.
    JavaFileObject bar = Compile.source("test.AsyncBar", """
        package test;

        import dev.syncopate.runtime.Async;
        import java.util.concurrent.CompletionStage;

        @Async
        public interface AsyncBar {
          CompletionStage<String> name();
        }
        """);
    JavaFileObject holder = Compile.source("test.AsyncHolder", """
        package test;

        import dev.syncopate.runtime.Async;
        import java.util.concurrent.CompletionStage;

        @Async
        public interface AsyncHolder {
          CompletionStage<String> describe(Bar bar);
        }
        """);
    Compilation compilation = Compile.strict(holder, bar);
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(generated(compilation, "test.Holder").contains("String describe(Bar bar)"));
  }

  @Test
  void asyncTypesFromClassFilesAreRecognised(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    // A library compiled earlier: @Async has class retention, so javac still sees it there.
    JavaFileObject library = Compile.source("lib.AsyncBar", """
        package lib;

        import dev.syncopate.runtime.Async;
        import java.util.concurrent.CompletionStage;

        @Async
        public interface AsyncBar {
          CompletionStage<String> name();
        }
        """);
    Compilation first = Compile.strict(library);
    assertThat(first).succeededWithoutWarnings();
    for (JavaFileObject file : first.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        String path = file.toUri().getPath();
        java.nio.file.Path target = dir.resolve(path.substring(path.indexOf("/lib/") + 1));
        java.nio.file.Files.createDirectories(target.getParent());
        try (InputStream in = file.openInputStream()) {
          java.nio.file.Files.copy(in, target);
        }
      }
    }
    JavaFileObject user = Compile.source("app.AsyncFoo", """
        package app;

        import dev.syncopate.runtime.Async;
        import java.util.concurrent.CompletionStage;
        import lib.AsyncBar;

        @Async
        public interface AsyncFoo {
          CompletionStage<AsyncBar> bar();
        }
        """);
    List<java.io.File> classpath = new java.util.ArrayList<>();
    classpath.add(dir.toFile());
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      classpath.add(new java.io.File(entry));
    }
    Compilation second = com.google.testing.compile.Compiler.javac()
        .withProcessors(new AsyncProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .withClasspath(classpath)
        .compile(user);
    assertThat(second).succeededWithoutWarnings();
    String impl = generated(second, "app.FooImpl");
    assertTrue(impl.contains("public Bar bar()"), impl);
    assertTrue(impl.contains("Bar.of(result, this.bridge)"), impl);
  }

  @Test
  void twinsFindTheirAsyncInterfacesThroughPlainInterfacesSuperclassesAndUnextendableParents() {
    Compilation compilation = Compile.strict(
        Compile.source("test.AsyncNamed", """
            package test;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            /** Something with a name. */
            @Async
            public interface AsyncNamed {
              /** Its name. */
              CompletionStage<String> name();
            }
            """),
        Compile.source("test.Polite", """
            package test;

            /** A plain interface between an async one and its users. */
            public interface Polite extends AsyncNamed {}
            """),
        Compile.source("test.AsyncGreeter", """
            package test;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            /** Greets, through a plain parent. */
            @Async
            public interface AsyncGreeter extends Polite {
              /** Greets someone. */
              CompletionStage<String> greet(String who);
            }
            """),
        Compile.source("test.AsyncNamedBase", """
            package test;

            import dev.syncopate.runtime.Async;

            /** A base class implementing the async interface. */
            @Async(blockingName = "NamedBase")
            public abstract class AsyncNamedBase implements AsyncNamed {}
            """),
        Compile.source("test.AsyncService", """
            package test;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            /** A class whose superclass implements the async interface. */
            @Async(blockingName = "Service")
            public abstract class AsyncService extends AsyncNamedBase {
              /** Serves. */
              public abstract CompletionStage<Integer> serve();
            }
            """),
        Compile.source("test.AsyncTask", """
            package test;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            /** A task with a result. */
            @Async
            public interface AsyncTask<T> extends AsyncNamed {
              /** Runs it. */
              CompletionStage<T> run();
            }
            """),
        Compile.source("test.AsyncJob", """
            package test;

            import dev.syncopate.runtime.Async;

            /** A task without a result: its twin cannot be a Task<Void>, but is a Named. */
            @Async
            public interface AsyncJob extends AsyncTask<Void> {}
            """),
        Compile.source("test.Users", """
            package test;

            /** Uses the twins where a Named twin is expected: compiles only if they are Nameds. */
            final class Users {
              private Users() {}

              static Named greeter(Greeter greeter) {
                return greeter;
              }

              static Named service(Service service) {
                return service;
              }

              static Named job(Job job) {
                return job;
              }
            }
            """));
    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(generated(compilation, "test.Job").contains("public interface Job extends Named {"),
        generated(compilation, "test.Job"));
    assertTrue(generated(compilation, "test.Service").contains("implements Named {"),
        generated(compilation, "test.Service"));
  }

  @Test
  void parentsFoundAboveTheTypeAreExtendedOnlyWhenTheTwinCanNameThemAndOnlyOnce() {
    JavaFileObject box = Compile.source("a.AsyncBox", """
        package a;

        import dev.syncopate.runtime.Async;
        import java.util.concurrent.CompletionStage;

        /** A box; its methods do not mention T. */
        @Async
        public interface AsyncBox<T> {
          /** Its size. */
          CompletionStage<Integer> size();
        }
        """);
    JavaFileObject greeter = Compile.source("b.AsyncGreeter", """
        package b;

        import dev.syncopate.runtime.Async;
        import java.util.concurrent.CompletionStage;

        /** Greets, through a plain parent of another package. */
        @Async
        public interface AsyncGreeter extends a.Polite {
          /** Greets someone. */
          CompletionStage<String> greet(String who);
        }
        """);
    // A package-private @Async ancestor of another package: not nameable from package b.
    Compilation hidden = Compile.strict(
        Compile.source("a.AsyncHidden", """
            package a;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            /** Hidden from other packages. */
            @Async
            interface AsyncHidden {
              /** Its name. */
              CompletionStage<String> name();
            }
            """),
        Compile.source("a.Polite", """
            package a;

            /** Public, above a hidden async interface. */
            public interface Polite extends AsyncHidden {}
            """),
        greeter);
    assertThat(hidden).succeededWithoutWarnings();
    assertTrue(generated(hidden, "b.Greeter").contains("public interface Greeter {"),
        generated(hidden, "b.Greeter"));
    // A type argument package b cannot name, and one that is deprecated.
    for (String argument : List.of("class Secret {}", "@Deprecated public class Secret {}")) {
      Compilation secret = Compile.strict(box,
          Compile.source("a.Secret", "package a;\n\n/** An argument. */\n" + argument + "\n"),
          Compile.source("a.Polite", """
              package a;

              /** Public, above a box of a secret. */
              @SuppressWarnings("deprecation")
              public interface Polite extends AsyncBox<Secret> {}
              """),
          greeter);
      assertThat(secret).succeededWithoutWarnings();
      assertTrue(generated(secret, "b.Greeter").contains("public interface Greeter {"), argument);
    }
    // A protected @Async interface nested in a superclass of another package.
    Compilation nested = Compile.strict(
        Compile.source("a.Outer", """
            package a;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            /** Holds a protected async interface. */
            public abstract class Outer {
              /** Only for subclasses. */
              @Async
              protected interface AsyncInner {
                /** Its name. */
                CompletionStage<String> name();
              }
            }
            """),
        Compile.source("a.Mid", """
            package a;

            /** Implements the protected interface. */
            public abstract class Mid extends Outer implements Outer.AsyncInner {}
            """),
        Compile.source("b.AsyncService", """
            package b;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            /** A subclass in another package. */
            @Async(blockingName = "Service")
            public abstract class AsyncService extends a.Mid {
              /** Serves. */
              public abstract CompletionStage<Integer> serve();
            }
            """));
    assertThat(nested).succeededWithoutWarnings();
    // Named reached twice: through Person (extended) and past Task<Void> (not): extended once.
    Compilation twice = Compile.strict(
        Compile.source("a.AsyncNamed", """
            package a;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            /** Something with a name. */
            @Async
            public interface AsyncNamed {
              /** Its name. */
              CompletionStage<String> name();
            }
            """),
        Compile.source("a.AsyncPerson", """
            package a;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            /** A person. */
            @Async
            public interface AsyncPerson extends AsyncNamed {
              /** Their age. */
              CompletionStage<Integer> age();
            }
            """),
        Compile.source("a.AsyncTask", """
            package a;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            /** A task. */
            @Async
            public interface AsyncTask<T> extends AsyncNamed {
              /** Runs it. */
              CompletionStage<T> run();
            }
            """),
        Compile.source("a.AsyncWorker", """
            package a;

            import dev.syncopate.runtime.Async;

            /** A person who is a task. */
            @Async
            public interface AsyncWorker extends AsyncPerson, AsyncTask<Void> {}
            """));
    assertThat(twice).succeededWithoutWarnings();
    assertTrue(generated(twice, "a.Worker").contains("public interface Worker extends Person {"),
        generated(twice, "a.Worker"));
  }

  @Test
  void processorIsRegisteredAndIsolating() throws IOException {
    assertEquals("dev.syncopate.processor.AsyncProcessor,isolating",
        resource("META-INF/gradle/incremental.annotation.processors").strip());
    assertEquals("dev.syncopate.processor.AsyncProcessor",
        resource("META-INF/services/javax.annotation.processing.Processor").strip());
  }

  @Test
  void theGuideDocumentsEveryCode() throws IOException {
    String guide = java.nio.file.Files.readString(
        java.nio.file.Path.of(System.getProperty("docs.dir", "../docs"), "processor.md"));
    for (Message message : Message.values()) {
      assertTrue(guide.contains("| `[" + message.code() + "]` |"),
          "docs/processor.md lacks [" + message.code() + "]");
    }
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = AsyncProcessor.class.getClassLoader().getResourceAsStream(name)) {
      assertTrue(in != null, "missing resource " + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
