package dev.syncopate.processor;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Checks the ISO-8601 timeout texts of {@code @Async(timeout)} and {@code @Async.Timeout}. */
final class Timeouts {
  /** What is wrong with a timeout text: the message and its second argument. */
  record Problem(Message message, String reason) {}

  private Timeouts() {}

  /** Empty when {@code text} is a positive duration the bridge can wait for. */
  static Optional<Problem> check(String text) {
    Duration duration;
    try {
      duration = Duration.parse(text);
    } catch (DateTimeParseException e) {
      return Optional.of(new Problem(Message.BAD_TIMEOUT, "it does not parse"));
    }
    if (duration.isNegative()) {
      return Optional.of(new Problem(Message.NON_POSITIVE_TIMEOUT, "negative"));
    }
    if (duration.isZero()) {
      return Optional.of(new Problem(Message.NON_POSITIVE_TIMEOUT, "zero"));
    }
    try {
      // Deadlines are computed in nanoseconds; a longer duration would overflow there.
      duration.toNanos();
    } catch (ArithmeticException e) {
      return Optional.of(
          new Problem(Message.BAD_TIMEOUT, "it is longer than about 292 years"));
    }
    return Optional.empty();
  }

  /** A constant name for a valid timeout text: {@code PT0.5S} -> {@code TIMEOUT_PT0_5S}. */
  static String constantName(String text) {
    return "TIMEOUT_" + text.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }
}
