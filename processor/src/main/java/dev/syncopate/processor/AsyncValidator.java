package dev.syncopate.processor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Checks one {@code @Async} type before anything is generated: pure, element in, findings out.
 * Each finding points at the element (and annotation value) javac should underline.
 */
final class AsyncValidator {
  /** One diagnostic to print: the message, where, and the message's arguments. */
  record Finding(
      Message message,
      Element element,
      Optional<AnnotationMirror> mirror,
      Optional<AnnotationValue> value,
      List<Object> args) {
    static Finding on(Element element, Message message, Object... args) {
      return new Finding(message, element, Optional.empty(), Optional.empty(), List.of(args));
    }

    String text() {
      return message.format(args.toArray());
    }
  }

  private final Shapes shapes;
  private final String processorName;

  AsyncValidator(Shapes shapes, String processorName) {
    this.shapes = shapes;
    this.processorName = processorName;
  }

  /** Every problem of {@code type}; empty means the model factory may build its twin. */
  List<Finding> validate(TypeElement type) {
    List<Finding> findings = new ArrayList<>();
    AnnotationMirror async = Shapes.mirror(type, RuntimeNames.ASYNC).orElseThrow();
    ElementKind kind = type.getKind();
    if (kind != ElementKind.INTERFACE && kind != ElementKind.CLASS) {
      findings.add(
          new Finding(Message.KIND, type, Optional.of(async), Optional.empty(),
              List.of(kind.toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                  type.getSimpleName())));
      return findings;
    }
    if (isPrivate(type)) {
      findings.add(Finding.on(type, Message.PRIVATE_TYPE, type.getQualifiedName(),
          shapes.packageOf(type)));
      return findings;
    }
    if (kind == ElementKind.CLASS
        && type.getNestingKind() == NestingKind.MEMBER
        && !type.getModifiers().contains(Modifier.STATIC)) {
      findings.add(Finding.on(type, Message.INNER_CLASS, type.getQualifiedName()));
      return findings;
    }
    checkTwinName(type, async, findings);
    Shapes.value(async, RuntimeNames.ASYNC_TIMEOUT_ATTRIBUTE)
        .ifPresent(value -> checkTimeout(type, async, value, findings));
    if (kind == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.ABSTRACT)
        && ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
            .allMatch(c -> c.getModifiers().contains(Modifier.PRIVATE))) {
      findings.add(Finding.on(type, Message.NO_CONSTRUCTOR, type.getQualifiedName()));
    }
    checkMethods(type, findings);
    checkConstructors(type, findings);
    return findings;
  }

  private static boolean isPrivate(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  private void checkTwinName(TypeElement type, AnnotationMirror async, List<Finding> findings) {
    Optional<AnnotationValue> explicit = Shapes.value(async, RuntimeNames.ASYNC_BLOCKING_NAME)
        .filter(v -> !String.valueOf(v.getValue()).isEmpty());
    String twin = Shapes.twinSimpleName(type);
    if (explicit.isPresent()) {
      String reason = !Shapes.isValidSimpleName(twin)
          ? "it is not a simple Java identifier"
          : twin.contentEquals(type.getSimpleName()) ? "it is the async type's own name" : null;
      if (reason != null) {
        findings.add(new Finding(Message.BAD_TWIN_NAME, type, Optional.of(async), explicit,
            List.of(twin, type.getSimpleName(), reason)));
        return;
      }
    }
    String pkg = shapes.packageOf(type);
    List<String> names = new ArrayList<>(List.of(twin));
    if (type.getKind() == ElementKind.INTERFACE) {
      names.add(twin + "Impl");
    }
    // A twin shares its package, hence its module, with the async type: looking in that module
    // only is exact, and much cheaper than javac's search of every module for a missing name.
    ModuleElement module = shapes.elements().getModuleOf(type);
    for (String name : names) {
      String qualified = pkg.isEmpty() ? name : pkg + "." + name;
      TypeElement existing = module == null
          ? shapes.elements().getTypeElement(qualified)
          : shapes.elements().getTypeElement(module, qualified);
      if (existing != null && !generatedByUs(existing)) {
        findings.add(new Finding(Message.TWIN_EXISTS, type, Optional.of(async), explicit,
            List.of(qualified, type.getQualifiedName(), existing.getQualifiedName())));
      }
    }
  }

  /** A twin left over from an earlier (incremental) compilation is ours to replace. */
  private boolean generatedByUs(TypeElement existing) {
    return Shapes.mirror(existing, "javax.annotation.processing.Generated")
        .map(m -> Shapes.value(m, "value").map(v -> v.toString().contains(processorName)))
        .flatMap(x -> x)
        .orElse(false);
  }

  private void checkTimeout(
      Element element, AnnotationMirror mirror, AnnotationValue value, List<Finding> findings) {
    String text = String.valueOf(value.getValue());
    Timeouts.check(text).ifPresent(problem -> findings.add(
        new Finding(problem.message(), element, Optional.of(mirror), Optional.of(value),
            List.of(text, problem.reason()))));
  }

  private void checkMethods(TypeElement type, List<Finding> findings) {
    DeclaredType site = (DeclaredType) type.asType();
    boolean closeable = shapes.isCloseable(type);
    boolean blocksOnSomething = closeable;
    Map<String, ExecutableElement> twins = new HashMap<>();
    twins.put("async()", null);
    if (closeable) {
      twins.put("close()", null);
    }
    for (ExecutableElement method : shapes.apiMethods(type)) {
      Element where = method.getEnclosingElement().equals(type) ? method : type;
      ExecutableType signature = shapes.memberType(site, method);
      Shapes.Kind kind = checkReturn(method, where, signature.getReturnType(), findings);
      blocksOnSomething |= kind == Shapes.Kind.FUTURE || kind == Shapes.Kind.SEQUENCE;
      checkParameters(method, where, signature, findings);
      Optional<AnnotationMirror> timeout = Shapes.mirror(method, RuntimeNames.ASYNC_TIMEOUT);
      if (timeout.isPresent()) {
        if (kind != Shapes.Kind.FUTURE) {
          findings.add(new Finding(Message.TIMEOUT_NOT_APPLICABLE, method, timeout,
              Optional.empty(), List.of(describe(method), "it returns no future")));
        } else {
          Shapes.value(timeout.get(), RuntimeNames.TIMEOUT_VALUE)
              .ifPresent(v -> checkTimeout(method, timeout.get(), v, findings));
        }
      }
      String key = twinKey(method, signature);
      if (twins.containsKey(key)) {
        ExecutableElement other = twins.get(key);
        findings.add(other == null
            ? Finding.on(where, Message.MEMBER_CLASH, describe(method), key, key)
            : Finding.on(where, Message.METHOD_CLASH, describe(other), describe(method), key));
      } else {
        twins.put(key, method);
      }
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      Optional<AnnotationMirror> timeout = Shapes.mirror(method, RuntimeNames.ASYNC_TIMEOUT);
      boolean skipped = method.getModifiers().contains(Modifier.STATIC)
          || method.getModifiers().contains(Modifier.PRIVATE);
      if (timeout.isPresent() && !skipped && shapes.isCloseAsync(method)) {
        // closeAsync() is not among the mirrored methods: it becomes close(), with this timeout.
        Shapes.value(timeout.get(), RuntimeNames.TIMEOUT_VALUE)
            .ifPresent(v -> checkTimeout(method, timeout.get(), v, findings));
      }
      if (timeout.isPresent() && skipped) {
        findings.add(new Finding(Message.TIMEOUT_NOT_APPLICABLE, method, timeout,
            Optional.empty(), List.of(describe(method),
                "static and private methods are not part of the twin")));
      }
    }
    if (!blocksOnSomething) {
      findings.add(Finding.on(type, Message.NOTHING_TO_TWIN, type.getQualifiedName()));
    }
  }

  private Shapes.Kind checkReturn(ExecutableElement method, Element where,
      TypeMirror returned, List<Finding> findings) {
    Shapes.Kind kind = shapes.kindOf(returned);
    int before = findings.size();
    switch (kind) {
      case BLOCKING_FUTURE:
        findings.add(Finding.on(where, Message.BLOCKING_FUTURE, describe(method), returned));
        break;
      case FUTURE:
      case SEQUENCE:
        Optional<TypeMirror> argument = shapes.elementArgument(returned, kind);
        if (argument.isEmpty()) {
          findings.add(Finding.on(where, Message.RAW_FUTURE, describe(method), returned));
          break;
        }
        Optional<TypeMirror> result = Shapes.resultOf(argument.get());
        if (result.isEmpty()) {
          findings.add(Finding.on(where, Message.WILDCARD_RESULT, describe(method), returned));
          break;
        }
        Shapes.Kind inner = shapes.kindOf(result.get());
        if (kind == Shapes.Kind.FUTURE && inner == Shapes.Kind.SEQUENCE) {
          findings.add(Finding.on(where, Message.FUTURE_OF_SEQUENCE, describe(method), returned));
        } else if (inner == Shapes.Kind.FUTURE || inner == Shapes.Kind.BLOCKING_FUTURE) {
          findings.add(Finding.on(where, Message.NESTED_FUTURE, describe(method), returned));
        }
        break;
      default:
        break;
    }
    if (findings.size() == before) {
      shapes.findRaw(returned).ifPresent(raw ->
          findings.add(Finding.on(where, Message.RAW_TYPE, describe(method), raw)));
    }
    return kind;
  }

  private void checkParameters(ExecutableElement method, Element where,
      ExecutableType signature, List<Finding> findings) {
    for (int i = 0; i < method.getParameters().size(); i++) {
      VariableElement parameter = method.getParameters().get(i);
      Element at = where == method ? parameter : where;
      TypeMirror declared = signature.getParameterTypes().get(i);
      if (declared.getKind() == TypeKind.ARRAY
          && Shapes.asyncTypeOf(((ArrayType) declared).getComponentType()).isPresent()) {
        findings.add(Finding.on(at, Message.UNSUPPORTED_PARAMETER, parameter.getSimpleName(),
            describe(method), declared));
      }
      shapes.findRaw(declared).ifPresent(raw ->
          findings.add(Finding.on(at, Message.RAW_TYPE, describe(method), raw)));
    }
  }

  private void checkConstructors(TypeElement type, List<Finding> findings) {
    if (type.getKind() != ElementKind.CLASS || type.getModifiers().contains(Modifier.ABSTRACT)) {
      return;
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      for (VariableElement parameter : constructor.getParameters()) {
        shapes.findRaw(parameter.asType()).ifPresent(raw ->
            findings.add(Finding.on(parameter, Message.RAW_TYPE, describe(constructor), raw)));
      }
    }
  }

  /** The twin's erased signature: parameters of @Async types count as their twins. */
  private String twinKey(ExecutableElement method, ExecutableType signature) {
    StringBuilder key = new StringBuilder(method.getSimpleName()).append('(');
    List<? extends TypeMirror> parameters = signature.getParameterTypes();
    for (int i = 0; i < parameters.size(); i++) {
      if (i > 0) {
        key.append(", ");
      }
      TypeMirror parameter = parameters.get(i);
      Optional<TypeElement> async = Shapes.asyncTypeOf(parameter);
      key.append(async.isPresent()
          ? qualifiedTwin(async.get())
          : shapes.types().erasure(parameter).toString());
    }
    return key.append(')').toString();
  }

  private String qualifiedTwin(TypeElement async) {
    String pkg = shapes.packageOf(async);
    String twin = Shapes.twinSimpleName(async);
    return pkg.isEmpty() ? twin : pkg + "." + twin;
  }

  private String describe(ExecutableElement method) {
    return method.getEnclosingElement().getSimpleName() + "." + shapes.signature(method);
  }
}
