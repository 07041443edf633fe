package io.engagekit.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and captures what it prints. */
final class CliTestSupport {
  private CliTestSupport() {}

  record Result(int status, String out, String err) {}

  /** A terminal table with its alignment collapsed: one space between cells. */
  static String cells(String table) {
    return table.replaceAll("[ \t]+", " ");
  }

  static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(status, out.toString(), err.toString());
  }
}
