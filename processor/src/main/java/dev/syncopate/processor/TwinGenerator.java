package dev.syncopate.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import javax.lang.model.element.Modifier;

/**
 * Writes the twin of a {@link TwinModel}: for an async interface the twin interface and its final
 * implementation, for an async class one final class. Sees only the model, never an Element.
 */
final class TwinGenerator {
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final String WIDEN_STAGE = "widenStage";
  private static final String WIDEN_SEQUENCE = "widenSequence";
  private static final String ASYNC_ACCESSOR_DOC =
      "The async object this twin delegates to, for callers on its loop.\n\n"
          + "@return the delegate; confined to the bridge's loop\n";

  List<JavaFile> generate(TwinModel model) {
    List<JavaFile> files = new ArrayList<>();
    if (model.isInterface()) {
      files.add(file(model, twinInterface(model)));
      files.add(file(model, implementation(model, model.implName().orElseThrow(), true)));
    } else {
      files.add(file(model, implementation(model, model.twinName(), false)));
    }
    return files;
  }

  private static JavaFile file(TwinModel model, TypeSpec type) {
    return JavaFile.builder(model.twinName().packageName(), type).indent("  ").build();
  }

  // ---- the twin interface

  private TypeSpec twinInterface(TwinModel model) {
    TypeSpec.Builder twin = TypeSpec.interfaceBuilder(model.twinName())
        .addTypeVariables(model.typeVariables())
        .addJavadoc(typeJavadoc(model));
    typeHeader(model, twin);
    twin.addSuperinterfaces(model.superTwins());
    model.close().ifPresent(c -> twin.addSuperinterface(AutoCloseable.class));
    twin.addMethod(asyncAccessor(model).addJavadoc(ASYNC_ACCESSOR_DOC)
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).build());
    twin.addMethod(ofShared(model));
    twin.addMethod(ofBridge(model, CodeBlock.of("return new $T(delegate, bridge)", implType(model))));
    for (TwinModel.Method method : model.methods()) {
      twin.addMethod(signature(model, method).addJavadoc(methodJavadoc(model, method))
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).build());
    }
    model.close().ifPresent(close -> twin.addMethod(closeSignature()
        .addJavadoc(closeJavadoc(model, close)).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT).build()));
    return twin.build();
  }

  private static TypeName implType(TwinModel model) {
    return withOwnVariables(model.implName().orElseThrow(), model);
  }

  /** {@code Name<K, V>} with the async type's own type variables ({@code Name} if it has none). */
  private static TypeName withOwnVariables(ClassName name, TwinModel model) {
    return model.typeVariables().isEmpty()
        ? name
        : ParameterizedTypeName.get(name, model.typeVariables().toArray(new TypeName[0]));
  }

  // ---- the implementation: FooImpl of a twin interface, or the twin class itself

  private TypeSpec implementation(TwinModel model, ClassName name, boolean implementsTwin) {
    TypeSpec.Builder type = TypeSpec.classBuilder(name)
        .addModifiers(Modifier.FINAL)
        .addTypeVariables(model.typeVariables());
    typeHeader(model, type);
    if (implementsTwin) {
      type.addSuperinterface(twinType(model))
          .addJavadoc("The {@link $T} that delegates to an {@link $T} through a {@link $T}.\n\n"
              + "<p>Threading: thread-safe; every twin method blocks the calling thread.\n",
              model.twinName(), model.asyncName(), RuntimeNames.LOOP_BRIDGE);
    } else {
      type.addJavadoc(typeJavadoc(model));
      type.addSuperinterfaces(model.superTwins());
      model.close().ifPresent(c -> type.addSuperinterface(AutoCloseable.class));
    }
    TreeSet<String> timeouts = new TreeSet<>();
    model.timeout().ifPresent(timeouts::add);
    model.methods().forEach(m -> m.timeout().ifPresent(timeouts::add));
    model.close().ifPresent(c -> c.timeout().ifPresent(timeouts::add));
    for (String timeout : timeouts) {
      type.addField(FieldSpec.builder(Duration.class, Timeouts.constantName(timeout),
              Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("$T.parse($S)", Duration.class, timeout)
          .build());
    }
    type.addField(model.asyncType(), "delegate", Modifier.PRIVATE, Modifier.FINAL);
    type.addField(RuntimeNames.LOOP_BRIDGE, "bridge", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Creates the twin of {@code delegate}, whose methods run on {@code bridge}'s loop.\n\n"
            + "@param delegate the async object, confined to {@code bridge}'s loop\n"
            + "@param bridge the bridge to its loop\n"
            + "@throws NullPointerException if an argument is null\n")
        .addParameter(model.asyncType(), "delegate")
        .addParameter(RuntimeNames.LOOP_BRIDGE, "bridge")
        .addStatement("this.delegate = $T.requireNonNull(delegate, $S)", Objects.class, "delegate")
        .addStatement("this.bridge = $T.requireNonNull(bridge, $S)", Objects.class, "bridge")
        .build());
    if (!implementsTwin) {
      for (TwinModel.Constructor constructor : model.constructors()) {
        type.addMethod(mirroredConstructor(model, constructor));
      }
      type.addMethod(ofShared(model));
      type.addMethod(ofBridge(model, CodeBlock.of("return new $T(delegate, bridge)", twinType(model))));
    }
    // An implementation's overriding methods inherit the twin interface's Javadoc: repeating it
    // would double the generated text for no reader.
    MethodSpec.Builder accessor = asyncAccessor(model).addModifiers(Modifier.PUBLIC)
        .addStatement("return this.delegate");
    if (implementsTwin) {
      accessor.addAnnotation(Override.class);
    } else {
      accessor.addJavadoc(ASYNC_ACCESSOR_DOC);
    }
    type.addMethod(accessor.build());
    for (TwinModel.Method method : model.methods()) {
      MethodSpec.Builder spec = signature(model, method);
      if (implementsTwin) {
        spec.addModifiers(Modifier.PUBLIC).addAnnotation(Override.class);
      } else {
        spec.addJavadoc(methodJavadoc(model, method));
        if (method.isPublic()) {
          spec.addModifiers(Modifier.PUBLIC);
        }
      }
      type.addMethod(spec.addCode(body(model, method)).build());
    }
    model.close().ifPresent(close -> {
      MethodSpec.Builder spec = closeSignature().addModifiers(Modifier.PUBLIC)
          .addAnnotation(Override.class)
          .addStatement("$L", await(model, close.timeout(),
              CodeBlock.of("this.delegate.$L()", RuntimeNames.CLOSE_ASYNC)));
      if (!implementsTwin) {
        spec.addJavadoc(closeJavadoc(model, close));
      }
      type.addMethod(spec.build());
    });
    if (model.methods().stream()
        .anyMatch(m -> m.widen() && m.call() == TwinModel.Call.AWAIT && m.container().isEmpty())) {
      type.addMethod(widen(WIDEN_STAGE, ClassName.get(CompletionStage.class)));
    }
    if (model.methods().stream().anyMatch(m -> m.widen() && m.call() == TwinModel.Call.ITERATE)) {
      type.addMethod(widen(WIDEN_SEQUENCE, RuntimeNames.ASYNC_SEQUENCE));
    }
    return type.build();
  }

  private static TypeName twinType(TwinModel model) {
    return withOwnVariables(model.twinName(), model);
  }

  private void typeHeader(TwinModel model, TypeSpec.Builder type) {
    if (model.isPublic()) {
      type.addModifiers(Modifier.PUBLIC);
    }
    if (!model.generator().isEmpty()) {
      type.addAnnotation(AnnotationSpec.builder(GENERATED)
          .addMember("value", "$S", model.generator()).build());
    }
    if (model.deprecated()) {
      type.addAnnotation(Deprecated.class);
    }
  }

  private CodeBlock typeJavadoc(TwinModel model) {
    CodeBlock fallback = CodeBlock.of("Blocking twin of {@link $T}.\n", model.asyncName());
    CodeBlock paragraphs = CodeBlock.builder()
        .add("<p>Blocking twin of {@link $T}, generated from it: each method runs its async original "
            + "on a {@link $T}'s loop thread and blocks the calling thread until the outcome is "
            + "known.\n\n",
            model.asyncName(), RuntimeNames.LOOP_BRIDGE)
        .add("<p>Threading: thread-safe, and blocking: never call it on a loop thread.\n\n")
        .add("<p>Failures, besides each operation's own exceptions (rethrown as they are): every "
            + "method throws {@link $T} when called on a loop thread, where it would stall the loop; "
            + "{@link $T} when the waiting caller is interrupted (the operation is cancelled and the "
            + "interrupt status kept); {@link $T} when the bridge has ended or ends while waiting; "
            + "{@link $T} when a timeout expires (the operation is cancelled first).\n",
            RuntimeNames.BLOCKING_ON_LOOP_THREAD, RuntimeNames.BRIDGE_INTERRUPTED,
            RuntimeNames.LOOP_CLOSED, RuntimeNames.TIMEOUT_ERROR)
        .build();
    CodeBlock tags = CodeBlock.of("@see $T\n", model.asyncName());
    return Javadocs.amend(model.javadoc(), fallback, paragraphs, tags);
  }

  private static MethodSpec.Builder asyncAccessor(TwinModel model) {
    return MethodSpec.methodBuilder("async").returns(model.asyncType());
  }

  private MethodSpec ofShared(TwinModel model) {
    return MethodSpec.methodBuilder("of")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(model.typeVariables())
        .returns(twinType(model))
        .addParameter(model.asyncType(), "delegate")
        .addJavadoc("The twin of {@code delegate} on the shared bridge ({@link $T#$L()}): use it when "
            + "{@code delegate} lives on the shared bridge's loop.\n\n"
            + "@param delegate the async object\n"
            + "@return its twin\n"
            + "@throws NullPointerException if {@code delegate} is null\n",
            RuntimeNames.LOOP_BRIDGE, RuntimeNames.BRIDGE_SHARED)
        .addStatement("return of(delegate, $T.$L())", RuntimeNames.LOOP_BRIDGE, RuntimeNames.BRIDGE_SHARED)
        .build();
  }

  private MethodSpec ofBridge(TwinModel model, CodeBlock statement) {
    return MethodSpec.methodBuilder("of")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addTypeVariables(model.typeVariables())
        .returns(twinType(model))
        .addParameter(model.asyncType(), "delegate")
        .addParameter(RuntimeNames.LOOP_BRIDGE, "bridge")
        .addJavadoc("The twin of {@code delegate}, whose methods run on {@code bridge}'s loop.\n\n"
            + "@param delegate the async object, confined to {@code bridge}'s loop\n"
            + "@param bridge the bridge to its loop\n"
            + "@return its twin\n"
            + "@throws NullPointerException if an argument is null\n")
        .addStatement(statement)
        .build();
  }

  private MethodSpec mirroredConstructor(TwinModel model, TwinModel.Constructor constructor) {
    MethodSpec.Builder spec = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PUBLIC)
        .addTypeVariables(constructor.typeVariables())
        .varargs(constructor.varargs());
    parameters(spec, constructor.parameters());
    spec.addExceptions(constructor.exceptions());
    if (constructor.deprecated()) {
      spec.addAnnotation(Deprecated.class);
    }
    if (constructor.unsafeVarargs()) {
      spec.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "$S", "unchecked").build());
    }
    CodeBlock fallback = CodeBlock.of("Creates a new {@link $T} and its twin.\n", model.asyncName());
    CodeBlock paragraphs = CodeBlock.of(
        "<p>Twin constructor: runs the {@link $T} constructor on the shared bridge's loop thread "
            + "({@link $T#$L()}), where the new object is confined, and blocks until it returns.\n",
        model.asyncName(), RuntimeNames.LOOP_BRIDGE, RuntimeNames.BRIDGE_SHARED);
    spec.addJavadoc(Javadocs.amend(constructor.javadoc(), fallback, paragraphs,
        CodeBlock.of("@see $T\n", model.asyncName())));
    spec.addStatement("this($T.$L().$L(() -> new $T$L($L)), $T.$L())",
        RuntimeNames.LOOP_BRIDGE, RuntimeNames.BRIDGE_SHARED, RuntimeNames.BRIDGE_INVOKE,
        model.asyncName(), model.typeVariables().isEmpty() ? "" : "<>",
        arguments(constructor.parameters()),
        RuntimeNames.LOOP_BRIDGE, RuntimeNames.BRIDGE_SHARED);
    return spec.build();
  }

  // ---- methods

  private MethodSpec.Builder signature(TwinModel model, TwinModel.Method method) {
    MethodSpec.Builder spec = MethodSpec.methodBuilder(method.name())
        .addTypeVariables(method.typeVariables())
        .returns(method.returns())
        .varargs(method.varargs())
        .addAnnotations(method.annotations())
        .addExceptions(method.exceptions());
    parameters(spec, method.parameters());
    if (method.deprecated() || model.deprecated()) {
      spec.addAnnotation(Deprecated.class);
    }
    if (method.unsafeVarargs()) {
      spec.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
          .addMember("value", "$S", "unchecked").build());
    }
    return spec;
  }

  private static void parameters(MethodSpec.Builder spec, List<TwinModel.Parameter> parameters) {
    for (TwinModel.Parameter parameter : parameters) {
      spec.addParameter(ParameterSpec.builder(parameter.type(), parameter.name())
          .addAnnotations(parameter.annotations()).build());
    }
  }

  private CodeBlock methodJavadoc(TwinModel model, TwinModel.Method method) {
    CodeBlock link = CodeBlock.of("$T#$L", model.asyncName(), method.asyncSignature());
    CodeBlock fallback = CodeBlock.of("Blocking twin of {@link $L}.\n", link);
    String asTwin = method.wrapIn().isEmpty() ? ""
        : method.container().isPresent() ? ", its async objects converted to blocking twins"
        : " as its blocking twin";
    CodeBlock paragraph;
    switch (method.call()) {
      case AWAIT:
        paragraph = CodeBlock.of("<p>Blocking: awaits {@link $L} on the bridge's loop$L; times out "
            + "after $L. Never call it on a loop thread; an interrupt cancels the operation.\n",
            link, returnsText(method, asTwin), timeoutText(method.timeout()));
        break;
      case ITERATE:
        paragraph = CodeBlock.of("<p>Blocking: opens {@link $L} on the bridge's loop as an "
            + "iterator$L; close it (try-with-resources): closing early cancels the producer. Never "
            + "call it on a loop thread.\n", link,
            method.wrapIn().isPresent() ? " of blocking twins" : "");
        break;
      default:
        paragraph = CodeBlock.of("<p>Blocking: runs {@link $L} on the bridge's loop thread, where "
            + "the async object is confined$L. Never call it on a loop thread.\n",
            link, returnsText(method, asTwin));
        break;
    }
    String original = method.returns().equals(TypeName.VOID)
        ? Javadocs.withoutReturnTag(method.javadoc())
        : method.javadoc();
    return Javadocs.amend(original, fallback, paragraph, CodeBlock.of("@see $L\n", link));
  }

  private static String returnsText(TwinModel.Method method, String asTwin) {
    return method.returns().equals(TypeName.VOID) ? "" : " and returns its result" + asTwin;
  }

  private static CodeBlock timeoutText(Optional<String> timeout) {
    return timeout.map(t -> CodeBlock.of("{@code $L}", t))
        .orElse(CodeBlock.of("the bridge's default timeout, if any"));
  }

  private static MethodSpec.Builder closeSignature() {
    return MethodSpec.methodBuilder("close");
  }

  private CodeBlock closeJavadoc(TwinModel model, TwinModel.Close close) {
    CodeBlock link = CodeBlock.of("$T#$L()", model.asyncName(), RuntimeNames.CLOSE_ASYNC);
    CodeBlock paragraph = CodeBlock.of("<p>Blocking: awaits {@link $L} on the bridge's loop; times "
        + "out after $L (the close is then cancelled).\n", link, timeoutText(close.timeout()));
    return Javadocs.amend(close.javadoc(), CodeBlock.of("Closes the async object.\n"), paragraph,
        CodeBlock.of("@see $L\n", link));
  }

  private CodeBlock body(TwinModel model, TwinModel.Method method) {
    CodeBlock invocation = CodeBlock.of("this.delegate.$L($L)", method.name(),
        arguments(method.parameters()));
    if (method.container().isPresent()) {
      return containerBody(model, method, invocation);
    }
    CodeBlock call;
    switch (method.call()) {
      case AWAIT:
        call = await(model, method.timeout(),
            method.widen() ? CodeBlock.of("$L($L)", WIDEN_STAGE, invocation) : invocation);
        break;
      case ITERATE:
        call = CodeBlock.of("this.bridge.$L(() -> $L)", RuntimeNames.BRIDGE_ITERATE,
            method.widen() ? CodeBlock.of("$L($L)", WIDEN_SEQUENCE, invocation) : invocation);
        if (method.wrapIn().isPresent()) {
          // Wrapping reads nothing of the async object, so it may run on the consuming thread.
          String element = freeName("element", method.parameters());
          call = CodeBlock.of("$L.$L($N -> $N == null ? null : $L)", call,
              RuntimeNames.ITERATOR_MAP, element, element, twinOf(method, element));
          return CodeBlock.builder().addStatement("return $L", call).build();
        }
        break;
      default:
        call = method.returns().equals(TypeName.VOID)
            ? CodeBlock.of("this.bridge.$L(() -> { $L; return null; })",
                RuntimeNames.BRIDGE_INVOKE, invocation)
            : CodeBlock.of("this.bridge.$L(() -> $L)", RuntimeNames.BRIDGE_INVOKE, invocation);
        break;
    }
    if (method.returns().equals(TypeName.VOID)) {
      return CodeBlock.builder().addStatement("$L", call).build();
    }
    Optional<ClassName> wrapIn = method.wrapIn();
    if (wrapIn.isEmpty()) {
      return CodeBlock.builder().addStatement("return $L", call).build();
    }
    String local = freeName("result", method.parameters());
    return CodeBlock.builder()
        .addStatement("$T $N = $L", method.result(), local, call)
        .addStatement("return $N == null ? null : $L", local, twinOf(method, local))
        .build();
  }

  /** {@code Bar.of(name, this.bridge)}: the twin of the async object in {@code name}. */
  private static CodeBlock twinOf(TwinModel.Method method, String name) {
    return CodeBlock.of("$T.of($N, this.bridge)", method.wrapIn().orElseThrow(), name);
  }

  /**
   * A result holding @Async objects is converted on the loop thread, where the async side's
   * container is confined: after the future completes ({@code TwinCollections.listWhenDone} and
   * the like), or inside the plain call.
   */
  private CodeBlock containerBody(TwinModel model, TwinModel.Method method, CodeBlock invocation) {
    String element = freeName("element", method.parameters());
    CodeBlock convert = CodeBlock.of("$N -> $L", element, twinOf(method, element));
    TwinModel.Container container = method.container().orElseThrow();
    CodeBlock call;
    if (method.call() == TwinModel.Call.AWAIT) {
      // ...WhenDone adopts a foreign stage, so that a timeout or an interrupt still cancels it.
      call = await(model, method.timeout(), CodeBlock.of("$T.$L($L, $L)",
          RuntimeNames.TWIN_COLLECTIONS, container.converterWhenDone, invocation, convert));
    } else {
      call = CodeBlock.of("this.bridge.$L(() -> $T.$L($L, $L))", RuntimeNames.BRIDGE_INVOKE,
          RuntimeNames.TWIN_COLLECTIONS, container.converter, invocation, convert);
    }
    return CodeBlock.builder().addStatement("return $L", call).build();
  }

  private static CodeBlock await(TwinModel model, Optional<String> timeout, CodeBlock operation) {
    return timeout
        .map(t -> CodeBlock.of("this.bridge.$L(() -> $L, $N)", RuntimeNames.BRIDGE_CALL, operation,
            Timeouts.constantName(t)))
        .orElse(CodeBlock.of("this.bridge.$L(() -> $L)", RuntimeNames.BRIDGE_CALL, operation));
  }

  private static CodeBlock arguments(List<TwinModel.Parameter> parameters) {
    List<CodeBlock> arguments = new ArrayList<>();
    for (TwinModel.Parameter parameter : parameters) {
      if (!parameter.twin()) {
        arguments.add(CodeBlock.of("$N", parameter.name()));
      } else if (parameter.container().isPresent()) {
        // Converted inside the call, while the caller waits: its container is not changing then.
        String element = freeName("element", parameters);
        arguments.add(CodeBlock.of("$T.$L($N, $N -> $N.async())", RuntimeNames.TWIN_COLLECTIONS,
            parameter.container().get().converter, parameter.name(), element, element));
      } else {
        arguments.add(CodeBlock.of("$N == null ? null : $N.async()", parameter.name(), parameter.name()));
      }
    }
    return CodeBlock.join(arguments, ", ");
  }

  private static String freeName(String wanted, List<TwinModel.Parameter> parameters) {
    String name = wanted;
    for (int i = 1; taken(name, parameters); i++) {
      name = wanted + i;
    }
    return name;
  }

  private static boolean taken(String name, List<TwinModel.Parameter> parameters) {
    return parameters.stream().anyMatch(p -> p.name().equals(name));
  }

  /**
   * {@code widenStage(CompletionStage<? extends T>)}: a stage of a subtype is safely read as a
   * stage of its supertype (it only produces values), which the bridge's signature needs.
   */
  private static MethodSpec widen(String name, ClassName container) {
    TypeVariableName value = TypeVariableName.get("V");
    return MethodSpec.methodBuilder(name)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
            .addMember("value", "$S", "unchecked").build())
        .addTypeVariable(value)
        .returns(ParameterizedTypeName.get(container, value))
        .addParameter(ParameterizedTypeName.get(container,
            com.palantir.javapoet.WildcardTypeName.subtypeOf(value)), "source")
        .addComment("Read-only use: every value it produces is a $T.", value)
        .addStatement("return ($T) source", ParameterizedTypeName.get(container, value))
        .build();
  }
}
