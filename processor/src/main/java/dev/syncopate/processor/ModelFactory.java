package dev.syncopate.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
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
   * The twins of the direct {@code @Async} super-interfaces, so that a twin is usable wherever its
   * parents' twins are (an SDK's {@code Commands extends StringCommands} stays one in both
   * colours). The twin mirrors every inherited method anyway, with the same mapped signature, so
   * extending them adds no method and only changes the type's place in the hierarchy. A parent
   * whose type arguments mention an {@code @Async} type is not extended: the child maps those to
   * twins where the parent's twin, whose methods see only a type variable, keeps them async, and
   * the two signatures would clash.
   */
  private List<TypeName> superTwins(TypeElement type) {
    List<TypeName> superTwins = new ArrayList<>();
    for (TypeMirror parent : type.getInterfaces()) {
      DeclaredType declared = (DeclaredType) parent;
      if (declared.getTypeArguments().stream().anyMatch(ModelFactory::mentionsAsync)) {
        continue;
      }
      Shapes.asyncTypeOf(parent)
          .filter(async -> async.getKind() == ElementKind.INTERFACE)
          .ifPresent(async -> superTwins.add(twinType(async, declared)));
    }
    return superTwins;
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
    TypeName returns;
    if (call == TwinModel.Call.ITERATE) {
      returns = ParameterizedTypeName.get(RuntimeNames.CLOSEABLE_ITERATOR, resultName.box());
    } else if (isVoid(result)) {
      returns = TypeName.VOID;
    } else {
      Optional<TypeElement> async = Shapes.asyncTypeOf(result);
      wrapIn = async.map(this::twinClass);
      returns = async.isPresent() ? twinType(async.get(), (DeclaredType) result) : resultName;
    }
    returns = returns.annotated(nullness(typeAnnotations(result), List.of()));
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
      Optional<TypeElement> async = Shapes.asyncTypeOf(type);
      TypeName name = async.isPresent() ? twinType(async.get(), (DeclaredType) type) : typeName(type);
      List<AnnotationSpec> annotations = nullness(parameter.getAnnotationMirrors(), List.of());
      name = name.annotated(nullness(typeAnnotations(type), parameter.getAnnotationMirrors()));
      parameters.add(new TwinModel.Parameter(
          parameter.getSimpleName().toString(), name, async.isPresent(), annotations));
    }
    return parameters;
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
