import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code types} {@code @Async} interfaces of {@code methods} methods each into a source
 * tree, for the processor's whole-process compile benchmark ({@code run.sh}).
 *
 * <p>With {@code floor}, writes instead the least that any blocking twin of those interfaces must
 * be: one interface per API with the twin's method signatures, and nothing else (no Javadoc, no
 * implementation, no factory). Compiling the inputs plus these measures the floor of the
 * processor's overhead, whatever a generator does.
 *
 * <p>Usage: {@code java GenerateApis.java <dir> <types> <methods> [floor]}
 */
public final class GenerateApis {
  private GenerateApis() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3 && !(args.length == 4 && args[3].equals("floor"))) {
      throw new IllegalArgumentException("usage: GenerateApis <dir> <types> <methods> [floor]");
    }
    Path dir = Path.of(args[0]).resolve("bench/apis");
    int types = Integer.parseInt(args[1]);
    int methods = Integer.parseInt(args[2]);
    boolean floor = args.length == 4;
    Files.createDirectories(dir);
    for (int t = 0; t < types; t++) {
      String name = (floor ? "Service" : "AsyncService") + t;
      StringBuilder source = new StringBuilder()
          .append("package bench.apis;\n\n")
          .append(floor ? "" : "import dev.syncopate.runtime.Async;\n")
          .append("import java.io.IOException;\n")
          .append("import java.util.List;\n")
          .append(floor ? "\n" : "import java.util.concurrent.CompletionStage;\n\n");
      if (!floor) {
        source.append("/** Benchmark API number ").append(t).append(". */\n@Async\n");
      }
      source.append("public interface ").append(name).append("<T> {\n");
      for (int m = 0; m < methods; m++) {
        if (!floor) {
          source.append("  /**\n   * Operation ").append(m).append(".\n   *\n")
              .append("   * @param key the key\n   * @return its stage\n   */\n");
        }
        source.append("  ").append(signature(m, floor)).append(";\n");
      }
      source.append("}\n");
      Files.writeString(dir.resolve(name + ".java"), source);
    }
  }

  /** Method {@code m} of an async API, or of its twin: the four shapes repeat. */
  private static String signature(int m, boolean twin) {
    switch (m % 4) {
      case 0:
        return (twin ? "String" : "CompletionStage<String>") + " op" + m + "(String key)";
      case 1:
        return (twin ? "void" : "CompletionStage<Void>") + " op" + m
            + "(String key, T value) throws IOException";
      case 2:
        return (twin ? "List<T>" : "CompletionStage<List<T>>") + " op" + m + "(int key)";
      default:
        return "int op" + m + "(long key)";
    }
  }
}
