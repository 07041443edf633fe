package io.engagekit.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.flink.example.CdnowScoringJob;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The README's example job runs end to end on the CDNOW sample. */
final class CdnowScoringJobTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
      .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  @Test
  void scoresTheSample(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("CDNOW_sample.txt");
    try (InputStream in = Objects.requireNonNull(
        getClass().getResourceAsStream("/io/engagekit/scoring/models/CDNOW_sample.txt"))) {
      Files.copy(in, log);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    List<CustomerScores> scores = CdnowScoringJob.run(log, LocalDate.of(1997, 9, 30), 2,
        new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String printed = bytes.toString(StandardCharsets.UTF_8);
    // Every customer of the sample bought in 1997 Q1, before the calibration end: all 2,357 are scored.
    assertEquals(2357, scores.size(), printed);
    assertTrue(printed.contains("BG/NBD fitted on 2,357 customers' RFM summaries"), printed);
    assertTrue(printed.contains("the ten most likely to be active"), printed);
    // The population strategies are scored in the job: every customer bought, so every one has an RFM code.
    assertTrue(scores.stream().allMatch(s -> s.score("loyalty.rfm").label().isPresent()
        && s.score("loyalty.decayed").value() > 0), "population scores missing");
  }
}
