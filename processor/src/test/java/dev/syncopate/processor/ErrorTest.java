package dev.syncopate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One test per diagnostic: each asserts the stable code, the file and the line javac points at.
 * Test methods are named after the code they prove ({@link #everyMessageHasATest} checks that).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ErrorTest {
  private static final String IMPORTS = """
      package test;

      import dev.syncopate.runtime.Async;
      import dev.syncopate.runtime.AsyncSequence;
      import java.util.List;
      import java.util.concurrent.CompletionStage;
      """;

  private static JavaFileObject source(String simpleName, String body) {
    return Compile.source("test." + simpleName, IMPORTS + body);
  }

  private static final JavaFileObject BAR = source("AsyncBar", """
      @Async
      public interface AsyncBar {
        CompletionStage<String> name();
      }
      """);

  private static void assertError(
      Compilation compilation, Message message, JavaFileObject file, String line) {
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("[" + message.code() + "]")
        .inFile(file)
        .onLineContaining(line);
  }

  @Test
  void asyncKind_onEnumRecordAndAnnotation() {
    JavaFileObject enumType = source("Mode", """
        @Async
        enum Mode { ON, OFF }
        """);
    assertError(Compile.strict(enumType), Message.KIND, enumType, "@Async");
    JavaFileObject record = source("Point", """
        @Async
        record Point(int x) {}
        """);
    assertError(Compile.strict(record), Message.KIND, record, "@Async");
    JavaFileObject annotation = source("Marker", """
        @Async
        @interface Marker {}
        """);
    assertError(Compile.strict(annotation), Message.KIND, annotation, "@Async");
  }

  @Test
  void asyncPrivateType_nestedPrivateInterface() {
    JavaFileObject file = source("Outer", """
        class Outer {
          @Async
          private interface AsyncHidden {
            CompletionStage<String> get();
          }
        }
        """);
    assertError(Compile.strict(file), Message.PRIVATE_TYPE, file, "private interface AsyncHidden");
  }

  @Test
  void asyncInnerClass_nonStaticNestedClass() {
    JavaFileObject file = source("Holder", """
        class Holder {
          @Async
          abstract class AsyncInner {
            abstract CompletionStage<String> get();
          }
        }
        """);
    assertError(Compile.strict(file), Message.INNER_CLASS, file, "abstract class AsyncInner");
  }

  @Test
  void asyncNoConstructor_concreteClassWithOnlyPrivateConstructors() {
    JavaFileObject file = source("AsyncSingleton", """
        @Async
        class AsyncSingleton {
          private AsyncSingleton() {}

          CompletionStage<String> get() {
            return null;
          }
        }
        """);
    assertError(Compile.strict(file), Message.NO_CONSTRUCTOR, file, "class AsyncSingleton");
  }

  @Test
  void asyncBadTwinName_notAnIdentifier() {
    JavaFileObject file = source("AsyncNamed", """
        @Async(
            blockingName = "not a name")
        interface AsyncNamed {
          CompletionStage<String> get();
        }
        """);
    assertError(Compile.strict(file), Message.BAD_TWIN_NAME, file, "blockingName");
  }

  @Test
  void asyncTwinExists_handWrittenTypeHasTheTwinName() {
    JavaFileObject file = source("AsyncTaken", """
        @Async
        interface AsyncTaken {
          CompletionStage<String> get();
        }
        """);
    JavaFileObject existing = source("Taken", "class Taken {}\n");
    assertError(Compile.strict(file, existing), Message.TWIN_EXISTS, file, "@Async");
  }

  @Test
  void asyncTwinClash_twoAsyncTypesWithTheSameTwin() {
    JavaFileObject first = source("AsyncTwice", """
        @Async
        interface AsyncTwice {
          CompletionStage<String> get();
        }
        """);
    JavaFileObject second = source("TwiceAsync", """
        @Async
        interface TwiceAsync {
          CompletionStage<String> get();
        }
        """);
    assertError(Compile.strict(first, second), Message.TWIN_CLASH, second, "interface TwiceAsync");
  }

  @Test
  void asyncBadTimeout_unparsable() {
    JavaFileObject file = source("AsyncSlow", """
        @Async(
            timeout = "30 seconds")
        interface AsyncSlow {
          CompletionStage<String> get();
        }
        """);
    assertError(Compile.strict(file), Message.BAD_TIMEOUT, file, "30 seconds");
    JavaFileObject closing = source("AsyncClosing", """
        @Async
        interface AsyncClosing extends dev.syncopate.runtime.AsyncCloseable {
          CompletionStage<String> get();

          @Override
          @Async.Timeout("PT999999999999999H")
          CompletionStage<Void> closeAsync();
        }
        """);
    assertError(Compile.strict(closing), Message.BAD_TIMEOUT, closing, "PT999999999999999H");
  }

  @Test
  void asyncNonPositiveTimeout_negativeMethodTimeout() {
    JavaFileObject file = source("AsyncBackwards", """
        @Async
        interface AsyncBackwards {
          @Async.Timeout("-PT1S")
          CompletionStage<String> get();
        }
        """);
    assertError(Compile.strict(file), Message.NON_POSITIVE_TIMEOUT, file, "-PT1S");
  }

  @Test
  void asyncTimeoutNotApplicable_onPlainMethod() {
    JavaFileObject file = source("AsyncPlain", """
        @Async
        interface AsyncPlain {
          CompletionStage<String> get();

          @Async.Timeout("PT1S")
          int size();
        }
        """);
    assertError(Compile.strict(file), Message.TIMEOUT_NOT_APPLICABLE, file, "@Async.Timeout");
  }

  @Test
  void asyncTimeoutOutsideAsync_typeNotAnnotated() {
    JavaFileObject file = source("Unmarked", """
        interface Unmarked {
          @Async.Timeout("PT1S")
          CompletionStage<String> get();
        }
        """);
    assertError(Compile.strict(file), Message.TIMEOUT_OUTSIDE_ASYNC, file, "@Async.Timeout");
  }

  @Test
  void asyncMemberClash_methodNamedLikeTheAccessor() {
    JavaFileObject file = source("AsyncSelfish", """
        @Async
        interface AsyncSelfish {
          CompletionStage<String> async();
        }
        """);
    assertError(Compile.strict(file), Message.MEMBER_CLASH, file, "async()");
  }

  @Test
  void asyncMethodClash_asyncParameterAndItsTwin() {
    JavaFileObject file = source("AsyncUser", """
        @Async
        interface AsyncUser {
          CompletionStage<Void> use(AsyncBar bar);

          CompletionStage<Void> use(Bar bar);
        }
        """);
    assertError(Compile.strict(file, BAR), Message.METHOD_CLASH, file, "use(Bar bar)");
  }

  @Test
  void asyncRawFuture_rawCompletionStage() {
    JavaFileObject file = source("AsyncRaw", """
        @Async
        interface AsyncRaw {
          @SuppressWarnings("rawtypes")
          CompletionStage get();
        }
        """);
    assertError(Compile.strict(file), Message.RAW_FUTURE, file, "CompletionStage get()");
  }

  @Test
  void asyncWildcardResult_unboundedWildcard() {
    JavaFileObject file = source("AsyncVague", """
        @Async
        interface AsyncVague {
          CompletionStage<?> get();
        }
        """);
    assertError(Compile.strict(file), Message.WILDCARD_RESULT, file, "CompletionStage<?> get()");
  }

  @Test
  void asyncBlockingFuture_javaUtilConcurrentFuture() {
    JavaFileObject file = source("AsyncOld", """
        @Async
        interface AsyncOld {
          java.util.concurrent.Future<String> get();
        }
        """);
    assertError(Compile.strict(file), Message.BLOCKING_FUTURE, file, "Future<String> get()");
  }

  @Test
  void asyncRawType_genericMethodReturningARawList() {
    JavaFileObject file = source("AsyncLoose", """
        @Async
        interface AsyncLoose {
          @SuppressWarnings("rawtypes")
          <T> CompletionStage<List> all(T hint);
        }
        """);
    assertError(Compile.strict(file), Message.RAW_TYPE, file, "CompletionStage<List> all");
  }

  @Test
  void asyncNestedFuture_futureOfAFuture() {
    JavaFileObject file = source("AsyncDouble", """
        @Async
        interface AsyncDouble {
          CompletionStage<CompletionStage<String>> get();
        }
        """);
    assertError(Compile.strict(file), Message.NESTED_FUTURE, file, "get();");
  }

  @Test
  void asyncFutureOfSequence_futureOfAnAsyncSequence() {
    JavaFileObject file = source("AsyncLater", """
        @Async
        interface AsyncLater {
          CompletionStage<AsyncSequence<String>> lines();
        }
        """);
    assertError(Compile.strict(file), Message.FUTURE_OF_SEQUENCE, file, "lines();");
  }

  @Test
  void asyncUnsupportedParameter_arrayOfAsyncType() {
    JavaFileObject file = source("AsyncMany", """
        @Async
        interface AsyncMany {
          CompletionStage<Void> all(
              AsyncBar[] bars);
        }
        """);
    assertError(Compile.strict(file, BAR), Message.UNSUPPORTED_PARAMETER, file, "AsyncBar[] bars");
  }

  @Test
  void asyncNothingToTwin_onlyPlainMethods() {
    JavaFileObject file = source("AsyncIdle", """
        @Async
        interface AsyncIdle {
          int size();
        }
        """);
    assertError(Compile.strict(file), Message.NOTHING_TO_TWIN, file, "interface AsyncIdle");
  }

  @Test
  void asyncUnresolvedType_typeThatNeverAppears() {
    JavaFileObject file = source("AsyncMissing", """
        @Async
        interface AsyncMissing {
          CompletionStage<Nowhere> get();
        }
        """);
    assertError(Compile.strict(file), Message.UNRESOLVED_TYPE, file, "interface AsyncMissing");
  }

  @Test
  void asyncInternal_unexpectedExceptionIsReportedOnTheType() {
    JavaFileObject file = source("AsyncFine", """
        @Async
        interface AsyncFine {
          CompletionStage<String> get();
        }
        """);
    AsyncProcessor broken = new AsyncProcessor(model -> {
      throw new IllegalStateException("model hook failed");
    });
    Compilation compilation = Compile.withProcessor(broken, file);
    assertError(compilation, Message.INTERNAL, file, "interface AsyncFine");
    assertThat(compilation).hadErrorContaining("model hook failed");
  }

  @Test
  void everyMessageHasATest() {
    for (Message message : Message.values()) {
      String prefix = message.code().substring(0, 1).toLowerCase(Locale.ROOT)
          + message.code().substring(1) + "_";
      assertTrue(Arrays.stream(ErrorTest.class.getDeclaredMethods())
              .map(Method::getName).anyMatch(n -> n.startsWith(prefix)),
          "no test for [" + message.code() + "]");
    }
  }

  @Test
  void messagesSayWhatToDo() {
    for (Message message : Message.values()) {
      String text = message.format(new Object[8]);
      assertTrue(text.startsWith("[" + message.code() + "] "), text);
      assertTrue(text.endsWith(message.hint()), text);
    }
  }
}
