package io.engagekit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.engagekit.core.Customer;
import io.engagekit.core.Journey;
import io.engagekit.core.SurveyResponse;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.io.Format;
import io.engagekit.core.io.RowWriter;
import io.engagekit.core.io.Schema;
import io.engagekit.scoring.simulation.GroundTruth;
import io.engagekit.scoring.simulation.SimulationSettings;
import io.engagekit.scoring.simulation.Simulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code engagekit simulate}: writes a seeded synthetic population with its ground truth. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates a customer base with known ground truth, or draws customers from a model.",
      "",
      "Simulates a customer base with known ground truth (latent loyalty drives purchases, dropout and"
          + " journeys; latent satisfaction, correlated with loyalty as --satisfaction-loyalty-correlation says,"
          + " drives survey answers) and writes, in --output: touchpoints.csv, surveys.csv, journeys.csv,"
          + " customers.csv (canonical formats) and ground-truth.csv, one customer at a time in constant memory"
          + " (rows grouped by customer, each customer's in time order). The same --seed gives the same files."
          + " Prints the calibration and holdout ends to give to `engagekit evaluate`. With --model"
          + " bgnbd|paretonbd|ggomnbd|bgbb|sbg and --params, draws the customers from that model with the"
          + " parameters given instead, into touchpoints.csv (bgnbd, paretonbd, ggomnbd: parameters in weeks,"
          + " every first purchase on --start), patterns.csv (bgbb) or survivors.csv (sbg), the files `engagekit"
          + " fit` reads, so that a fit can be checked to recover them; the correlation and the calibration and"
          + " holdout weeks then do not apply.",
      "",
      "Exit status: 0 written; 2 usage error or unwritable directory."
    })
final class SimulateCommand implements Callable<Integer> {
  static final List<String> FILES = List.of("touchpoints.csv", "surveys.csv", "journeys.csv", "customers.csv",
      "ground-truth.csv");

  @Spec CommandSpec spec;

  @Option(names = "--customers", required = true, paramLabel = "N", description = "How many customers (at least 1).")
  int customers;

  @Option(names = "--seed", required = true, paramLabel = "S", description = "The random seed.")
  long seed;

  @Option(names = "--output", required = true, paramLabel = "DIR", description = "Directory to write (created if absent).")
  Path output;

  @Option(names = "--satisfaction-loyalty-correlation", paramLabel = "R", defaultValue = "0",
      description = "Correlation of latent satisfaction with latent loyalty, in [-1, 1]. Default: ${DEFAULT-VALUE}.")
  double correlation;

  @Option(names = "--start", paramLabel = "DATE", description = "First day (UTC). Default: 2025-01-06.")
  LocalDate start;

  @Option(names = "--calibration-weeks", paramLabel = "W", defaultValue = "39",
      description = "Calibration weeks (at least 13). Default: ${DEFAULT-VALUE}.")
  int calibrationWeeks;

  @Option(names = "--holdout-weeks", paramLabel = "W", defaultValue = "39",
      description = "Holdout weeks (at least 1). Default: ${DEFAULT-VALUE}.")
  int holdoutWeeks;

  @Option(names = "--model", paramLabel = "bgnbd|paretonbd|ggomnbd|bgbb|sbg",
      description = "Draw from this model with --params instead of simulating a customer base.")
  String model;

  @Option(names = "--params", paramLabel = "NAME=VALUE[,...]",
      description = "The planted parameters of --model: r, alpha, a, b (bgnbd); r, alpha, s, beta (paretonbd);"
          + " r, alpha, b, s, beta (ggomnbd); alpha, beta, gamma, delta (bgbb); alpha, beta (sbg). bgnbd, paretonbd and ggomnbd also take covariate"
          + " effects, trans.NAME=G, life.NAME=G or constr.NAME=G: each NAME a 0/1 dummy per customer, written to"
          + " customers.csv.")
  String params;

  @Option(names = "--periods", paramLabel = "N",
      description = "--model's weeks observed (bgnbd, paretonbd, ggomnbd: default 39), opportunities (bgbb, default 6) or"
          + " periods followed (sbg, default 7).")
  Integer periods;

  @Mixin OutputOptions report;

