package dev.syncopate.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;

/**
 * The generated text for representative shapes, compared with goldens (see {@link Goldens}). Every
 * compilation runs with {@code -Xlint:all,-processing -Werror} and must be warning-free.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class GoldenTest {
  static final JavaFileObject STORE = Compile.source("test.AsyncStore", """
      package test;

      import dev.syncopate.runtime.Async;
      import java.io.IOException;
      import java.util.List;
      import java.util.Map;
      import java.util.concurrent.CompletableFuture;
      import java.util.concurrent.CompletionStage;

      /**
       * A key-value store.
       *
       * @param <K> the key type
       * @param <V> the value type
       */
      @Async(timeout = "PT30S")
      public interface AsyncStore<K extends Comparable<K>, V> extends AsyncReadable<K, V> {
        /**
         * Stores a value.
         *
         * @param key the key
         * @param value the value
         * @return a stage that completes once stored
         * @throws IOException if the store is read-only
         */
        CompletionStage<Void> put(K key, V value) throws IOException;

        /** Removes keys; returns how many were removed. */
        @SuppressWarnings("unchecked")
        CompletableFuture<Integer> remove(K... keys);

        /** Removes one key. */
        @Async.Timeout("PT0.5S")
        CompletionStage<Integer> remove(K key);

        /** Copies entries of any map whose values fit. */
        CompletionStage<Void> putAll(Map<? extends K, ? extends V> entries);

        /** Applies a transformation to a value. */
        <R extends Number> CompletionStage<List<R>> map(K key, java.util.function.Function<? super V, R> fn)
            throws IOException, InterruptedException;

        /** Reads a value, then a default. */
        default CompletionStage<V> getOr(K key, V fallback) {
          return get(key).thenApply(v -> v == null ? fallback : v);
        }

        /** How many entries are cached; plain, yet still run on the loop thread. */
        int cachedSize();

        /** A plain method without a result. */
        void evict(K key);

        /** Not mirrored: static methods belong to the async type. */
        static String describe() {
          return "store";
        }
      }
      """);

  static final JavaFileObject READABLE = Compile.source("test.AsyncReadable", """
      package test;

      import java.util.concurrent.CompletionStage;

      /** Inherited by the store: a super-interface that is not itself @Async. */
      public interface AsyncReadable<K, V> {
        /**
         * Reads a value.
         *
         * @param key the key
         * @return the value, or null
         */
        CompletionStage<? extends V> get(K key);

        /** Not mirrored: equals belongs to Object. */
        @Override
        boolean equals(Object other);
      }
      """);

  @Test
  void interfaceWithGenericsExceptionsVarargsOverloadsAndDefaults(TestInfo test) {
    assertGolden(test, STORE, READABLE);
  }

  @Test
  void abstractAndConcreteClasses(TestInfo test) {
    assertGolden(test,
        Compile.source("test.ClockAsync", """
            package test;

            import dev.syncopate.runtime.Async;
            import java.time.Duration;
            import java.util.concurrent.CompletionStage;

            /** A clock whose sleeps run on the loop. */
            @Async
            public abstract class ClockAsync {
              /** Sleeps, then tells the time. */
              public abstract CompletionStage<Long> sleep(Duration duration);

              /** Package-private methods are mirrored too: the twin shares the package. */
              CompletionStage<String> zone() {
                return null;
              }

              /** @deprecated use {@link #sleep} */
              @Deprecated
              public CompletionStage<Void> pause() {
                return null;
              }

              private CompletionStage<Void> hidden() {
                return null;
              }
            }
            """),
        Compile.source("test.Counter", """
            package test;

            import dev.syncopate.runtime.Async;
            import java.io.IOException;
            import java.util.concurrent.CompletionStage;

            /** A counter created on the loop thread by its twin's constructors. */
            @Async(blockingName = "SyncCounter")
            public class Counter<T> {
              /** Starts at zero. */
              public Counter() {}

              /**
               * Starts somewhere.
               *
               * @param start the first value
               * @throws IOException never, but declared
               */
              public Counter(int start) throws IOException {}

              private Counter(String secret) {}

              /** Adds one. */
              public CompletionStage<Integer> increment(T reason) {
                return null;
              }
            }
            """));
  }

  static final JavaFileObject CLIENT = Compile.source("test.AsyncClient", """
      package test;

      import dev.syncopate.runtime.Async;
      import dev.syncopate.runtime.AsyncCloseable;
      import dev.syncopate.runtime.AsyncSequence;
      import java.util.concurrent.CompletionStage;

      /** A client whose sessions are async too: the twin's sessions are twins. */
      @Async
      public interface AsyncClient extends AsyncCloseable {
        /** Opens a session. */
        CompletionStage<AsyncSession<String>> open(String name);

        /** The session opened last, or null; plain. */
        AsyncSession<String> last();

        /** Moves a session to this client; the twin takes the session's twin. */
        CompletionStage<Void> adopt(AsyncSession<String> session);

        /** Streams the session names. */
        AsyncSequence<String> names();

        /** Streams numbers of any subtype. */
        AsyncSequence<? extends Number> numbers();

        /** Closes the client and its sessions. */
        @Override
        @Async.Timeout("PT10S")
        CompletionStage<Void> closeAsync();

        /** A session, nested in the client. */
        @Async
        interface AsyncSession<T> {
          /** Sends a message. */
          CompletionStage<T> send(T message);

          /** The client behind it, as a twin. */
          CompletionStage<? extends AsyncClient> client();
        }
      }
      """);

  @Test
  void nestedTwinsSequencesAndClose(TestInfo test) {
    assertGolden(test, CLIENT);
  }

  @Test
  void twinsKeepTheHierarchyOfAsyncInterfaces(TestInfo test) {
    assertGolden(test,
        Compile.source("test.AsyncKeys", """
            package test;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            /** Commands on keys. */
            @Async
            public interface AsyncKeys<K> {
              /** Deletes a key; true if it existed. */
              CompletionStage<Boolean> delete(K key);
            }
            """),
        Compile.source("test.AsyncStrings", """
            package test;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            /** Commands on string values. */
            @Async
            public interface AsyncStrings {
              /** Reads a value. */
              CompletionStage<String> get(String key);
            }
            """),
        Compile.source("test.AsyncCommands", """
            package test;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            /** Every command: its twin is a Keys<String> and a Strings too. */
            @Async
            public interface AsyncCommands extends AsyncKeys<String>, AsyncStrings, Comparable<String> {
              /** Pings the server. */
              CompletionStage<String> ping();
            }
            """),
        Compile.source("test.AsyncStringsBase", """
            package test;

            import dev.syncopate.runtime.Async;
            import java.util.concurrent.CompletionStage;

            /** A class implementing an async interface: its twin class implements the twin. */
            @Async(blockingName = "StringsBase")
            public abstract class AsyncStringsBase implements AsyncStrings {
              /** Reads a value, upper-cased. */
              public abstract CompletionStage<String> getUpper(String key);
            }
            """));
  }

  @Test
  void containersOfAsyncObjectsHoldTwins(TestInfo test) {
    assertGolden(test,
        Compile.source("test.AsyncNode", """
            package test;

            import dev.syncopate.runtime.Async;
            import dev.syncopate.runtime.AsyncSequence;
            import java.util.List;
            import java.util.Map;
            import java.util.Optional;
            import java.util.Set;
            import java.util.concurrent.CompletionStage;

            /** A node of a graph whose neighbours are async too. */
            @Async
            public interface AsyncNode<T> {
              /** The neighbours, as twins in the twin. */
              CompletionStage<List<AsyncNode<T>>> neighbours();

              /** Plain: the parent, if any. */
              Optional<AsyncNode<T>> parent();

              /** Links nodes given as twins; a parameter named like the generated lambdas'. */
              CompletionStage<Set<AsyncNode<T>>> link(Set<AsyncNode<T>> nodes, T element);

              /** Wildcards are not converted: the list keeps its async objects. */
              CompletionStage<List<? extends AsyncNode<T>>> raw();

              /** Walks the graph: an iterator of twins in the twin. */
              AsyncSequence<AsyncNode<T>> walk();

              /** Nodes by name: a map's values become twins, its keys stay. */
              CompletionStage<Map<String, AsyncNode<T>>> byName(Map<String, AsyncNode<T>> hints);
            }
            """));
  }

  /** Compiles {@code sources} strictly and compares every generated file with its golden. */
  private void assertGolden(TestInfo test, JavaFileObject... sources) {
    Compilation compilation = Compile.strict(sources);
    assertThat(compilation).succeededWithoutWarnings();
    Goldens.assertMatches(getClass(), test.getTestMethod().orElseThrow().getName(), compilation);
  }
}
