import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes {@code types} {@code @Async} interfaces of {@code methods} methods each into a source
 * tree, for the processor's whole-process compile benchmark ({@code run.sh}).
 *
 * <p>Usage: {@code java GenerateApis.java <dir> <types> <methods>}
 */
public final class GenerateApis {
  private GenerateApis() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: GenerateApis <dir> <types> <methods>");
    }
    Path dir = Path.of(args[0]).resolve("bench/apis");
    int types = Integer.parseInt(args[1]);
    int methods = Integer.parseInt(args[2]);
    Files.createDirectories(dir);
    for (int t = 0; t < types; t++) {
      StringBuilder source = new StringBuilder()
          .append("package bench.apis;\n\n")
          .append("import dev.syncopate.runtime.Async;\n")
          .append("import java.io.IOException;\n")
          .append("import java.util.List;\n")
          .append("import java.util.concurrent.CompletionStage;\n\n")
          .append("/** Benchmark API number ").append(t).append(". */\n")
          .append("@Async\n")
          .append("public interface AsyncService").append(t).append("<T> {\n");
      for (int m = 0; m < methods; m++) {
        source.append("  /**\n   * Operation ").append(m).append(".\n   *\n")
            .append("   * @param key the key\n   * @return its stage\n   */\n");
        switch (m % 4) {
          case 0 -> source.append("  CompletionStage<String> op").append(m).append("(String key);\n");
          case 1 -> source.append("  CompletionStage<Void> op").append(m)
              .append("(String key, T value) throws IOException;\n");
          case 2 -> source.append("  CompletionStage<List<T>> op").append(m).append("(int key);\n");
          default -> source.append("  int op").append(m).append("(long key);\n");
        }
      }
      source.append("}\n");
      Files.writeString(dir.resolve("AsyncService" + t + ".java"), source);
    }
  }
}
