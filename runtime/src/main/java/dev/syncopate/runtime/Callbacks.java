package dev.syncopate.runtime;

/** Names callbacks for humans: lambdas get their defining class, not a synthetic name. */
final class Callbacks {
  private static final StackWalker WALKER = StackWalker.getInstance();

  private Callbacks() {}

  static String describe(Object callback, String origin) {
    String name = callback.getClass().getName();
    int lambda = name.indexOf("$$Lambda");
    String text = lambda >= 0 ? "lambda in " + name.substring(0, lambda) : name;
    return origin == null ? text : text + " scheduled at " + origin;
  }

  /** Returns the first stack frame outside the runtime: where user code scheduled something. */
  static String callerOutsideRuntime() {
    return WALKER.walk(
        frames ->
            frames
                .filter(f -> !f.getClassName().startsWith("dev.syncopate.runtime."))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse("unknown"));
  }
}
