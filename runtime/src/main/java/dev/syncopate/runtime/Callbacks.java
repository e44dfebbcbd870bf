package dev.syncopate.runtime;

/** Names callbacks for humans: lambdas get their defining class, not a synthetic name. */
final class Callbacks {
  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
  private static final String RUNTIME_LOCATION = locationOf(Callbacks.class);

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
                .filter(f -> !isRuntime(f.getDeclaringClass()))
                .findFirst()
                .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
                .orElse("unknown"));
  }

  /**
   * Whether {@code type} is the runtime's own code. The package prefix alone is not enough: code
   * in the runtime's package but from another code source (its tests) is a caller like any other.
   */
  private static boolean isRuntime(Class<?> type) {
    if (!type.getName().startsWith("dev.syncopate.runtime.")) {
      return false;
    }
    String location = locationOf(type);
    return RUNTIME_LOCATION == null || location == null || RUNTIME_LOCATION.equals(location);
  }

  private static String locationOf(Class<?> type) {
    java.security.CodeSource source = type.getProtectionDomain().getCodeSource();
    return source == null || source.getLocation() == null ? null : source.getLocation().toString();
  }
}
