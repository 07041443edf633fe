package io.engagekit.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Jazzer targets for the options users type (issue 22): a duration option ({@code --gap 30m},
 * {@code --horizon P52W}) is a positive duration or a usage error naming it; {@code validate
 * --columns …} on a transaction log ends with exit status 0, 1 or 2 and a message, never a stack
 * trace. Without {@code JAZZER_FUZZ=1} the corpus in {@code
 * src/test/resources/io/engagekit/cli/OptionsFuzzTestInputs/} replays as tests; fuzz with {@code
 * JAZZER_FUZZ=1 ./mvnw -pl cli test -Dtest=OptionsFuzzTest}.
 */
final class OptionsFuzzTest {
  private static Path log;

  @FuzzTest(maxDuration = "30s")
  void durations(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    try {
      Duration d = Durations.positive("--gap", text);
      assertTrue(d.compareTo(Duration.ZERO) > 0, text);
    } catch (IllegalArgumentException refused) {
      assertTrue(refused.getMessage().startsWith("--gap "), refused.getMessage());
    }
  }

  @FuzzTest(maxDuration = "30s")
  void columns(byte[] input) throws IOException {
    if (log == null) {
      log = Files.createTempFile("engagekit-fuzz", ".txt");
      log.toFile().deleteOnExit();
      Files.writeString(log, "id date n amount\n00001 19970101 1 11.77\n00002 19970112 2 12.00\n");
    }
    String spec = new String(input, StandardCharsets.UTF_8);
    CliTestSupport.Result r = CliTestSupport.run("validate", "--input", log.toString(), "--format", "transactions",
        "--delimiter", "whitespace", "--date-format", "yyyyMMdd", "--columns", spec, "--json");
    assertTrue(r.status() >= 0 && r.status() <= 2, r.status() + " " + r.err());
    // What the user typed is echoed in the message; a stack trace or an exception's name is anything else.
    String said = r.err().replace(spec, "");
    for (String part : spec.split(",", -1)) {
      said = part.isEmpty() ? said : said.replace(part, "");
    }
    assertFalse(said.contains("\tat "), r.err());
    assertFalse(said.contains("Exception"), r.err());
  }
}
