package io.engagekit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.engagekit.core.Journey;
import io.engagekit.core.JourneyPath;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.io.Schema;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.journeys.JourneyScorer;
import io.engagekit.scoring.journeys.JourneySettings;
import io.engagekit.scoring.journeys.Journeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code engagekit journeys}: assembles touchpoints into journeys and scores them, by type and outcome. */
@Command(
    name = "journeys",
    mixinStandardHelpOptions = true,
    description = {
      "Assembles touchpoints into journeys and scores each journey and its touchpoints.",
      "",
      "Assembles each customer's touchpoints into journeys (by the journey ids they carry and the journeys"
          + " in --journeys; the rest cut into sessions at every --gap without contact and after a purchase or"
          + " complaint) and scores each journey (outcome, duration against --expected, channel switches,"
          + " response times against --response-target, failures, repeat contacts) and its touchpoints on 0-100."
          + " Prints journeys by type and outcome with their mean scores.",
      "",
      "Exit status: 0 done; 1 rows were rejected (the rest is used); 2 usage error, unreadable input, or"
          + " touchpoints that contradict the journeys file."
    })
final class JourneysCommand implements Callable<Integer> {
  static final String OUTPUT_HEADER =
      "journey,customer,type,outcome,start,end,touchpoints,journey_score,touchpoint_score";

  @Spec CommandSpec spec;

  @Mixin InputOptions in;

  @Option(names = "--journeys", paramLabel = "FILE",
      description = "Known journeys (csv, or jsonl by extension): journey, customer, type, start, end, outcome.")
  Path journeys;

  @Option(names = "--gap", paramLabel = "DURATION", defaultValue = "7d",
      description = "Inactivity that ends a session, and makes an unfinished one abandoned. Default: ${DEFAULT-VALUE}.")
  String gap;

  @Option(names = "--response-target", paramLabel = "DURATION", defaultValue = "5m",
      description = "The response time support contacts should meet. Default: ${DEFAULT-VALUE}.")
  String responseTarget;

  @Option(names = "--expected", paramLabel = "TYPE=DURATION",
      description = "How long a journey type should take, such as 'open account=2d'; repeatable.")
  Map<String, String> expected;

  @Option(names = "--as-of", paramLabel = "DATE-OR-INSTANT",
      description = "See journeys as of this instant (abandonment is judged here). Default: the latest touchpoint.")
  String asOf;

  @Option(names = "--output", paramLabel = "FILE", description = "Write one row per journey as CSV: " + OUTPUT_HEADER + ".")
  Path output;

  @Mixin OutputOptions report;

