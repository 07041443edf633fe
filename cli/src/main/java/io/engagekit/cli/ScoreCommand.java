package io.engagekit.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.engagekit.core.io.Schema;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.PopulationStrategy;
import io.engagekit.scoring.ScoringStrategies;
import io.engagekit.scoring.satisfaction.SatisfactionStrategies;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.loyalty.CalendarPeriod;
import io.engagekit.scoring.loyalty.DiscreteSettings;
import io.engagekit.scoring.loyalty.ModelSettings;
import io.engagekit.scoring.models.ModelFitException;
import io.engagekit.scoring.models.PeriodUnit;
import io.engagekit.scoring.satisfaction.SurveyTally;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code engagekit score}: scores every customer with one or more strategies as of an instant. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Scores every customer in the input with each strategy, as of a day.",
      "",
      "Scores every customer in the input (and --surveys) with each strategy, as of --as-of (default: the"
          + " latest event read); events after --as-of are left out, and their number is printed on stderr. One"
          + " row per customer and strategy, customers in id order (with the label, such as an RFM segment, when"
          + " the strategy gives one). Satisfaction strategies report population figures from every survey"
          + " answer read (or those in --survey-window); population-relative ones (loyalty.rfm, loyalty.decayed,"
          + " and the model-based loyalty.bgnbd, loyalty.paretonbd, loyalty.mbgnbd, loyalty.bgbb, loyalty.clv)"
          + " theirs. The model-based strategies fit their model on the customers' purchases as of --as-of, one"
          + " purchase per day in --zone (per --opportunity period for loyalty.bgbb), unless --model gives one"
          + " fitted beforehand by `engagekit fit --json`; their model outputs (p_alive, expected_transactions,"
          + " clv...) are measures, shown with --explain and --json.",
      "",
      "Exit status: 0 scored; 1 scored but rows were rejected (or, with --strict, stopped at the first); 2"
          + " usage error or unreadable input; 3 a model could not be fitted on the data."
    })
