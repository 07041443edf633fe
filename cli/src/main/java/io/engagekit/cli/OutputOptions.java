package io.engagekit.cli;

import picocli.CommandLine.Option;

/** The output options every reporting command shares: machine-readable JSON, and stack traces. */
final class OutputOptions {
  @Option(names = "--json", description = "Print exactly one JSON object on stdout.")
  boolean json;

  @Option(names = "--verbose", description = "Print stack traces of errors.")
  boolean verbose;

  /** A number for a text table: six significant digits, without trailing zeros. */
  static String number(double v) {
    return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
  }
}
