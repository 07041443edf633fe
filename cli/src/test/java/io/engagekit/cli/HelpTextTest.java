package io.engagekit.cli;

import static io.engagekit.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 25, items 1 and 3: help that picocli can format and wrap, usage errors that fit on a
 * screen with a way on, "did you mean", and resource errors that say what to do.
 */
final class HelpTextTest {
  @TempDir Path dir;

  private static Map<String, CommandLine> commands() {
    return new CommandLine(new Main()).getSubcommands();
  }

  /**
   * Every command's help, and the top-level help, formats without a picocli warning (picocli's
   * tracer writes those to System.err, so that is captured too).
   */
  @Test
  void help_formatsWithoutWarnings() {
    java.io.PrintStream saved = System.err;
    java.io.ByteArrayOutputStream traced = new java.io.ByteArrayOutputStream();
    try {
      System.setErr(new java.io.PrintStream(traced, true, java.nio.charset.StandardCharsets.UTF_8));
      CliTestSupport.Result top = run("--help");
      assertEquals(0, top.status());
      assertTrue(!top.out().contains("picocli WARN") && !top.err().contains("picocli WARN"), top.err());
      for (String name : commands().keySet()) {
        CliTestSupport.Result r = run(name, "--help");
        assertEquals(0, r.status(), name);
        assertTrue(!r.out().contains("picocli WARN") && !r.err().contains("picocli WARN"), name + ": " + r.err());
      }
      // A usage error prints no usage, but must not warn either.
      run("alerts", "--no-such-option");
      run("evaluate", "--no-such-option");
    } finally {
      System.setErr(saved);
    }
    String warnings = traced.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(!warnings.contains("picocli WARN"), warnings);
  }

  /**
   * The first description line is a one-sentence summary, which the top-level help lists whole;
   * every description paragraph ends a sentence (picocli re-wraps each element, so an element cut
   * mid-sentence splits words across lines).
   */
  @Test
  void summaries_areOneSentence_andParagraphsEndSentences() {
    for (Map.Entry<String, CommandLine> e : commands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      String[] description = e.getValue().getCommandSpec().usageMessage().description();
      String summary = description[0];
      assertTrue(summary.endsWith(".") && summary.length() <= 90 && !summary.substring(0, summary.length() - 1)
          .contains(". "), e.getKey() + ": " + summary);
      for (String paragraph : description) {
        assertTrue(paragraph.isEmpty() || paragraph.matches("(?s).*[.:)]$"), e.getKey() + ": " + paragraph);
      }
      for (CommandLine.Model.OptionSpec o : e.getValue().getCommandSpec().options()) {
        for (String line : o.description()) {
          assertTrue(line.matches("(?s).*[.:)}]$"), e.getKey() + " " + o.longestName() + ": " + line);
        }
      }
    }
    CliTestSupport.Result top = run("--help");
    for (String name : List.of("score", "alerts", "attribute", "journeys", "simulate", "evaluate", "demo")) {
      String summary = commands().get(name).getCommandSpec().usageMessage().description()[0];
      String listed = top.out().replaceAll("\\s+", " ");
      assertTrue(listed.contains(name + " " + summary), name + " is listed cut: " + listed);
    }
  }

  /** A usage error is its message, a suggestion when one is close, and one line on where to read more. */
  @Test
  void usageErrors_areShort_withDidYouMean() throws IOException {
    CliTestSupport.Result model = run("fit", "paretonbdd", "--input", "x", "--calibration-end", "1997-09-30");
    assertEquals(2, model.status());
    List<String> lines = model.err().lines().toList();
    assertEquals(2, lines.size(), model.err());
    assertTrue(lines.get(0).endsWith("but was 'paretonbdd'; did you mean 'paretonbd'?"), lines.get(0));
    assertEquals("Try 'engagekit fit --help' for more information.", lines.get(1));

    CliTestSupport.Result option = run("fit", "bgnbd", "--input", "x", "--predictons", "p.csv");
    assertEquals(2, option.status());
    assertTrue(option.err().contains("--predictions"), option.err());
    assertTrue(option.err().lines().count() <= 4, option.err());

    Path input = dir.resolve("t.csv");
    Files.writeString(input, "customer,timestamp,channel,kind\nc1,2026-01-05,web,purchase\n");
    CliTestSupport.Result strategy = run("score", "--input", input.toString(), "--strategy", "loyalty.rmf");
    assertEquals(2, strategy.status(), strategy.err());
    assertTrue(strategy.err().contains("did you mean 'loyalty.rfm'?"), strategy.err());

    Files.writeString(input, "customer,timestamp,chanel,kind\nc1,2026-01-05,web,purchase\n");
    CliTestSupport.Result column = run("validate", "--input", input.toString());
    assertTrue(column.err().contains("did you mean 'channel'?"), column.err());

    CliTestSupport.Result format = run("validate", "--input", input.toString(), "--format", "jsnl");
    assertEquals(2, format.status());
    assertTrue(format.err().contains("did you mean 'jsonl'?"), format.err());
  }

  /** A file that cannot be written is named, with the reason, whichever option it came from. */
  @Test
  void cannotWrite_namesTheFileAndTheReason() throws IOException {
    Path input = dir.resolve("t.csv");
    Files.writeString(input, "customer,timestamp,channel,kind\nc1,2026-01-05,web,purchase\nc1,2026-01-09,web,x\n");
    Path missing = dir.resolve("no-such-dir");
    CliTestSupport.Result rejects = run("validate", "--input", input.toString(), "--rejects",
        missing.resolve("rejects.csv").toString());
    assertEquals(2, rejects.status(), rejects.err());
    assertTrue(rejects.err().contains("cannot write " + missing.resolve("rejects.csv") + ": no such directory "
        + missing), rejects.err());
    CliTestSupport.Result output = run("score", "--input", input.toString(), "--strategy", "loyalty.rfm",
        "--output", missing.resolve("scores.csv").toString());
    assertTrue(output.err().contains("cannot write " + missing.resolve("scores.csv") + ": no such directory"),
        output.err());
  }

  /** Out of memory: one line naming ENGAGEKIT_JAVA_OPTS and the command, and its own exit status. */
  @Test
  void outOfMemory_saysHowToGiveMore() {
    @CommandLine.Command(name = "greedy")
    final class Greedy implements Runnable {
      @CommandLine.Option(names = "--input")
      String input;

      @Override
      public void run() {
        throw new OutOfMemoryError("Java heap space");
      }
    }
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new Greedy());
    cli.setErr(new PrintWriter(err, true));
    assertEquals(Main.RESOURCES, Main.execute(cli, new String[] {"--input", "big.csv"}));
    assertEquals("engagekit: ran out of memory (OutOfMemoryError: Java heap space); give the JVM more, for example "
        + "ENGAGEKIT_JAVA_OPTS=-Xmx4g ./engagekit --input big.csv", err.toString().strip());
  }
}
