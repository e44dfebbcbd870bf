package dev.syncopate.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Java snippets of the Markdown files in one folder.
 *
 * <p>A fence whose info string is {@code java} is a snippet; {@code java no-run} is compiled but
 * not run; {@code java no-compile} is skipped (for generated code shown as output, or code that
 * needs other modules). Anything else ({@code text}, {@code xml}, {@code bash}) is prose.
 */
final class MarkdownSnippets {
  /** One snippet: where it is, its code, and whether it runs after compiling. */
  record Snippet(Path file, int line, String code, boolean run) {
    /** A Java identifier unique to this snippet. */
    String className() {
      String base = file.getFileName().toString().replaceAll("\\.md$", "").replaceAll("[^A-Za-z0-9]", "_");
      return "Snippet_" + base + "_line" + line;
    }

    /** Whether the snippet is a whole compilation unit rather than statements. */
    boolean isCompilationUnit() {
      for (String text : code.split("\n")) {
        String trimmed = text.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("//")) {
          continue;
        }
        return trimmed.matches("^(package|import|public|final|abstract|class|interface|record|enum|@).*");
      }
      return false;
    }

    @Override
    public String toString() {
      return file.getFileName() + ":" + line;
    }
  }

  private MarkdownSnippets() {}

  static List<Snippet> in(Path folder) {
    List<Snippet> snippets = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        snippets.addAll(of(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the docs in " + folder, e);
    }
    return snippets;
  }

  static List<Snippet> of(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file);
    List<Snippet> snippets = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String fence = lines.get(i).strip();
      if (!fence.startsWith("```java")) {
        continue;
      }
      String info = fence.substring(3).strip();
      int start = i + 1;
      StringBuilder code = new StringBuilder();
      for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
        code.append(lines.get(i)).append('\n');
      }
      if (i == lines.size()) {
        throw new IllegalStateException(file + ":" + start + ": a ```java fence is never closed");
      }
      if (!info.equals("java no-compile")) {
        snippets.add(new Snippet(file, start, code.toString(), !info.equals("java no-run")));
      }
    }
    return snippets;
  }
}
