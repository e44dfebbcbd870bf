package dev.syncopate.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.List;
import java.util.Optional;

/**
 * Everything the generator needs to write one twin, already decided: names, mapped types, calls,
 * Javadoc text. Holds no {@code Element}, so generation cannot reach back into javac.
 *
 * @param asyncName the async type, raw
 * @param asyncType the async type with the twin's own type variables as arguments
 * @param twinName the twin (an interface for an async interface, else a final class)
 * @param implName the twin interface's implementation class, for an async interface
 * @param typeVariables the async type's type parameters, with bounds
 * @param isPublic whether the twin is public (the async type and its enclosing types are)
 * @param deprecated whether the async type is deprecated
 * @param javadoc the async type's own Javadoc, or empty
 * @param timeout the type's timeout text, or empty for the bridge's default
 * @param close how the twin closes, for an AsyncCloseable
 * @param constructors the async class's constructors the twin mirrors (concrete classes only)
 * @param methods the mirrored methods
 * @param generator the value of {@code @Generated}
 * @param superTwins the twins of the nearest {@code @Async} interfaces above the async type (see
 *     {@code ModelFactory}), with their type arguments as seen from the async type: the twin
 *     interface extends them, a twin class implements them
 */
record TwinModel(
    ClassName asyncName,
    TypeName asyncType,
    ClassName twinName,
    Optional<ClassName> implName,
    List<TypeVariableName> typeVariables,
    boolean isPublic,
    boolean deprecated,
    String javadoc,
    Optional<String> timeout,
    Optional<Close> close,
    List<Constructor> constructors,
    List<Method> methods,
    String generator,
    List<TypeName> superTwins) {

  /** How a twin method reaches its async original. */
  enum Call {
    /** {@code bridge.call}: await a future. */
    AWAIT,
    /** {@code bridge.iterate}: iterate a sequence. */
    ITERATE,
    /** {@code bridge.invoke}: run a plain method on the loop thread. */
    INVOKE
  }

  /**
   * A container of {@code @Async} objects whose elements a twin converts one by one (through the
   * runtime's {@code TwinCollections}): {@code List<AsyncBar>} in the async API is {@code
   * List<Bar>} in the twin; a map's values are converted, its keys kept.
   */
  enum Container {
    LIST("list"),
    SET("set"),
    OPTIONAL("optional"),
    MAP("map");

    /** The {@code TwinCollections} method that converts it. */
    final String converter;
    /** The {@code TwinCollections} method that converts it on the loop once a stage completes. */
    final String converterWhenDone;

    Container(String converter) {
      this.converter = converter;
      this.converterWhenDone = converter + "WhenDone";
    }
  }

  /**
   * A parameter.
   *
   * @param name its name
   * @param type its type in the twin
   * @param twin whether it is (or, in a container, holds) twins of an @Async type, passed on as
   *     {@code name.async()}
   * @param container the container holding the twins, if any
   * @param annotations nullness annotations carried over
   */
  record Parameter(
      String name,
      TypeName type,
      boolean twin,
      Optional<Container> container,
      List<AnnotationSpec> annotations) {}

  /**
   * A mirrored method.
   *
   * @param name the method name, the same in both colours
   * @param isPublic whether the original is public (a class twin keeps others package-private)
   * @param asyncSignature the original's signature for {@code @see}, e.g. {@code m(java.lang.String)}
   * @param call how the twin reaches it
   * @param typeVariables its own type parameters
   * @param parameters its parameters
   * @param varargs whether the last parameter is varargs
   * @param unsafeVarargs whether that varargs parameter is not reifiable (heap pollution warning)
   * @param returns the twin's return type ({@code void} for {@code Void})
   * @param result what the bridge hands back before wrapping (the async type for twin results)
   * @param wrapIn the twin to wrap a result of an @Async type (or each element of a container of
   *     them) in
   * @param container the container of @Async objects the result is, if any
   * @param widen whether the original's result is a {@code ? extends} wildcard to upcast
   * @param exceptions the declared exceptions, preserved
   * @param timeout the effective timeout text, or empty for the bridge's default
   * @param javadoc the original's Javadoc, or empty
   * @param deprecated whether the original is deprecated
   * @param annotations declaration annotations carried over (nullness)
   */
  record Method(
      String name,
      boolean isPublic,
      String asyncSignature,
      Call call,
      List<TypeVariableName> typeVariables,
      List<Parameter> parameters,
      boolean varargs,
      boolean unsafeVarargs,
      TypeName returns,
      TypeName result,
      Optional<ClassName> wrapIn,
      Optional<Container> container,
      boolean widen,
      List<TypeName> exceptions,
      Optional<String> timeout,
      String javadoc,
      boolean deprecated,
      List<AnnotationSpec> annotations) {}

  /**
   * A constructor of a concrete async class, mirrored as a twin constructor that creates the
   * delegate on the shared bridge's loop thread.
   *
   * @param typeVariables its own type parameters
   * @param parameters its parameters
   * @param varargs whether the last parameter is varargs
   * @param unsafeVarargs whether that varargs parameter is not reifiable
   * @param exceptions the declared exceptions, preserved
   * @param javadoc its Javadoc, or empty
   * @param deprecated whether it is deprecated
   */
  record Constructor(
      List<TypeVariableName> typeVariables,
      List<Parameter> parameters,
      boolean varargs,
      boolean unsafeVarargs,
      List<TypeName> exceptions,
      String javadoc,
      boolean deprecated) {}

  /**
   * The blocking {@code close()} of an AsyncCloseable's twin.
   *
   * @param timeout the effective timeout text, or empty for the bridge's default
   * @param javadoc the original {@code closeAsync()}'s Javadoc, or empty
   */
  record Close(Optional<String> timeout, String javadoc) {}

  boolean isInterface() {
    return implName.isPresent();
  }
}