  @Override
  public Integer call() throws IOException {
    if (model != null || params != null) {
      if (model == null || params == null) {
        throw new ParameterException(spec.commandLine(), "--model and --params go together");
      }
      if (!PlantedSimulation.MODELS.contains(model)) {
        throw new ParameterException(spec.commandLine(), "--model must be bgnbd, paretonbd, ggomnbd, bgbb or sbg but was '"
            + model + "'" + io.engagekit.core.internal.Suggestions.didYouMean(model, PlantedSimulation.MODELS));
      }
      if (customers < 1) {
        throw new ParameterException(spec.commandLine(), "--customers must be at least 1 but was " + customers);
      }
      return PlantedSimulation.run(this, spec.commandLine().getErr());
    }
    if (periods != null) {
      throw new ParameterException(spec.commandLine(), "--periods applies to --model only");
    }
    SimulationSettings settings;
    try {
      settings = new SimulationSettings(customers, seed, correlation,
          start == null ? SimulationSettings.DEFAULT_START : start, calibrationWeeks, holdoutWeeks);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    try {
      Files.createDirectories(output);
    } catch (IOException e) {
      err.println("engagekit: cannot create --output " + output + ": " + e.getMessage());
      return Main.UNUSABLE;
    }
    long[] n = new long[5]; // customers, touchpoints, surveys, journeys, retained
    try (Writer tw = Outputs.writer(output.resolve("touchpoints.csv"));
        RowWriter<Touchpoint> touchpoints = Schema.TOUCHPOINTS.writer(tw, Format.CSV);
        Writer sw = Outputs.writer(output.resolve("surveys.csv"));
        RowWriter<SurveyResponse> surveys = Schema.SURVEYS.writer(sw, Format.CSV);
        Writer jw = Outputs.writer(output.resolve("journeys.csv"));
        RowWriter<Journey> journeys = Schema.JOURNEYS.writer(jw, Format.CSV);
        Writer cw = Outputs.writer(output.resolve("customers.csv"));
        RowWriter<Customer> customers = Schema.CUSTOMERS.writer(cw, Format.CSV);
        CsvWriter truth = CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
            .build(Outputs.writer(output.resolve("ground-truth.csv")))) {
      truth.writeRecord(GroundTruth.COLUMNS);
      // One customer at a time: nothing is kept, so memory does not grow with --customers.
      Simulator.simulate(settings, (customer, known, t, s, j) -> {
        customers.write(customer);
        truth.writeRecord(known.row());
        for (Touchpoint x : t) {
          touchpoints.write(x);
        }
        for (SurveyResponse x : s) {
          surveys.write(x);
        }
        for (Journey x : j) {
          journeys.write(x);
        }
        n[0]++;
        n[1] += t.size();
        n[2] += s.size();
        n[3] += j.size();
        n[4] += known.retained() ? 1 : 0;
      });
    }
    LocalDate calEnd = LocalDate.ofInstant(settings.calibrationEnd(), ZoneOffset.UTC);
    LocalDate holdEnd = LocalDate.ofInstant(settings.holdoutEnd(), ZoneOffset.UTC);
    long retained = n[4];
    PrintWriter out = spec.commandLine().getOut();
    if (report.json) {
      try (JsonGenerator g = JsonOutput.object(out)) {
        g.writeNumberField("customers", n[0]);
        g.writeNumberField("touchpoints", n[1]);
        g.writeNumberField("surveys", n[2]);
        g.writeNumberField("journeys", n[3]);
        g.writeNumberField("retained", retained);
        g.writeStringField("calibrationEnd", calEnd.toString());
        g.writeStringField("holdoutEnd", holdEnd.toString());
        g.writeStringField("output", output.toString());
      }
    } else {
      out.printf(Locale.ROOT, "simulated %,d customers (seed %d, satisfaction-loyalty correlation %s): %,d touchpoints,"
          + " %,d survey answers, %,d journeys; %,d retained in the holdout%n", n[0], seed,
          OutputOptions.number(correlation), n[1], n[2], n[3], retained);
      out.printf(Locale.ROOT, "wrote %s to %s%n", String.join(", ", FILES), output);
      out.printf(Locale.ROOT, "backtest with: ./engagekit evaluate --input %s --surveys %s --journeys %s --customers %s"
          + " --calibration-end %s --holdout-end %s --strategy satisfaction.csat,loyalty.bgnbd,journey.weighted%n",
          output.resolve("touchpoints.csv"), output.resolve("surveys.csv"), output.resolve("journeys.csv"),
          output.resolve("customers.csv"), calEnd, holdEnd);
    }
    out.flush();
    return 0;
  }
}
