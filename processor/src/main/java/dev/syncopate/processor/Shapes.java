package dev.syncopate.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What the validator and the model factory both need to know about types: which shape a return
 * type has, which methods a twin mirrors, what a twin is called. Pure queries over the javac model.
 */
final class Shapes {
  /** The shape of a method's return type, which decides how its twin waits for it. */
  enum Kind {
    /** A {@code CompletionStage} (or subtype): the twin awaits it with {@code bridge.call}. */
    FUTURE,
    /** An {@code AsyncSequence}: the twin iterates it with {@code bridge.iterate}. */
    SEQUENCE,
    /** A {@code java.util.concurrent.Future} that is no {@code CompletionStage}: rejected. */
    BLOCKING_FUTURE,
    /** Anything else: the twin runs it on the loop thread with {@code bridge.invoke}. */
    PLAIN
  }

  private final Elements elements;
  private final Types types;
  private final TypeElement completionStage;
  private final TypeElement blockingFuture;
  private final TypeElement object;
  private final Optional<TypeElement> asyncSequence;
  private final Optional<TypeElement> asyncCloseable;

  Shapes(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.completionStage = elements.getTypeElement("java.util.concurrent.CompletionStage");
    this.blockingFuture = elements.getTypeElement("java.util.concurrent.Future");
    this.object = elements.getTypeElement("java.lang.Object");
    this.asyncSequence = type(RuntimeNames.ASYNC_SEQUENCE.canonicalName());
    this.asyncCloseable = type(RuntimeNames.ASYNC_CLOSEABLE.canonicalName());
  }

  private Optional<TypeElement> type(String name) {
    return Optional.ofNullable(elements.getTypeElement(name));
  }

  Elements elements() {
    return elements;
  }

  Types types() {
    return types;
  }

  // ---- annotations

  static Optional<AnnotationMirror> mirror(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotation)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The explicitly written value of an annotation attribute, if any. */
  static Optional<AnnotationValue> value(AnnotationMirror mirror, String attribute) {
    return mirror.getElementValues().entrySet().stream()
        .filter(e -> e.getKey().getSimpleName().contentEquals(attribute))
        .map(e -> (AnnotationValue) e.getValue())
        .findFirst();
  }

  static String stringValue(AnnotationMirror mirror, String attribute) {
    return value(mirror, attribute).map(v -> String.valueOf(v.getValue())).orElse("");
  }

  static boolean isAsync(Element element) {
    return mirror(element, RuntimeNames.ASYNC).isPresent();
  }

  // ---- naming

  /** unasync's rule: AsyncFoo -> Foo, FooAsync -> Foo, anything else Foo -> BlockingFoo. */
  static String derivedTwinName(String simpleName) {
    String prefix = "Async";
    if (simpleName.startsWith(prefix)
        && simpleName.length() > prefix.length()
        && Character.isUpperCase(simpleName.charAt(prefix.length()))) {
      return simpleName.substring(prefix.length());
    }
    if (simpleName.endsWith(prefix) && simpleName.length() > prefix.length()) {
      return simpleName.substring(0, simpleName.length() - prefix.length());
    }
    return "Blocking" + simpleName;
  }

  /** The twin's simple name: the annotation's blockingName, else the derived one. */
  static String twinSimpleName(TypeElement type) {
    String explicit =
        mirror(type, RuntimeNames.ASYNC)
            .map(m -> stringValue(m, RuntimeNames.ASYNC_BLOCKING_NAME))
            .orElse("");
    return explicit.isEmpty() ? derivedTwinName(type.getSimpleName().toString()) : explicit;
  }

  static boolean isValidSimpleName(String name) {
    return SourceVersion.isIdentifier(name) && !SourceVersion.isKeyword(name);
  }

  String packageOf(Element element) {
    PackageElement pkg = elements.getPackageOf(element);
    return pkg.getQualifiedName().toString();
  }

  // ---- return shapes

