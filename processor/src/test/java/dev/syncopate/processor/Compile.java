package dev.syncopate.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Test support: compiles sources with the processor under the build's strict lint options. */
final class Compile {
  private Compile() {}

  /** A source named after its fully qualified type, e.g. {@code source("p.AsyncFoo", "...")}. */
  static JavaFileObject source(String qualifiedName, String text) {
    return JavaFileObjects.forSourceString(qualifiedName, text);
  }

  static Compilation strict(JavaFileObject... sources) {
    return javac()
        .withProcessors(new AsyncProcessor())
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(sources);
  }

  static Compilation withProcessor(AsyncProcessor processor, JavaFileObject... sources) {
    return javac()
        .withProcessors(processor)
        .withOptions("-Xlint:all,-processing", "-Werror")
        .compile(sources);
  }
}