final class ScoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Mixin InputOptions in;

  @Option(names = "--surveys", paramLabel = "FILE", description = "Survey answers to score too (csv, or jsonl by extension).")
  Path surveys;

  @Option(names = "--customers", paramLabel = "FILE",
      description = {
        "What is known of customers (csv, or jsonl by extension): customer, relationship, segment."
            + " Relationship-aware strategies (loyalty.decayed, composite.blocks) judge contact against each"
            + " customer's relationship type; customers listed without events are scored too."
      })
  Path customers;

  @Option(names = "--survey-window", paramLabel = "DURATION",
      description = {
        "Score satisfaction.* strategies from the mean of each customer's answers within this window before"
            + " --as-of (such as 90d, 12w or P90D) instead of the latest answer; population figures then count the"
            + " answers in the window. Needs --as-of."
      })
  String surveyWindow;

  @Option(names = "--strategy", required = true, split = ",", paramLabel = "NAME",
      description = "Strategy names, comma-separated (see `engagekit strategies`).")
  List<String> strategyNames;

  @Option(names = "--model", paramLabel = "FILE",
      description = {
        "A model fitted beforehand: the --json output of `engagekit fit` (bgnbd, mbgnbd, paretonbd, bgbb,"
            + " gammagamma); repeat for several. loyalty.bgnbd uses bgnbd, loyalty.paretonbd paretonbd,"
            + " loyalty.mbgnbd mbgnbd, loyalty.bgbb bgbb, loyalty.clv gammagamma and bgnbd (else paretonbd, else"
            + " mbgnbd). A strategy without its model fits one."
      })
  List<Path> models = new ArrayList<>();

  @Option(names = "--time-unit", paramLabel = "UNIT",
      description = {
        "days or weeks: the unit of the model-based strategies' times. Default: the unit of the --model"
            + " files, else weeks."
      })
  String timeUnit;

  @Option(names = "--horizon", paramLabel = "DURATION", defaultValue = "52w",
      description = "How far ahead the model-based strategies expect purchases and value. Default: ${DEFAULT-VALUE}.")
  String horizon;

  @Option(names = "--clv-periods", paramLabel = "N", defaultValue = "12",
      description = "loyalty.clv: how many equal periods the horizon is cut into for discounting. Default: ${DEFAULT-VALUE}.")
  int clvPeriods;

  @Option(names = "--discount-rate", paramLabel = "RATE", defaultValue = "0.01",
      description = "loyalty.clv: the discount rate per period. Default: ${DEFAULT-VALUE}.")
  double discountRate;

  @Option(names = "--opportunity", paramLabel = "PERIOD", defaultValue = "year",
      description = "loyalty.bgbb: the calendar period that is one purchase opportunity (day, week, month, quarter or"
          + " year, in --zone). Default: ${DEFAULT-VALUE}.")
  String opportunity;

  @Option(names = "--opportunities", paramLabel = "N", defaultValue = "1",
      description = "loyalty.bgbb: how many opportunities ahead it scores the chance of a purchase. Default: ${DEFAULT-VALUE}.")
  long opportunities;

  @Option(names = "--as-of", paramLabel = "DATE-OR-INSTANT",
      description = "Score as of this instant or date (start of day in --zone). Default: the latest event read.")
  String asOf;

  @Option(names = "--output", paramLabel = "FILE", description = "Write customer,strategy,score[,contributions] as CSV.")
  Path output;

  @Option(names = "--explain", description = "Include each score's contributions in the table and CSV.")
  boolean explain;

  @Mixin OutputOptions report;

  @Override
  public Integer call() throws IOException {
    InputOptions.Source source = in.resolve();
    if (source.schema() == Schema.JOURNEYS) {
      throw usage("score reads touchpoints or surveys, not journeys");
    }
    Duration window = null;
    if (surveyWindow != null) {
      try {
        window = Durations.positive("--survey-window", surveyWindow);
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      if (asOf == null) {
        throw usage("--survey-window needs --as-of: the window ends there");
      }
    }
    PrintWriter err = spec.commandLine().getErr();
    for (Path m : models) {
      if (!InputOptions.readable(m, err)) {
        return Main.UNUSABLE;
      }
    }
    FittedModels fitted;
    ModelSettings settings;
    DiscreteSettings discrete;
    try {
      fitted = FittedModels.read(models);
      settings = settings(fitted);
      discrete = discreteSettings();
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    List<ScoringStrategy<?>> strategies = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (String given : strategyNames) {
      String name = given.trim();
      ScoringStrategy<?> model = fitted.strategies().strategy(name, settings, discrete).orElse(null);
      try {
        strategies.add(model != null ? model : strategy(name, window));
      } catch (IllegalArgumentException e) {
        throw usage("--strategy: " + e.getMessage());
      }
      used.addAll(fitted.strategies().usedBy(name));
    }
    for (Map.Entry<String, Path> m : fitted.files().entrySet()) {
      if (!used.contains(m.getKey())) {
        err.println("engagekit: --model " + m.getValue() + " (" + m.getKey() + ") is used by none of the strategies");
      }
    }
    EngagementEngine engine;
    try {
      engine = EngagementEngine.forBatch(strategies);
    } catch (IllegalArgumentException e) {
      throw usage("--strategy: " + e.getMessage());
    }
    Instant explicitAsOf = asOf == null ? null : in.asOf(asOf);
    try (EventLoader loader = new EventLoader(spec.commandLine().getErr(), report.verbose, explicitAsOf, in.rejectsFile)) {
      loader.progress = !report.json;
      if (window != null) {
        loader.tallyAfter = explicitAsOf.minus(window);
      }
      if (customers != null && !loader.readCustomers(customers, source, engine)) {
        return loader.stoppedStatus();
      }
      if (!loader.readAll(source, surveys, engine)) {
        return loader.stoppedStatus();
      }
      Instant at = explicitAsOf != null ? explicitAsOf : loader.defaultAsOf();
      if (at == null && loader.latest != null) {
        return Main.UNUSABLE; // beyond the bulk of the data: said
      }
      if (at == null) {
        spec.commandLine().getErr().println("engagekit: nothing to score: no events were read, and no --as-of was given");
        return Main.UNUSABLE;
      }
      // A model the data do not identify is said once here; its scores are written as no evidence.
      boolean unfitted = false;
      try {
        for (ScoringStrategy<?> s : engine.strategies()) {
          if (s instanceof PopulationStrategy) {
            Optional<String> failure = engine.baseline(s.name(), at).failure();
            if (failure.isPresent()) {
              err.println("engagekit: " + failure.get() + "; its scores are written as no evidence");
              unfitted = true;
            }
          }
        }
        write(engine, at, loader.tally);
      } catch (ModelFitException | ArithmeticException e) {
        err.println("engagekit: " + e.getMessage());
        return FitCommand.NOT_FITTED;
      }
      int status = loader.finish(at);
      return unfitted && status == 0 ? FitCommand.NOT_FITTED : status;
    }
  }

  /** The model-based strategies' settings from the options and the models' unit. */
  private ModelSettings settings(FittedModels fitted) {
    PeriodUnit given = fitted.strategies().unit().orElse(null);
    PeriodUnit unit = given != null ? given : PeriodUnit.WEEKS;
    if (timeUnit != null) {
      PeriodUnit asked;
      try {
        asked = PeriodUnit.fromCode(timeUnit);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--time-unit must be days or weeks but was '" + timeUnit + "'");
      }
      if (given != null && asked != given) {
        throw new IllegalArgumentException("--time-unit " + timeUnit + " differs from the unit of " + fitted.unitFile()
            + " (" + given.code() + ")");
      }
      unit = asked;
    }
    return ModelSettings.defaults().withZone(in.zoneId()).withUnit(unit)
        .withHorizon(Durations.positive("--horizon", horizon))
        .withDiscounting(clvPeriods, discountRate);
  }

  /** loyalty.bgbb's settings from the options. */
  private DiscreteSettings discreteSettings() {
    CalendarPeriod period;
    try {
      period = CalendarPeriod.fromCode(opportunity);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--opportunity must be day, week, month, quarter or year but was '"
          + opportunity + "'");
    }
    try {
      return DiscreteSettings.defaults().withZone(in.zoneId()).withPeriod(period, opportunities);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--opportunities: " + e.getMessage());
    }
  }

  /** A strategy by name; with a survey window, the built-in satisfaction strategies score within it. */
  private static ScoringStrategy<?> strategy(String name, Duration window) {
    ScoringStrategy<?> named = ScoringStrategies.named(name);
    return window == null ? named : SatisfactionStrategies.within(named, window);
  }

  private void write(EngagementEngine engine, Instant at, SurveyTally tally) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    // One customer at a time, in id order: the scores are written as they are computed, never all held.
    List<String> ids = engine.customerIds();
    ids.sort(null);
    List<Iterable<EngagementEngine.Ranked>> byStrategy = new ArrayList<>();
    for (ScoringStrategy<?> s : engine.strategies()) {
      byStrategy.add(() -> ids.stream()
          .map(id -> new EngagementEngine.Ranked(id, engine.score(id, s.name(), at).orElseThrow()))
          .iterator());
    }
    if (output != null) {
      try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
          .build(Outputs.writer(output))) {
        csv.writeRecord(ScoreTable.header(explain));
        for (int i = 0; i < byStrategy.size(); i++) {
          String name = engine.strategies().get(i).name();
          for (EngagementEngine.Ranked r : byStrategy.get(i)) {
            ScoreTable.csv(csv, r, name, explain);
          }
        }
      }
    }
    if (report.json) {
      try (JsonGenerator g = JsonOutput.object(out)) {
        g.writeStringField("asOf", at.toString());
        g.writeNumberField("customers", engine.customers());
        g.writeArrayFieldStart("strategies");
        for (int i = 0; i < byStrategy.size(); i++) {
          String name = engine.strategies().get(i).name();
          g.writeStartObject();
          g.writeStringField("name", name);
          g.writeObjectFieldStart("population");
          for (Map.Entry<String, Number> f : tally.figures(name).entrySet()) {
            if (f.getValue() instanceof Long n) {
              g.writeNumberField(f.getKey(), n);
            } else {
              g.writeNumberField(f.getKey(), f.getValue().doubleValue());
            }
          }
          if (engine.strategies().get(i) instanceof PopulationStrategy) {
            for (Map.Entry<String, Double> f : engine.baseline(name, at).figures().entrySet()) {
              g.writeNumberField(f.getKey(), f.getValue());
            }
          }
          g.writeEndObject();
          g.writeArrayFieldStart("scores");
          long evidence = 0;
          for (EngagementEngine.Ranked r : byStrategy.get(i)) {
            g.writeStartObject();
            g.writeStringField("customer", r.customer());
            if (r.score().hasEvidence()) {
              evidence++;
              g.writeNumberField("score", r.score().value());
            } else {
              g.writeNullField("score");
              g.writeStringField("noEvidence", r.score().absence().orElseThrow());
            }
            if (r.score().label().isPresent()) {
              g.writeStringField("label", r.score().label().get());
            }
            g.writeObjectFieldStart("contributions");
            for (Contribution c : r.score().contributions()) {
              g.writeNumberField(c.name(), c.value());
            }
            g.writeEndObject();
            if (!r.score().measures().isEmpty()) {
              g.writeObjectFieldStart("measures");
              for (Map.Entry<String, Double> m : r.score().measures().entrySet()) {
                g.writeNumberField(m.getKey(), m.getValue());
              }
              g.writeEndObject();
            }
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeNumberField("evidence", evidence);
          g.writeEndObject();
        }
        g.writeEndArray();
      }
    } else if (output != null) {
      out.printf(Locale.ROOT, "scored %,d customers with %s as of %s; wrote %s%n",
          engine.customers(), names(engine), at, output);
    } else {
      out.printf(Locale.ROOT, "# as of %s, %,d customers%n", at, engine.customers());
      ScoreTable.Widths widths = ScoreTable.Widths.of(ids, names(engine));
      ScoreTable.header(out, widths, explain);
      for (int i = 0; i < byStrategy.size(); i++) {
        String name = engine.strategies().get(i).name();
        for (EngagementEngine.Ranked r : byStrategy.get(i)) {
          ScoreTable.row(out, widths, r, name, explain);
        }
      }
    }
    out.flush();
  }

  private static List<String> names(EngagementEngine engine) {
    return engine.strategies().stream().map(ScoringStrategy::name).toList();
  }

  /** The population figures of the satisfaction strategies (population strategies add their calibration's). */

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
