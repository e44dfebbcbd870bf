package dev.syncopate.processor;

import java.util.Locale;

/**
 * Every diagnostic the processor reports. The code in brackets is stable (users search for it;
 * {@code docs/processor.md} documents each); the text says what is wrong, then what to do.
 */
enum Message {
  KIND("@Async applies to interfaces and classes, not to the %s %s.",
      "Put @Async on the interface or class that declares the async methods."),
  PRIVATE_TYPE("%s is private (or nested in a private type), so its twin in package %s cannot call it.",
      "Make it package-private or public."),
  INNER_CLASS("%s is an inner (non-static) class; its twin could not create or name instances without an outer instance.",
      "Declare the nested class static."),
  NO_CONSTRUCTOR("The concrete class %s has no non-private constructor, so its twin cannot create instances.",
      "Make a constructor package-private or public, or make the class abstract to only wrap existing instances with of(delegate)."),
  BAD_TWIN_NAME("blockingName \"%s\" cannot name the twin of %s: %s.",
      "Use a simple Java identifier different from the async type's name, or leave it empty for the derived name."),
  TWIN_EXISTS("The twin %s of %s would replace the existing type %s.",
      "Rename one of them, or choose another name with @Async(blockingName = \"...\")."),
  TWIN_CLASH("The twin %s of %s is already generated for %s.",
      "Give one of them another twin name with @Async(blockingName = \"...\")."),
  BAD_TIMEOUT("Timeout \"%s\" is not a usable ISO-8601 duration: %s.",
      "Write a positive duration such as \"PT30S\", \"PT0.5S\" or \"PT2M\" (java.time.Duration.parse syntax)."),
  NON_POSITIVE_TIMEOUT("Timeout \"%s\" is %s; a twin call could never succeed.",
      "Write a positive duration, or remove it to use the bridge's default timeout."),
  TIMEOUT_NOT_APPLICABLE("@Async.Timeout on %s has no effect: %s.",
      "Remove it; only methods returning a future are awaited with a timeout."),
  TIMEOUT_OUTSIDE_ASYNC("@Async.Timeout on %s has no effect: its type %s is not annotated @Async.",
      "Annotate the type with @Async, or remove @Async.Timeout."),
  MEMBER_CLASH("The twin of %s would be %s, which clashes with the twin's own %s.",
      "Rename the async method."),
  METHOD_CLASH("The twins of %s and %s would both be %s.",
      "Rename or remove one of them; parameters of @Async types become their twins in the twin."),
  RAW_FUTURE("%s returns the raw type %s, so its twin cannot know the result type.",
      "Add the type argument, e.g. CompletionStage<Void> for no result."),
  WILDCARD_RESULT("%s returns %s; the twin cannot name a result type for an unbounded or ? super wildcard.",
      "Use a concrete type argument or an upper bound (? extends T)."),
  BLOCKING_FUTURE("%s returns %s, a java.util.concurrent.Future that can only be awaited by blocking a thread.",
      "Return a CompletionStage, CompletableFuture or dev.syncopate.runtime.Future instead."),
  RAW_TYPE("%s mentions the raw type %s; its twin would not compile warning-free.",
      "Add type arguments (e.g. List<?> instead of List)."),
  NESTED_FUTURE("%s returns %s, a future of a future; its twin would hand a future to the blocking caller.",
      "Flatten it with thenCompose so it returns a future of the final value."),
  FUTURE_OF_SEQUENCE("%s returns %s, a future of an async sequence; the twin can iterate a sequence but not await its opening.",
      "Return the AsyncSequence directly and open it lazily on the first element."),
  UNSUPPORTED_PARAMETER("Parameter %s of %s has type %s, an array of an @Async type; the twin cannot convert an array of twins.",
      "Take a single element, or a List of the async type (the twin then takes a List of twins)."),
  NOTHING_TO_TWIN("@Async type %s has no method returning a future or an async sequence, so its twin would not block on anything.",
      "Remove @Async, or declare the async methods (returning CompletionStage<T>) on it."),
  UNRESOLVED_TYPE("%s refers to %s, which was still unresolved after the last processing round.",
      "Fix the missing type (a dependency or an earlier compile error); the twin is generated once it resolves."),
  INTERNAL("Internal error while generating the twin of %s: %s.",
      "Please report this with the type's source; until then, remove @Async from this type.");

  private final String text;
  private final String hint;

  Message(String text, String hint) {
    this.text = text;
    this.hint = hint;
  }

  /** The stable code, e.g. {@code AsyncRawFuture}, derived once from the constant's name. */
  String code() {
    StringBuilder code = new StringBuilder("Async");
    for (String word : name().split("_")) {
      code.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
    }
    return code.toString();
  }

  /** The full diagnostic: {@code [Code] what is wrong. What to do.} */
  String format(Object... args) {
    return "[" + code() + "] " + String.format(Locale.ROOT, text, args) + " " + hint;
  }

  /** The hint alone, for the error catalogue. */
  String hint() {
    return hint;
  }

  /** The text pattern alone, for the error catalogue. */
  String text() {
    return text;
  }
}
