package dev.syncopate.processor;

import com.palantir.javapoet.CodeBlock;

/**
 * Amends a copied Javadoc comment: added paragraphs go after the original description and before
 * its block tags ({@code @param}, {@code @return}…); added tags go after the original ones.
 */
final class Javadocs {
  private Javadocs() {}

  static CodeBlock amend(String original, CodeBlock fallback, CodeBlock paragraphs, CodeBlock tags) {
    String description = original;
    String originalTags = "";
    int at = blockTagStart(original);
    if (at >= 0) {
      description = original.substring(0, at).strip();
      originalTags = original.substring(at).strip();
    }
    CodeBlock.Builder doc = CodeBlock.builder();
    if (description.isEmpty()) {
      doc.add(fallback);
    } else {
      // $L keeps any '$' of the copied text literal.
      doc.add("$L\n", description);
    }
    doc.add("\n").add(paragraphs).add("\n");
    if (!originalTags.isEmpty()) {
      doc.add("$L\n", originalTags);
    }
    return doc.add(tags).build();
  }

  /** Drops {@code @return} (a void twin has no result to describe), keeping the other tags. */
  static String withoutReturnTag(String original) {
    int at = blockTagStart(original);
    if (at < 0) {
      return original;
    }
    StringBuilder kept = new StringBuilder(original.substring(0, at));
    boolean dropping = false;
    for (String line : original.substring(at).split("\n", -1)) {
      String stripped = line.strip();
      if (stripped.startsWith("@")) {
        dropping = stripped.startsWith("@return");
      }
      if (!dropping) {
        kept.append(line).append('\n');
      }
    }
    return kept.toString().strip();
  }

  /** Where the first block tag starts: an '@' that begins a line. */
  private static int blockTagStart(String text) {
    int lineStart = 0;
    while (lineStart < text.length()) {
      int end = text.indexOf('\n', lineStart);
      String line = (end < 0 ? text.substring(lineStart) : text.substring(lineStart, end));
      if (line.strip().startsWith("@")) {
        return lineStart + line.indexOf('@');
      }
      if (end < 0) {
        break;
      }
      lineStart = end + 1;
    }
    return -1;
  }
}
