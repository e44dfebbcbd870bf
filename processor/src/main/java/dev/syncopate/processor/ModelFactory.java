package dev.syncopate.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;

/**
 * Turns a validated {@code @Async} type into a {@link TwinModel}: every decision about names and
 * types is made here, so the generator only writes.
 */
final class ModelFactory {
  /** Annotations carried to the twin by simple name, whatever their package (JSR 305, JSpecify…). */
  private static final Set<String> NULLNESS = Set.of("Nullable", "NonNull", "Nonnull", "NotNull");

  private final Shapes shapes;
  private final String generator;

  ModelFactory(Shapes shapes, String generator) {
    this.shapes = shapes;
    this.generator = generator;
  }

  TwinModel create(TypeElement type) {
    ClassName asyncName = ClassName.get(type);
    List<TypeVariableName> typeVariables = new ArrayList<>();
    for (TypeParameterElement parameter : type.getTypeParameters()) {
      typeVariables.add(TypeVariableName.get(parameter));
    }
    TypeName asyncType = typeVariables.isEmpty()
        ? asyncName
        : ParameterizedTypeName.get(asyncName, typeVariables.toArray(new TypeName[0]));
    ClassName twinName = twinClass(type);
    boolean isInterface = type.getKind() == ElementKind.INTERFACE;
    Optional<String> timeout = Shapes.mirror(type, RuntimeNames.ASYNC)
        .map(m -> Shapes.stringValue(m, RuntimeNames.ASYNC_TIMEOUT_ATTRIBUTE))
        .filter(t -> !t.isEmpty());
    DeclaredType site = (DeclaredType) type.asType();
    List<TwinModel.Method> methods = new ArrayList<>();
    for (ExecutableElement method : shapes.apiMethods(type)) {
      methods.add(method(site, method, timeout));
    }
    return new TwinModel(
        asyncName,
        asyncType,
        twinName,
        isInterface ? Optional.of(twinName.peerClass(twinName.simpleName() + "Impl")) : Optional.empty(),
        typeVariables,
        isPublic(type),
        shapes.elements().isDeprecated(type),
        javadoc(type),
        timeout,
        close(type, timeout),
        constructors(type),
        methods,
        generator,
        superTwins(type));
  }

  /**
   * The twins of the nearest {@code @Async} interfaces above the type, so that a twin is usable
   * wherever its parents' twins are (an SDK's {@code Commands extends StringCommands} stays one in
   * both colours, and so does a class whose superclass implements an async interface). The search
   * goes up through every supertype that is not itself extended: classes ({@code @Async} or not),
   * interfaces without {@code @Async}, and {@code @Async} interfaces that cannot be extended (then
   * their own parents are tried, with the type arguments seen from the type). A parent found
   * above another found one is dropped: extending the lower one makes the twin one already.
   *
   * <p>The twin mirrors every inherited method anyway, so extending a parent's twin adds no
   * method and only changes the type's place in the hierarchy — provided each of those methods has
   * the same twin signature in both. A parent is therefore not extended (only mirrored) when it
   * could differ: a type argument the mapping changes ({@code Void}, a future, a sequence, an
   * {@code @Async} type or a container of one: the parent's twin sees only a type variable there);
   * a method of the parent whose return type the child narrows or picks from another parent
   * (covariant overrides, diamonds); a parent, or a type in its type arguments, that the twin's
   * package cannot access (found above a plain interface or a superclass of another package); or
   * one that is deprecated while the type is not (its twin would compile with deprecation warnings
   * that the async source does not have, or suppresses).
   */
  private List<TypeName> superTwins(TypeElement type) {
    DeclaredType site = (DeclaredType) type.asType();
    List<ExecutableElement> mirrored = shapes.apiMethods(type);
    Map<TypeElement, TypeName> found = new LinkedHashMap<>();
    Set<Element> visited = new HashSet<>();
    Deque<TypeMirror> pending = new ArrayDeque<>(shapes.types().directSupertypes(site));
    while (!pending.isEmpty()) {
      if (!(pending.removeFirst() instanceof DeclaredType parent)
          || !visited.add(parent.asElement())) {
        continue;
      }
      Optional<TypeElement> async = Shapes.asyncTypeOf(parent)
          .filter(p -> p.getKind() == ElementKind.INTERFACE);
      if (async.isPresent() && extendable(type, site, mirrored, parent, async.get())) {
        found.put(async.get(), twinType(async.get(), parent));
      } else {
        pending.addAll(shapes.types().directSupertypes(parent));
      }
    }
    List<TypeName> superTwins = new ArrayList<>();
    found.forEach((async, twin) -> {
      if (found.keySet().stream().noneMatch(other -> other != async && isAbove(async, other))) {
        superTwins.add(twin);
      }
    });
    return superTwins;
  }

