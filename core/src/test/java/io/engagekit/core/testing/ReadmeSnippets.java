package io.engagekit.core.testing;

/**
 * README examples kept honest: a test compiles and runs a block between {@code // MARKER:begin} and
 * {@code // MARKER:end} comment lines, and checks that README.md shows that block verbatim.
 */
public final class ReadmeSnippets {
  private ReadmeSnippets() {}

  /**
   * Returns the block between {@code // marker:begin} and {@code // marker:end} in a test's source,
   * dedented by the test method's four columns, as README.md writes it: a fenced Java block.
   *
   * @param source the test's source text
   * @param marker the marker, such as {@code README}
   * @return the fenced block, from {@code ```java} to the closing fence and its newline
   */
  public static String javaBlock(String source, String marker) {
    String begin = "// " + marker + ":begin\n";
    int from = source.indexOf(begin);
    int to = source.indexOf("    // " + marker + ":end");
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("no block marked " + marker + " in the source");
    }
    StringBuilder sb = new StringBuilder("```java\n");
    for (String line : source.substring(from + begin.length(), to).split("\n", -1)) {
      sb.append(line.length() >= 4 && line.substring(0, 4).isBlank() ? line.substring(4) : line.strip()).append('\n');
    }
    return sb.substring(0, sb.length() - 1) + "```\n";
  }
}