  @Override
  public Integer call() throws IOException {
    InputOptions.Source source = in.resolve();
    if (source.schema() != Schema.TOUCHPOINTS) {
      throw usage("journeys reads touchpoints (--kind touchpoints or --format transactions), not "
          + source.schema().name());
    }
    JourneySettings settings = settings();
    PrintWriter err = spec.commandLine().getErr();
    Instant cutoff = asOf != null ? in.asOf(asOf) : null;
    List<Touchpoint> touchpoints = new ArrayList<>();
    List<Journey> known = new ArrayList<>();
    List<JourneyPath> paths;
    Instant at;
    int status;
    try (EventLoader loader = new EventLoader(err, report.verbose, cutoff, in.rejectsFile)) {
      loader.progress = !report.json;
      if (!loader.read(source, e -> touchpoints.add((Touchpoint) e))
          || (journeys != null && !loader.readJourneys(journeys, source, known))) {
        return loader.stoppedStatus();
      }
      at = cutoff != null ? cutoff : loader.defaultAsOf();
      if (at == null && loader.latest != null) {
        return Main.UNUSABLE; // beyond the bulk of the data: said
      }
      if (at == null) {
        err.println("engagekit: no touchpoints were read from " + source.input());
        return loader.rejected > 0 ? Main.REJECTED : Main.UNUSABLE;
      }
      try {
        paths = Journeys.assemble(touchpoints, known, settings, at);
      } catch (IllegalArgumentException e) {
        err.println("engagekit: cannot assemble journeys: " + e.getMessage());
        return Main.UNUSABLE;
      }
      status = loader.finish(at);
    }
    JourneyScorer scorer = new JourneyScorer(settings);
    Map<String, double[]> groups = new TreeMap<>(); // type \t outcome -> journeys, touchpoints, journey sum,
                                                    // touchpoint sum, journeys with touchpoints
    Set<String> customers = new HashSet<>();
    double[] all = new double[5];
    CsvWriter csv = null;
    Writer file = output == null ? null : Outputs.writer(output);
    try {
      if (file != null) {
        csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file);
        csv.writeRecord(OUTPUT_HEADER.split(","));
      }
      for (JourneyPath p : paths) {
        Score j = scorer.journey(p);
        Score t = scorer.touchpoints(p.touchpoints());
        customers.add(p.journey().customer());
        for (double[] g : List.of(groups.computeIfAbsent(p.journey().type() + "\t" + p.journey().outcome().code(),
            k -> new double[5]), all)) {
          g[0]++;
          g[1] += p.touchpoints().size();
          g[2] += j.value();
          if (!p.touchpoints().isEmpty()) {
            g[3] += t.value();
            g[4]++;
          }
        }
        if (csv != null) {
          csv.writeRecord(p.journey().id(), p.journey().customer(), p.journey().type(), p.journey().outcome().code(),
              p.journey().start().toString(), p.journey().end().map(Object::toString).orElse(""),
              Integer.toString(p.touchpoints().size()), OutputOptions.number(j.value()),
              p.touchpoints().isEmpty() ? "" : OutputOptions.number(t.value()));
        }
      }
    } finally {
      if (csv != null) {
        csv.close();
      } else if (file != null) {
        file.close();
      }
    }
    write(at, paths.size(), customers.size(), all, groups);
    return status;
  }

  private JourneySettings settings() {
    try {
      Map<String, Duration> durations = new LinkedHashMap<>();
      if (expected != null) {
        for (Map.Entry<String, String> e : expected.entrySet()) {
          durations.put(e.getKey(), Durations.positive("--expected " + e.getKey(), e.getValue()));
        }
      }
      return JourneySettings.defaults()
          .withGap(Durations.positive("--gap", gap))
          .withResponseTarget(Durations.positive("--response-target", responseTarget))
          .withExpectedDurations(durations);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
  }

  private void write(Instant at, int count, int customers, double[] all, Map<String, double[]> groups)
      throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (report.json) {
      try (JsonGenerator g = JsonOutput.object(out)) {
        g.writeStringField("asOf", at.toString());
        g.writeNumberField("journeys", count);
        g.writeNumberField("customers", customers);
        g.writeNumberField("touchpoints", (long) all[1]);
        writeMeans(g, all);
        g.writeArrayFieldStart("groups");
        for (Map.Entry<String, double[]> e : groups.entrySet()) {
          String[] key = e.getKey().split("\t", 2);
          g.writeStartObject();
          g.writeStringField("type", key[0]);
          g.writeStringField("outcome", key[1]);
          g.writeNumberField("journeys", (long) e.getValue()[0]);
          g.writeNumberField("touchpoints", (long) e.getValue()[1]);
          writeMeans(g, e.getValue());
          g.writeEndObject();
        }
        g.writeEndArray();
      }
    } else {
      out.printf(Locale.ROOT, "# %,d journeys of %,d customers as of %s%n", count, customers, at);
      TextTable table = new TextTable("type", "outcome", "journeys", "touchpoints", "journey_score",
          "touchpoint_score");
      for (Map.Entry<String, double[]> e : groups.entrySet()) {
        double[] v = e.getValue();
        String[] key = e.getKey().split("\t", 2);
        table.add(key[0], key[1], Long.toString((long) v[0]), Long.toString((long) v[1]),
            OutputOptions.number(v[2] / v[0]), v[4] > 0 ? OutputOptions.number(v[3] / v[4]) : "-");
      }
      if (count > 0) {
        table.add("all", "all", Long.toString((long) all[0]), Long.toString((long) all[1]),
            OutputOptions.number(all[2] / all[0]), all[4] > 0 ? OutputOptions.number(all[3] / all[4]) : "-");
      }
      table.print(out);
    }
    out.flush();
  }

  /** journeyScore (mean, or null without journeys) and touchpointScore (mean over journeys with touchpoints, or null). */
  private static void writeMeans(JsonGenerator g, double[] v) throws IOException {
    if (v[0] > 0) {
      g.writeNumberField("journeyScore", v[2] / v[0]);
    } else {
      g.writeNullField("journeyScore");
    }
    if (v[4] > 0) {
      g.writeNumberField("touchpointScore", v[3] / v[4]);
    } else {
      g.writeNullField("touchpointScore");
    }
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
