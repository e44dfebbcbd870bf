package dev.syncopate.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Generates the blocking twin of every {@code @Async} type. Thin on purpose: it loops over the
 * annotated types, defers those that mention types other processors have yet to generate, and
 * turns any unexpected exception into an {@code [AsyncInternal]} error on the type. The work is
 * done by {@link AsyncValidator}, {@link ModelFactory} and {@link TwinGenerator}.
 */
@AutoService(Processor.class)
public final class AsyncProcessor extends AbstractProcessor {
  private final UnaryOperator<TwinModel> beforeGeneration;
  /** Qualified names of types waiting for a later round; names, since elements are per round. */
  private final Set<String> deferred = new LinkedHashSet<>();
  /** Qualified twin name -> the async type it was generated for, across rounds. */
  private final Map<String, String> twins = new HashMap<>();

  /** The processor javac instantiates (through its service entry). */
  public AsyncProcessor() {
    this(UnaryOperator.identity());
  }

  /** For tests: {@code beforeGeneration} sees (and may break) every model. */
  AsyncProcessor(UnaryOperator<TwinModel> beforeGeneration) {
    this.beforeGeneration = beforeGeneration;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(RuntimeNames.ASYNC, RuntimeNames.ASYNC_TIMEOUT);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Shapes shapes = new Shapes(processingEnv.getElementUtils(), processingEnv.getTypeUtils());
    List<TypeElement> types = new ArrayList<>();
    for (String name : deferred) {
      Optional.ofNullable(shapes.elements().getTypeElement(name)).ifPresent(types::add);
    }
    deferred.clear();
    TypeElement async = shapes.elements().getTypeElement(RuntimeNames.ASYNC);
    if (async != null) {
      for (Element element : round.getElementsAnnotatedWith(async)) {
        types.add((TypeElement) element);
      }
    }
    TypeElement timeout = shapes.elements().getTypeElement(RuntimeNames.ASYNC_TIMEOUT);
    if (timeout != null) {
      checkTimeoutPlacement(round.getElementsAnnotatedWith(timeout));
    }
    types.sort((a, b) -> a.getQualifiedName().toString().compareTo(b.getQualifiedName().toString()));
    String generator = shapes.elements().getTypeElement("javax.annotation.processing.Generated") == null
        ? ""
        : AsyncProcessor.class.getCanonicalName();
    for (TypeElement type : types) {
      Optional<TypeMirror> unresolved = shapes.findError(type);
      if (unresolved.isPresent()) {
        if (round.processingOver()) {
          report(AsyncValidator.Finding.on(type, Message.UNRESOLVED_TYPE,
              type.getQualifiedName(), unresolved.get()));
        } else {
          deferred.add(type.getQualifiedName().toString());
        }
        continue;
      }
      try {
        process(shapes, type, generator);
      } catch (RuntimeException | Error e) {
        // Whatever went wrong, javac must get a diagnostic on the type, not a processor crash.
        report(AsyncValidator.Finding.on(type, Message.INTERNAL, type.getQualifiedName(), e));
      }
    }
    if (round.processingOver()) {
      // Types that only resolve after the last round never get another chance.
      for (String name : deferred) {
        TypeElement type = shapes.elements().getTypeElement(name);
        if (type != null) {
          report(AsyncValidator.Finding.on(type, Message.UNRESOLVED_TYPE, name,
              shapes.findError(type).map(Object::toString).orElse("a type")));
        }
      }
      deferred.clear();
    }
    return false;
  }

  /** Validates {@code type} and writes its twin; {@code generator} is the {@code @Generated} value, or "". */
  private void process(Shapes shapes, TypeElement type, String generator) {
    List<AsyncValidator.Finding> findings =
        new AsyncValidator(shapes, AsyncProcessor.class.getCanonicalName()).validate(type);
    findings.forEach(this::report);
    if (!findings.isEmpty()) {
      return;
    }
    TwinModel model = beforeGeneration.apply(new ModelFactory(shapes, generator).create(type));
    String twin = model.twinName().canonicalName();
    String source = type.getQualifiedName().toString();
    String earlier = twins.putIfAbsent(twin, source);
    if (earlier != null && !earlier.equals(source)) {
      report(AsyncValidator.Finding.on(type, Message.TWIN_CLASH, twin, source, earlier));
      return;
    }
    for (JavaFile file : new TwinGenerator().generate(model)) {
      // The originating element makes the processor isolating (Gradle) and lets IDEs map the file.
      String name = file.packageName().isEmpty()
          ? file.typeSpec().name()
          : file.packageName() + "." + file.typeSpec().name();
      try (Writer writer = processingEnv.getFiler().createSourceFile(name, type).openWriter()) {
        file.writeTo(writer);
      } catch (IOException e) {
        report(AsyncValidator.Finding.on(type, Message.INTERNAL, source, e));
      }
    }
  }

  private void checkTimeoutPlacement(Set<? extends Element> methods) {
    for (Element method : methods) {
      Element owner = method.getEnclosingElement();
      if (method.getKind() == ElementKind.METHOD && !Shapes.isAsync(owner)) {
        report(new AsyncValidator.Finding(Message.TIMEOUT_OUTSIDE_ASYNC, method,
            Shapes.mirror(method, RuntimeNames.ASYNC_TIMEOUT), Optional.empty(),
            List.of(owner.getSimpleName() + "." + ((ExecutableElement) method).getSimpleName() + "()",
                ((TypeElement) owner).getQualifiedName())));
      }
    }
  }

  private void report(AsyncValidator.Finding finding) {
    Messager messager = processingEnv.getMessager();
    if (finding.value().isPresent()) {
      messager.printMessage(Diagnostic.Kind.ERROR, finding.text(), finding.element(),
          finding.mirror().orElseThrow(), finding.value().get());
    } else if (finding.mirror().isPresent()) {
      messager.printMessage(Diagnostic.Kind.ERROR, finding.text(), finding.element(),
          finding.mirror().get());
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, finding.text(), finding.element());
    }
  }
}
