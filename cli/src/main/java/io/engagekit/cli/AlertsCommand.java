package io.engagekit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.engagekit.core.io.Schema;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.alerts.FadingInterest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code engagekit alerts}: customers whose interest is fading, most urgent first. */
@Command(
    name = "alerts",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the customers whose recent activity fell below their long-run rate.",
      "",
      "Lists the customers whose recent activity rate (7-day half-life) fell below their long-run rate (90"
          + " days) by at least --threshold as of --as-of: first those still fading (active within 90 days),"
          + " most at stake first (the events a month they no longer make), then those lapsed (quiet for"
          + " longer), each with its level, watch, warning (50%%) or critical (75%%), and the kinds of activity"
          + " that fell. Events after --as-of are left out.",
      "",
      "Exit status: 0 done (with or without alerts); 1 rows were rejected; 2 usage error or unreadable"
          + " input."
    })
final class AlertsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions in;

  @Option(names = "--surveys", paramLabel = "FILE", description = "Survey answers to count as activity too.")
  Path surveys;

  @Option(names = "--as-of", required = true, paramLabel = "DATE-OR-INSTANT",
      description = "Judge as of this instant or date (start of day in --zone).")
  String asOf;

  @Option(names = "--threshold", paramLabel = "X", defaultValue = "0.5",
      description = "The smallest drop that alerts, in (0, 1]. Default: ${DEFAULT-VALUE}.")
  double threshold;

  @Mixin OutputOptions report;

  @Override
  public Integer call() throws IOException {
    InputOptions.Source source = in.resolve();
    if (source.schema() == Schema.JOURNEYS) {
      throw usage("alerts reads touchpoints or surveys, not journeys");
    }
    if (!(threshold > 0 && threshold <= 1)) {
      throw usage("--threshold must be in (0, 1] but was " + threshold);
    }
    Instant at = in.asOf(asOf);
    EngagementEngine engine = EngagementEngine.forBatch(List.of(FadingInterest.strategy()));
    try (EventLoader loader = new EventLoader(spec.commandLine().getErr(), report.verbose, at, in.rejectsFile)) {
      loader.progress = !report.json;
      if (!loader.readAll(source, surveys, engine)) {
        return loader.stoppedStatus();
      }
      write(FadingInterest.alerts(engine, at, threshold), engine.customers(), at);
      return loader.finish(at);
    }
  }

  private void write(List<FadingInterest.Alert> alerts, int customers, Instant at) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (report.json) {
      try (JsonGenerator g = JsonOutput.object(out)) {
        g.writeStringField("asOf", at.toString());
        g.writeNumberField("threshold", threshold);
        g.writeNumberField("customers", customers);
        g.writeArrayFieldStart("alerts");
        for (FadingInterest.Alert a : alerts) {
          g.writeStartObject();
          g.writeStringField("customer", a.customer());
          g.writeStringField("strategy", a.strategy());
          g.writeStringField("level", a.level().name().toLowerCase(Locale.ROOT));
          g.writeNumberField("drop", a.drop());
          g.writeStringField("status", a.status().name().toLowerCase(Locale.ROOT));
          g.writeNumberField("stake", a.stake());
          g.writeNumberField("quietDays", a.quietDays());
          g.writeObjectFieldStart("fell");
          for (Contribution c : a.fell()) {
            g.writeNumberField(c.name(), c.value());
          }
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndArray();
      }
    } else {
      out.printf(Locale.ROOT, "# as of %s: %,d of %,d customers fell by %.0f%% or more%n",
          at, alerts.size(), customers, 100 * threshold);
      TextTable table = new TextTable("customer", "status", "level", "drop", "at stake", "quiet", "fell");
      for (FadingInterest.Alert a : alerts) {
        StringBuilder fell = new StringBuilder();
        for (Contribution c : a.fell()) {
          fell.append(fell.length() == 0 ? "" : ", ").append(c.name());
        }
        table.add(a.customer(), a.status().name().toLowerCase(Locale.ROOT), a.level().name().toLowerCase(Locale.ROOT),
            String.format(Locale.ROOT, "%.1f%%", 100 * a.drop()), String.format(Locale.ROOT, "%.2f/month", a.stake()),
            String.format(Locale.ROOT, "%.0f days quiet", a.quietDays()), fell.toString());
      }
      if (!alerts.isEmpty()) {
        table.print(out);
      }
    }
    out.flush();
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