  private boolean isAbove(TypeElement upper, TypeElement lower) {
    return shapes.types().isSubtype(
        shapes.types().erasure(lower.asType()), shapes.types().erasure(upper.asType()));
  }

  private boolean extendable(TypeElement type, DeclaredType site,
      List<ExecutableElement> mirrored, DeclaredType parent, TypeElement async) {
    return parent.getTypeArguments().stream().noneMatch(this::changesWhenMapped)
        && nameable(parent, shapes.packageOf(type), shapes.elements().isDeprecated(type))
        && returnsAgree(site, mirrored, async);
  }

  /**
   * Whether the twin, in package {@code from}, may name {@code type} and every type in its type
   * arguments without an error or a warning: each accessible from there, and none deprecated
   * unless the async type is deprecated too.
   */
  private boolean nameable(TypeMirror type, String from, boolean deprecatedType) {
    switch (type.getKind()) {
      case DECLARED:
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        return accessibleFrom(element, from)
            && (deprecatedType || !shapes.elements().isDeprecated(element))
            && ((DeclaredType) type).getTypeArguments().stream()
                .allMatch(argument -> nameable(argument, from, deprecatedType));
      case ARRAY:
        return nameable(((ArrayType) type).getComponentType(), from, deprecatedType);
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return (wildcard.getExtendsBound() == null
                || nameable(wildcard.getExtendsBound(), from, deprecatedType))
            && (wildcard.getSuperBound() == null
                || nameable(wildcard.getSuperBound(), from, deprecatedType));
      default:
        return true;
    }
  }

  private boolean changesWhenMapped(TypeMirror argument) {
    if (argument.getKind() == TypeKind.WILDCARD) {
      WildcardType wildcard = (WildcardType) argument;
      return (wildcard.getExtendsBound() != null && changesWhenMapped(wildcard.getExtendsBound()))
          || (wildcard.getSuperBound() != null && changesWhenMapped(wildcard.getSuperBound()));
    }
    return isVoid(argument) || shapes.kindOf(argument) != Shapes.Kind.PLAIN || mentionsAsync(argument);
  }

  /**
   * Whether every method of {@code parent}'s twin is mirrored by the child with the same return
   * type, both seen from the child ({@code site}): otherwise their twins would clash.
   */
  private boolean returnsAgree(
      DeclaredType site, List<ExecutableElement> mirrored, TypeElement parent) {
    for (ExecutableElement inherited : shapes.apiMethods(parent)) {
      ExecutableType expected = shapes.memberType(site, inherited);
      boolean agrees = false;
      for (ExecutableElement own : mirrored) {
        ExecutableType actual = shapes.memberType(site, own);
        if (own.getSimpleName().equals(inherited.getSimpleName())
            && shapes.types().isSubsignature(actual, expected)) {
          agrees = shapes.types().isSameType(actual.getReturnType(), expected.getReturnType());
          break;
        }
      }
      if (!agrees) {
        return false;
      }
    }
    return true;
  }

  private static boolean mentionsAsync(TypeMirror type) {
    switch (type.getKind()) {
      case DECLARED:
        return Shapes.asyncTypeOf(type).isPresent()
            || ((DeclaredType) type).getTypeArguments().stream().anyMatch(ModelFactory::mentionsAsync);
      case ARRAY:
        return mentionsAsync(((ArrayType) type).getComponentType());
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        return (wildcard.getExtendsBound() != null && mentionsAsync(wildcard.getExtendsBound()))
            || (wildcard.getSuperBound() != null && mentionsAsync(wildcard.getSuperBound()));
      default:
        return false;
    }
  }

