package io.engagekit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code engagekit} command. Exit status: 0 success, 1 rejected rows, 2 usage errors or
 * unreadable input.
 */
@Command(
    name = "engagekit",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Turns what customers do into engagement scores.",
    subcommands = {
      ValidateCommand.class, ScoreCommand.class, AlertsCommand.class, FitCommand.class, AttributeCommand.class,
      JourneysCommand.class, SimulateCommand.class, EvaluateCommand.class, CompareCommand.class,
      DemoCommand.class,
      StrategiesCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit status when rows were rejected. */
  static final int REJECTED = 1;
  /** Exit status for usage errors and unreadable input. */
  static final int UNUSABLE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit status. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          boolean verbose = parseResult.hasMatchedOption("--verbose")
              || (parseResult.subcommand() != null && parseResult.subcommand().hasMatchedOption("--verbose"));
          commandLine.getErr().println("engagekit: " + e.getMessage());
          if (verbose) {
            e.printStackTrace(commandLine.getErr());
          }
          return UNUSABLE;
        });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version that Maven filtered into the jar. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "engagekit " + p.getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
