import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * The least that any annotation processor generating source twins does, for the "minimal" mode
 * of {@code run.sh}: for each {@code @Async} interface of {@code GenerateApis}, it writes through
 * the {@link javax.annotation.processing.Filer} one interface with the twin's method signatures
 * ({@code CompletionStage<X>} becomes {@code X}, {@code Void} becomes {@code void}) and nothing
 * else: no validation, no Javadoc, no implementation, no JavaPoet.
 *
 * <p>Compiling the inputs with it measures what javac's annotation processing itself costs a
 * source-generating processor (a second round, the generated files parsed, entered and compiled,
 * the Filer's checks per file): the floor of Syncopate's processor, whatever it generates. It
 * maps only what {@code GenerateApis} writes (a {@code CompletionStage} or a plain type).
 *
 * <p><b>Threading:</b> javac calls it on one thread.
 */
@SupportedAnnotationTypes("dev.syncopate.runtime.Async")
public final class MinimalTwinProcessor extends AbstractProcessor {
  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    for (TypeElement annotation : annotations) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        write((TypeElement) element);
      }
    }
    return false;
  }

  private void write(TypeElement type) {
    String pkg = processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString();
    String name = type.getSimpleName().toString().replaceFirst("^Async", "");
    StringBuilder source = new StringBuilder()
        .append("package ").append(pkg).append(";\n\npublic interface ").append(name)
        .append(type.getTypeParameters().isEmpty() ? "" : "<" + join(type.getTypeParameters()) + ">")
        .append(" {\n");
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD) {
        source.append("  ").append(signature((ExecutableElement) member)).append(";\n");
      }
    }
    source.append("}\n");
    try (Writer writer =
        processingEnv.getFiler().createSourceFile(pkg + "." + name, type).openWriter()) {
      writer.write(source.toString());
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.toString(), type);
    }
  }

  private static String signature(ExecutableElement method) {
    String parameters = method.getParameters().stream()
        .map(p -> p.asType() + " " + p.getSimpleName())
        .collect(Collectors.joining(", "));
    String thrown = method.getThrownTypes().isEmpty()
        ? ""
        : " throws " + join(method.getThrownTypes());
    return result(method.getReturnType()) + " " + method.getSimpleName()
        + "(" + parameters + ")" + thrown;
  }

  /** The twin's result: a stage's value type ({@code void} for {@code Void}), else the type. */
  private static String result(TypeMirror returned) {
    if (returned instanceof DeclaredType declared
        && declared.asElement().getSimpleName().contentEquals("CompletionStage")) {
      String value = declared.getTypeArguments().get(0).toString();
      return value.equals("java.lang.Void") ? "void" : value;
    }
    return returned.toString();
  }

  private static String join(List<?> items) {
    return items.stream().map(Object::toString).collect(Collectors.joining(", "));
  }
}
