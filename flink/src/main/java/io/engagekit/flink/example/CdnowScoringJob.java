package io.engagekit.flink.example;

import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.io.Column;
import io.engagekit.core.io.Delimiter;
import io.engagekit.core.io.ReadOptions;
import io.engagekit.core.io.RowReader;
import io.engagekit.core.io.TransactionLogFormat;
import io.engagekit.flink.CustomerScores;
import io.engagekit.flink.EngageKitTypes;
import io.engagekit.flink.FlinkScoring;
import io.engagekit.flink.RfmSummaries;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.alerts.FadingInterest;
import io.engagekit.scoring.loyalty.ModelSettings;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.RepeatPatterns;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * A runnable example: the population-model pattern on a CDNOW-format transaction log, in two Flink
 * jobs.
 *
 * <ol>
 *   <li>A batch job counts each customer's RFM summary (x, t<sub>x</sub>, T) as of the scoring
 *       instant; BG/NBD is fitted on the collected counts, on the client.
 *   <li>A second job scores every customer with the fitted model ({@code loyalty.bgnbd}), {@code
 *       composite.blocks}, {@code alert.fading}, and the population strategies {@code loyalty.rfm} and
 *       {@code loyalty.decayed}, every 5 purchases and as of the instant. The population summaries are
 *       brought up to date weekly and at the instant: the population scores as of the instant are
 *       exact, those every 5 purchases are against the population at most a week old.
 * </ol>
 *
 * <p>Arguments: the log (whitespace-separated: master id, customer id, yyyyMMdd, CDs, dollars, as in
 * {@code CDNOW_sample.txt}), then optionally the scoring day (default 1997-09-30, the end of the
 * 39-week calibration period of Fader, Hardie and Lee 2005) and the parallelism (default the
 * environment's). The model and the ten customers most likely to be active are printed on the
 * client; on a cluster, submit it with {@code flink run -c io.engagekit.flink.example.CdnowScoringJob
 * engagekit-flink-job.jar /path/to/CDNOW_sample.txt}. The log is read on the client, which suits an
 * example; a production job reads events with a Flink source (Kafka, files) and maps them to
 * touchpoints with EngageKit's readers.
 */
public final class CdnowScoringJob {
  /** The layout of CDNOW_sample.txt: master id, sample id, yyyyMMdd, CDs, dollars. */
  static final TransactionLogFormat CDNOW =
      TransactionLogFormat.of(Delimiter.WHITESPACE, false, Column.number(2), Column.number(3), Column.number(5))
          .withQuantity(Column.number(4))
          .withDatePattern("yyyyMMdd");

  private CdnowScoringJob() {}

  /**
   * Runs the example.
   *
   * @param args the log, then optionally the scoring day and the parallelism
   * @throws Exception if reading or a job fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: CdnowScoringJob <CDNOW-format log> [scoring day, default 1997-09-30] [parallelism]");
      System.exit(2);
    }
    LocalDate day = args.length > 1 ? LocalDate.parse(args[1]) : LocalDate.of(1997, 9, 30);
    int parallelism = args.length > 2 ? Integer.parseInt(args[2]) : -1;
    run(Path.of(args[0]), day, parallelism, System.out);
  }

  /**
   * Runs both jobs and prints the model and the top ten.
   *
   * @param log the transaction log
   * @param day the scoring day: scores are as of its last instant, in UTC
   * @param parallelism the jobs' parallelism, or {@code -1} for the environment's
   * @param out where to print
   * @return every customer's scores as of the instant
   * @throws Exception if reading or a job fails
   */
  public static List<CustomerScores> run(Path log, LocalDate day, int parallelism, PrintStream out) throws Exception {
    List<EngagementEvent> events = read(log);
    Instant asOf = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    ModelSettings settings = ModelSettings.defaults();

    StreamExecutionEnvironment batch = StreamExecutionEnvironment.getExecutionEnvironment();
    batch.setRuntimeMode(RuntimeExecutionMode.BATCH);
    if (parallelism > 0) {
      batch.setParallelism(parallelism);
    }
    RepeatPatterns summaries = RfmSummaries.collect(RfmSummaries.patterns(stream(batch, events), settings, asOf));
    ModelFit<BgNbd> fit = BgNbd.fit(summaries.patterns());
    BgNbd model = fit.model();
    out.printf("BG/NBD fitted on %,d customers' RFM summaries (%,d distinct) as of %s:"
        + " r=%.4f alpha=%.4f a=%.4f b=%.4f%n",
        summaries.customers(), summaries.size(), day, model.r(), model.alpha(), model.a(), model.b());

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    if (parallelism > 0) {
      env.setParallelism(parallelism);
    }
    SingleOutputStreamOperator<CustomerScores> scores = FlinkScoring
        .of(() -> List.of(ScoringStrategies.loyaltyBgNbd(model, settings), ScoringStrategies.compositeBlocks(),
            FadingInterest.strategy(), ScoringStrategies.loyaltyRfm(), ScoringStrategies.loyaltyDecayed()))
        .everyEvents(5)
        .at(asOf)
        .summaryEvery(Duration.ofDays(7))
        .score(stream(env, events));
    List<CustomerScores> scored = new ArrayList<>();
    CloseableIterator<CustomerScores> it = scores.executeAndCollect("EngageKit CDNOW scoring");
    try {
      it.forEachRemaining(s -> {
        if (s.cause() == CustomerScores.Cause.AS_OF) {
          scored.add(s);
        }
      });
    } finally {
      it.close();
    }
    scored.sort((a, b) -> Double.compare(b.score("loyalty.bgnbd").value(), a.score("loyalty.bgnbd").value()) != 0
        ? Double.compare(b.score("loyalty.bgnbd").value(), a.score("loyalty.bgnbd").value())
        : a.customer().compareTo(b.customer()));
    out.printf("%,d customers scored as of %s; the ten most likely to be active:%n", scored.size(), asOf);
    for (CustomerScores s : scored.subList(0, Math.min(10, scored.size()))) {
      out.printf("  %-8s P(alive) %5.1f%%  expected purchases in 52 weeks %5.2f  composite %5.1f  RFM %s%n",
          s.customer(), s.score("loyalty.bgnbd").value(),
          s.score("loyalty.bgnbd").measures().get("expected_transactions"), s.score("composite.blocks").value(),
          s.score("loyalty.rfm").label().orElse("-"));
    }
    return scored;
  }

  private static DataStream<EngagementEvent> stream(StreamExecutionEnvironment env, List<EngagementEvent> events) {
    return env.fromData(events, EngageKitTypes.events())
        .assignTimestampsAndWatermarks(FlinkScoring.watermarks(Duration.ofDays(1)));
  }

  /** Reads the log strictly (a bad line fails with its number and reason), in time order. */
  static List<EngagementEvent> read(Path log) throws IOException {
    List<EngagementEvent> events = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.US_ASCII);
        RowReader<Touchpoint> rows = CDNOW.reader(in, ReadOptions.lenient().withStrict(true), reject -> {})) {
      rows.forEachRemaining(events::add);
    }
    events.sort(java.util.Comparator.comparing(EngagementEvent::at));
    return events;
  }
}