  Kind kindOf(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Kind.PLAIN;
    }
    TypeMirror erased = types.erasure(type);
    if (types.isSubtype(erased, types.erasure(completionStage.asType()))) {
      return Kind.FUTURE;
    }
    if (asyncSequence.isPresent()
        && types.isSubtype(erased, types.erasure(asyncSequence.get().asType()))) {
      return Kind.SEQUENCE;
    }
    if (types.isSubtype(erased, types.erasure(blockingFuture.asType()))) {
      return Kind.BLOCKING_FUTURE;
    }
    return Kind.PLAIN;
  }

  /**
   * The type argument a FUTURE or SEQUENCE type gives its CompletionStage / AsyncSequence (may be
   * a wildcard), or empty when the type is raw somewhere on the way.
   */
  Optional<TypeMirror> elementArgument(TypeMirror type, Kind kind) {
    TypeElement target = kind == Kind.SEQUENCE ? asyncSequence.orElseThrow() : completionStage;
    return parameterization(type, target)
        .filter(d -> !d.getTypeArguments().isEmpty())
        .map(d -> d.getTypeArguments().get(0));
  }

  private Optional<DeclaredType> parameterization(TypeMirror type, TypeElement target) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    DeclaredType declared = (DeclaredType) type;
    if (declared.asElement().equals(target)) {
      return Optional.of(declared);
    }
    if (isRaw(declared)) {
      return Optional.empty();
    }
    for (TypeMirror supertype : types.directSupertypes(type)) {
      Optional<DeclaredType> found = parameterization(supertype, target);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /** The result type a twin returns for an element argument: {@code ? extends X} reads as X. */
  static Optional<TypeMirror> resultOf(TypeMirror argument) {
    if (argument.getKind() != TypeKind.WILDCARD) {
      return Optional.of(argument);
    }
    return Optional.ofNullable(((WildcardType) argument).getExtendsBound());
  }

  static boolean isRaw(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    return !element.getTypeParameters().isEmpty() && type.getTypeArguments().isEmpty();
  }

  /** The first raw parameterisable type inside {@code type}, if any. */
  Optional<TypeMirror> findRaw(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        if (isRaw(declared)) {
          return Optional.of(type);
        }
        for (TypeMirror argument : declared.getTypeArguments()) {
          Optional<TypeMirror> raw = findRaw(argument);
          if (raw.isPresent()) {
            return raw;
          }
        }
        return declared.getEnclosingType().getKind() == TypeKind.DECLARED
            ? findRaw(declared.getEnclosingType())
            : Optional.empty();
      case ARRAY:
        return findRaw(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        TypeMirror bound =
            wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
        return bound == null ? Optional.empty() : findRaw(bound);
      default:
        return Optional.empty();
    }
  }

  /** The first unresolved (error) type inside {@code type}, if any. */
  Optional<TypeMirror> findError(TypeMirror type) {
    switch (type.getKind()) {
      case ERROR:
        return Optional.of(type);
      case DECLARED:
        for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
          Optional<TypeMirror> error = findError(argument);
          if (error.isPresent()) {
            return error;
          }
        }
        return Optional.empty();
      case ARRAY:
        return findError(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        TypeMirror bound =
            wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
        return bound == null ? Optional.empty() : findError(bound);
      default:
        // Type variables are not followed: their bounds may be recursive (K extends Comparable<K>).
        return Optional.empty();
    }
  }

  /** An unresolved type anywhere in the type's header or in the signatures it twins. */
  Optional<TypeMirror> findError(TypeElement type) {
    List<TypeMirror> mentioned = new ArrayList<>();
    mentioned.add(type.getSuperclass());
    mentioned.addAll(type.getInterfaces());
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      mentioned.add(method.getReturnType());
      method.getParameters().forEach(p -> mentioned.add(p.asType()));
      mentioned.addAll(method.getThrownTypes());
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      constructor.getParameters().forEach(p -> mentioned.add(p.asType()));
      mentioned.addAll(constructor.getThrownTypes());
    }
    return mentioned.stream().map(this::findError).flatMap(Optional::stream).findFirst();
  }

  /** The @Async type a (possibly widened) type names, if it names one directly. */
  static Optional<TypeElement> asyncTypeOf(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return isAsync(element) ? Optional.of(element) : Optional.empty();
  }

  boolean isCloseable(TypeElement type) {
    return asyncCloseable.isPresent()
        && types.isSubtype(
            types.erasure(type.asType()), types.erasure(asyncCloseable.get().asType()));
  }

  // ---- the mirrored API

  /**
   * The instance methods a twin mirrors, own declarations first, then inherited ones in
   * declaration order: not static, not private, not Object's, reachable from the twin's package,
   * and not overridden by one already taken. {@code closeAsync()} of an AsyncCloseable is left
   * out: it becomes the twin's {@code close()}.
   */
  List<ExecutableElement> apiMethods(TypeElement type) {
    List<ExecutableElement> taken = new ArrayList<>();
    collect(type, type, taken);
    return taken;
  }

  private void collect(TypeElement owner, TypeElement current, List<ExecutableElement> taken) {
    if (current.equals(object)) {
      return;
    }
    String twinPackage = packageOf(owner);
    for (ExecutableElement method : ElementFilter.methodsIn(current.getEnclosedElements())) {
      if (mirrors(owner, method, twinPackage) && !alreadyTaken(owner, method, taken)) {
        taken.add(method);
      }
    }
    List<TypeMirror> supertypes = new ArrayList<>();
    supertypes.add(current.getSuperclass());
    supertypes.addAll(current.getInterfaces());
    for (TypeMirror supertype : supertypes) {
      if (supertype.getKind() == TypeKind.DECLARED) {
        collect(owner, (TypeElement) ((DeclaredType) supertype).asElement(), taken);
      }
    }
  }

  private boolean mirrors(TypeElement owner, ExecutableElement method, String twinPackage) {
    if (method.getModifiers().contains(Modifier.STATIC)
        || method.getModifiers().contains(Modifier.PRIVATE)
        // Members the runtime's own types add (AsyncCloseable, AsyncSequence helpers) are plumbing.
        || packageOf(method).equals(RuntimeNames.PACKAGE)
        || overridesObjectMethod(owner, method)
        || isCloseAsync(method)) {
      return false;
    }
    return method.getModifiers().contains(Modifier.PUBLIC)
        || packageOf(method).equals(twinPackage);
  }

  boolean isCloseAsync(ExecutableElement method) {
    if (asyncCloseable.isEmpty()
        || !method.getSimpleName().contentEquals(RuntimeNames.CLOSE_ASYNC)
        || !method.getParameters().isEmpty()) {
      return false;
    }
    Element declaring = method.getEnclosingElement();
    return types.isSubtype(
        types.erasure(declaring.asType()), types.erasure(asyncCloseable.get().asType()));
  }

  private boolean overridesObjectMethod(TypeElement owner, ExecutableElement method) {
    for (ExecutableElement objectMethod : ElementFilter.methodsIn(object.getEnclosedElements())) {
      if (objectMethod.getSimpleName().equals(method.getSimpleName())
          && (elements.overrides(method, objectMethod, owner)
              || types.isSubsignature(
                  (ExecutableType) method.asType(), (ExecutableType) objectMethod.asType()))) {
        return true;
      }
    }
    return false;
  }

  private boolean alreadyTaken(
      TypeElement owner, ExecutableElement method, List<ExecutableElement> taken) {
    DeclaredType site = (DeclaredType) owner.asType();
    for (ExecutableElement other : taken) {
      if (!other.getSimpleName().equals(method.getSimpleName())) {
        continue;
      }
      if (elements.overrides(other, method, owner)
          || types.isSubsignature(memberType(site, other), memberType(site, method))) {
        return true;
      }
    }
    return false;
  }

  /** The method's signature as seen from {@code site}: inherited type arguments substituted. */
  ExecutableType memberType(DeclaredType site, ExecutableElement method) {
    return (ExecutableType) types.asMemberOf(site, method);
  }

  /** A method's readable signature for messages and {@code @see}: {@code m(java.lang.String)}. */
  String signature(ExecutableElement method) {
    StringBuilder text = new StringBuilder();
    text.append(method.getKind() == ElementKind.CONSTRUCTOR
            ? method.getEnclosingElement().getSimpleName()
            : method.getSimpleName())
        .append('(');
    for (int i = 0; i < method.getParameters().size(); i++) {
      if (i > 0) {
        text.append(", ");
      }
      text.append(types.erasure(method.getParameters().get(i).asType()));
    }
    return text.append(')').toString();
  }
}