  private ClassName twinClass(TypeElement async) {
    return ClassName.get(shapes.packageOf(async), Shapes.twinSimpleName(async));
  }

  /** Whether code in package {@code from}, outside {@code type}'s own nest, can name it. */
  private boolean accessibleFrom(TypeElement type, String from) {
    boolean samePackage = shapes.packageOf(type).equals(from);
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      Set<Modifier> modifiers = e.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE)
          || (!modifiers.contains(Modifier.PUBLIC) && !samePackage)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isPublic(TypeElement type) {
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (!e.getModifiers().contains(Modifier.PUBLIC)) {
        return false;
      }
    }
    return true;
  }

  private String javadoc(Element element) {
    String doc = shapes.elements().getDocComment(element);
    if (doc == null) {
      return "";
    }
    // javac keeps the space after each line's '*'; JavaPoet writes its own.
    return doc.lines()
        .map(line -> line.startsWith(" ") ? line.substring(1) : line)
        .collect(java.util.stream.Collectors.joining("\n"))
        .strip();
  }

  private TwinModel.Method method(
      DeclaredType site, ExecutableElement method, Optional<String> typeTimeout) {
    ExecutableType signature = shapes.memberType(site, method);
    TypeMirror returned = signature.getReturnType();
    Shapes.Kind kind = shapes.kindOf(returned);
    TwinModel.Call call;
    TypeMirror result = returned;
    boolean widen = false;
    if (kind == Shapes.Kind.FUTURE || kind == Shapes.Kind.SEQUENCE) {
      TypeMirror argument = shapes.elementArgument(returned, kind).orElseThrow();
      widen = argument.getKind() == TypeKind.WILDCARD;
      result = Shapes.resultOf(argument).orElseThrow();
      call = kind == Shapes.Kind.FUTURE ? TwinModel.Call.AWAIT : TwinModel.Call.ITERATE;
    } else {
      call = TwinModel.Call.INVOKE;
    }
    TypeName resultName = typeName(result);
    Optional<ClassName> wrapIn = Optional.empty();
    Optional<TwinModel.Container> container = Optional.empty();
    TypeName returns;
    List<AnnotationSpec> resultNullness = nullness(typeAnnotations(result), List.of());
    if (call == TwinModel.Call.ITERATE) {
      // A sequence's elements are wrapped one by one; containers in them are not converted.
      Optional<Converted> twin = twinOf(result);
      wrapIn = twin.flatMap(Converted::twinClass);
      // The nullness of a sequence's elements belongs to the iterator's elements.
      TypeName element = twin.map(Converted::type).orElse(resultName.box());
      returns = ParameterizedTypeName.get(
          RuntimeNames.CLOSEABLE_ITERATOR, element.withoutAnnotations().annotated(resultNullness));
    } else if (isVoid(result)) {
      returns = TypeName.VOID;
    } else {
      Converted converted = convert(result);
      wrapIn = converted.twinClass();
      container = converted.container();
      returns = converted.type().annotated(resultNullness);
    }
    Optional<String> timeout = Optional.empty();
    if (call == TwinModel.Call.AWAIT) {
      timeout = methodTimeout(method).or(() -> typeTimeout);
    }
    List<TypeVariableName> typeVariables = new ArrayList<>();
    for (TypeVariable variable : signature.getTypeVariables()) {
      typeVariables.add(TypeVariableName.get(variable));
    }
    return new TwinModel.Method(
        method.getSimpleName().toString(),
        method.getModifiers().contains(Modifier.PUBLIC),
        shapes.signature(method),
        call,
        typeVariables,
        parameters(method, signature.getParameterTypes()),
        method.isVarArgs(),
        method.isVarArgs() && unsafeVarargs(signature.getParameterTypes()),
        returns,
        resultName,
        wrapIn,
        container,
        widen,
        exceptions(signature.getThrownTypes()),
        timeout,
        javadoc(method),
        shapes.elements().isDeprecated(method),
        nullness(method.getAnnotationMirrors(), List.of()));
  }

  private static boolean isVoid(TypeMirror type) {
    return type.getKind() == TypeKind.VOID
        || (type.getKind() == TypeKind.DECLARED
            && ((TypeElement) ((DeclaredType) type).asElement())
                .getQualifiedName().contentEquals("java.lang.Void"));
  }

  private static Optional<String> methodTimeout(Element method) {
    return Shapes.mirror(method, RuntimeNames.ASYNC_TIMEOUT)
        .map(m -> Shapes.stringValue(m, RuntimeNames.TIMEOUT_VALUE));
  }

  private TypeName twinType(TypeElement async, DeclaredType used) {
    ClassName twin = twinClass(async);
    if (used.getTypeArguments().isEmpty()) {
      return twin;
    }
    TypeName[] arguments =
        used.getTypeArguments().stream().map(this::typeName).toArray(TypeName[]::new);
    return ParameterizedTypeName.get(twin, arguments);
  }

  private List<TwinModel.Parameter> parameters(
      ExecutableElement method, List<? extends TypeMirror> types) {
    List<TwinModel.Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      TypeMirror type = types.get(i);
      Element parameter = method.getParameters().get(i);
      Converted converted = convert(type);
      List<AnnotationSpec> annotations = nullness(parameter.getAnnotationMirrors(), List.of());
      TypeName name =
          converted.type().annotated(nullness(typeAnnotations(type), parameter.getAnnotationMirrors()));
      parameters.add(new TwinModel.Parameter(parameter.getSimpleName().toString(), name,
          converted.twinClass().isPresent(), converted.container(), annotations));
    }
    return parameters;
  }

  /**
   * A type of the async API as the twin sees it.
   *
   * @param type the twin's type
   * @param twinClass the twin of the @Async type it is or holds, if any
   * @param container the container holding @Async objects, if it is one
   */
  private record Converted(
      TypeName type, Optional<ClassName> twinClass, Optional<TwinModel.Container> container) {}

  /**
   * An @Async type becomes its twin; a list, set or optional of exactly an @Async type (no
   * wildcard), or a map with exactly an @Async type as values, becomes the same container of its
   * twin (a map keeps its key type); any other type stays as it is.
   */
  private Converted convert(TypeMirror type) {
    Optional<Converted> twin = twinOf(type);
    if (twin.isPresent()) {
      return twin.get();
    }
    Optional<TwinModel.Container> container = containerOf(type);
    if (container.isPresent()) {
      DeclaredType declared = (DeclaredType) type;
      List<? extends TypeMirror> arguments = declared.getTypeArguments();
      // The converted element is the last type argument: a map's value.
      TypeMirror element = arguments.get(arguments.size() - 1);
      Optional<Converted> elementTwin = twinOf(element);
      if (elementTwin.isPresent()) {
        ClassName raw = ClassName.get((TypeElement) declared.asElement());
        // TYPE_USE nullness of the element (List<@Nullable AsyncBar>) stays on the twin element.
        TypeName elementType = elementTwin.get().type()
            .annotated(nullness(typeAnnotations(element), List.of()));
        TypeName converted = container.get() == TwinModel.Container.MAP
            ? ParameterizedTypeName.get(raw, typeName(arguments.get(0)), elementType)
            : ParameterizedTypeName.get(raw, elementType);
        return new Converted(converted, elementTwin.get().twinClass(), container);
      }
    }
    return new Converted(typeName(type), Optional.empty(), Optional.empty());
  }

  /** The twin of {@code type} if it is an @Async type, as {@link #convert} maps it. */
  private Optional<Converted> twinOf(TypeMirror type) {
    return Shapes.asyncTypeOf(type).map(async -> new Converted(
        twinType(async, (DeclaredType) type), Optional.of(twinClass(async)), Optional.empty()));
  }

  private static Optional<TwinModel.Container> containerOf(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED || ((DeclaredType) type).getTypeArguments().isEmpty()) {
      return Optional.empty();
    }
    switch (((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().toString()) {
      case "java.util.List":
        return Optional.of(TwinModel.Container.LIST);
      case "java.util.Set":
        return Optional.of(TwinModel.Container.SET);
      case "java.util.Optional":
        return Optional.of(TwinModel.Container.OPTIONAL);
      case "java.util.Map":
        return Optional.of(TwinModel.Container.MAP);
      default:
        return Optional.empty();
    }
  }

  private static List<? extends AnnotationMirror> typeAnnotations(TypeMirror type) {
    return type.getAnnotationMirrors();
  }

  /** The nullness annotations among {@code mirrors}, minus those already in {@code present}. */
  private static List<AnnotationSpec> nullness(
      List<? extends AnnotationMirror> mirrors, List<? extends AnnotationMirror> present) {
    Map<String, AnnotationSpec> kept = new LinkedHashMap<>();
    for (AnnotationMirror mirror : mirrors) {
      TypeElement annotation = (TypeElement) mirror.getAnnotationType().asElement();
      String qualified = annotation.getQualifiedName().toString();
      boolean duplicate = present.stream().anyMatch(p ->
          ((TypeElement) p.getAnnotationType().asElement()).getQualifiedName().contentEquals(qualified));
      if (NULLNESS.contains(annotation.getSimpleName().toString()) && !duplicate) {
        kept.putIfAbsent(qualified, AnnotationSpec.get(mirror));
      }
    }
    return List.copyOf(kept.values());
  }

  /** javac attaches type-use annotations to mirrors; JavaPoet's names carry them separately. */
  private TypeName typeName(TypeMirror type) {
    return TypeName.get(type).withoutAnnotations();
  }

  private List<TypeName> exceptions(List<? extends TypeMirror> thrown) {
    List<TypeName> names = new ArrayList<>();
    for (TypeMirror type : thrown) {
      names.add(typeName(type));
    }
    return names;
  }

  /** A varargs array of a non-reifiable type makes javac warn about possible heap pollution. */
  private static boolean unsafeVarargs(List<? extends TypeMirror> parameters) {
    TypeMirror last = parameters.get(parameters.size() - 1);
    TypeMirror component = ((ArrayType) last).getComponentType();
    if (component.getKind() == TypeKind.TYPEVAR) {
      return true;
    }
    if (component.getKind() != TypeKind.DECLARED) {
      return false;
    }
    return ((DeclaredType) component).getTypeArguments().stream().anyMatch(argument ->
        argument.getKind() != TypeKind.WILDCARD
            || ((WildcardType) argument).getExtendsBound() != null
            || ((WildcardType) argument).getSuperBound() != null);
  }

  private List<TwinModel.Constructor> constructors(TypeElement type) {
    List<TwinModel.Constructor> constructors = new ArrayList<>();
    if (type.getKind() != ElementKind.CLASS || type.getModifiers().contains(Modifier.ABSTRACT)) {
      return constructors;
    }
    for (ExecutableElement constructor : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (constructor.getModifiers().contains(Modifier.PRIVATE)) {
        continue;
      }
      ExecutableType signature = (ExecutableType) constructor.asType();
      List<TypeVariableName> typeVariables = new ArrayList<>();
      for (TypeParameterElement parameter : constructor.getTypeParameters()) {
        typeVariables.add(TypeVariableName.get(parameter));
      }
      constructors.add(new TwinModel.Constructor(
          typeVariables,
          parameters(constructor, signature.getParameterTypes()),
          constructor.isVarArgs(),
          constructor.isVarArgs() && unsafeVarargs(signature.getParameterTypes()),
          exceptions(signature.getThrownTypes()),
          javadoc(constructor),
          shapes.elements().isDeprecated(constructor)));
    }
    return constructors;
  }

  private Optional<TwinModel.Close> close(TypeElement type, Optional<String> typeTimeout) {
    if (!shapes.isCloseable(type)) {
      return Optional.empty();
    }
    ExecutableElement closeAsync = ElementFilter.methodsIn(shapes.elements().getAllMembers(type))
        .stream()
        .filter(shapes::isCloseAsync)
        .findFirst()
        .orElseThrow();
    return Optional.of(new TwinModel.Close(
        methodTimeout(closeAsync).or(() -> typeTimeout), javadoc(closeAsync)));
  }
}
