package dev.syncopate.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an async API — an interface or class whose methods return futures — so that the
 * Syncopate processor ({@code syncopate-processor} on the annotation processor path) generates
 * its blocking twin in the same package at compile time.
 *
 * <p>Twin naming follows unasync: {@code AsyncFoo} becomes {@code Foo}, {@code FooAsync} becomes
 * {@code Foo}, any other name {@code Foo} becomes {@code BlockingFoo}; {@link #blockingName()}
 * overrides it. For an interface the twin is an interface plus a final {@code FooImpl}; for a
 * class it is a final class. Each twin method runs its async original on a {@link LoopBridge}'s
 * loop thread and blocks the caller until the outcome is known. The processor's guide
 * ({@code docs/processor.md}) lists the mapping rules and every compile error it reports.
 *
 * <p>Threading: a compile-time marker; it has no runtime behaviour (class retention).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Async {
  /**
   * The twin's simple name; empty derives it from this type's name as described above.
   *
   * @return a Java identifier, or empty for the derived name
   */
  String blockingName() default "";

  /**
   * The timeout of every future-returning twin method, as an ISO-8601 duration such as {@code
   * "PT30S"} or {@code "PT0.5S"} (see {@link java.time.Duration#parse}); empty uses the bridge's
   * default timeout ({@link LoopBridge#defaultTimeout()}). A method overrides it with {@link
   * Timeout}. When the timeout expires the twin cancels the async operation and throws {@link
   * TimeoutError}.
   *
   * @return a positive ISO-8601 duration, or empty for the bridge's default
   */
  String timeout() default "";

  /**
   * Overrides the twin's timeout for one future-returning method of an {@link Async} type.
   *
   * <p>Threading: a compile-time marker; it has no runtime behaviour (class retention).
   */
  @Documented
  @Retention(RetentionPolicy.CLASS)
  @Target(ElementType.METHOD)
  @interface Timeout {
    /**
     * The timeout, as a positive ISO-8601 duration such as {@code "PT5S"}.
     *
     * @return the duration text
     */
    String value();
  }
}
