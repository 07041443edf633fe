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
 * unreadable input, 3 a model that could not be fitted, 4 out of memory or stack.
 */
@Command(
    name = "engagekit",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Turns what customers do into engagement scores.",
    subcommands = {
      ValidateCommand.class, ScoreCommand.class, AlertsCommand.class, FitCommand.class, AttributeCommand.class,
      JourneysCommand.class, SimulateCommand.class, EvaluateCommand.class, CompareCommand.class, SweepCommand.class,
      DemoCommand.class,
      StrategiesCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  /** Exit status when rows were rejected. */
  static final int REJECTED = 1;
  /** Exit status for usage errors and unreadable input. */
  static final int UNUSABLE = 2;
  /** Exit status when the JVM ran out of memory or stack (3 is a model that could not be fitted). */
  static final int RESOURCES = 4;

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
    cli.setParameterExceptionHandler((e, args2) -> {
      CommandLine command = e.getCommandLine();
      PrintWriter err2 = command.getErr();
      err2.println("engagekit: " + e.getMessage());
      CommandLine.UnmatchedArgumentException.printSuggestions(e, err2);
      err2.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
      err2.flush();
      return UNUSABLE;
    });
    return execute(cli, args);
  }

  /**
   * Runs a command line, turning running out of memory (or stack) into one line that says how to
   * give the JVM more, and {@link #RESOURCES}: a raw stack trace with status 1 would read as "rows
   * rejected".
   */
  static int execute(CommandLine cli, String[] args) {
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      PrintWriter err = cli.getErr();
      err.println("engagekit: ran out of " + (e instanceof OutOfMemoryError ? "memory" : "stack") + " ("
          + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); give the JVM"
          + " more, for example ENGAGEKIT_JAVA_OPTS=-Xmx4g ./engagekit " + String.join(" ", args).strip());
      err.flush();
      return RESOURCES;
    }
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
