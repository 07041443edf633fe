package io.engagekit.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.engagekit.scoring.models.BgBb;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.CovariateModel;
import io.engagekit.scoring.models.DiscretePattern;
import io.engagekit.scoring.models.GGompertzNbd;
import io.engagekit.scoring.models.ModelType;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.Sbg;
import io.engagekit.scoring.simulation.PlantedModels;
import io.engagekit.scoring.simulation.SimulationSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code engagekit simulate --model bgnbd|paretonbd|ggomnbd|bgbb|sbg --params …}: customers drawn from a
 * model with the parameters given ({@link PlantedModels}), written as the file {@code engagekit fit}
 * reads for that model, so that a fit can be checked to recover them. BG/NBD, Pareto/NBD and
 * GGompertz/NBD customers (parameters in weeks) all make their first purchase at the start of {@code --start} and
 * are observed {@code --periods} weeks; their purchases are written as touchpoints, to the second.
 */
final class PlantedSimulation {
  /** The models {@code --model} draws from. */
  static final List<String> MODELS = List.of("bgnbd", "paretonbd", "ggomnbd", "bgbb", "sbg");

  private PlantedSimulation() {}

  /** Parses {@code NAME=VALUE,…} into the model's parameters, naming what is wrong. */
  static Map<String, Double> parameters(String model, String text) {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String part : text.split(",", -1)) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("--params: '" + part + "' is not NAME=VALUE");
      }
      String name = part.substring(0, eq).trim();
      double value;
      try {
        value = Double.parseDouble(part.substring(eq + 1).trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--params: " + name + " must be a number but was '"
            + part.substring(eq + 1) + "'");
      }
      if (out.put(name, value) != null) {
        throw new IllegalArgumentException("--params: " + name + " is given twice");
      }
    }
    List<String> names = ModelType.named(model).parameters();
    java.util.Set<String> given = new java.util.HashSet<>(out.keySet());
    if (List.of("bgnbd", "paretonbd", "ggomnbd").contains(model)) {
      given.removeIf(n -> n.matches("(life|trans|constr)\\.[A-Za-z0-9_]+"));
    }
    if (!given.equals(new java.util.HashSet<>(names))) {
      throw new IllegalArgumentException("--params: a " + model + " model takes " + String.join(", ", names)
          + " but was given " + String.join(", ", out.keySet()) + (List.of("bgnbd", "paretonbd", "ggomnbd")
          .contains(model) ? " (covariate coefficients may be added as life.NAME, trans.NAME, constr.NAME)" : ""));
    }
    return out;
  }

  /** Customer i's id: p and their number, zero-padded to the width of the largest. */
  static String id(int i, int customers) {
    return String.format(Locale.ROOT, "p%0" + Integer.toString(customers).length() + "d", i + 1);
  }

  /** Writes customers' purchases (weeks after a first purchase at the start of {@code start}) as touchpoints. */
  static void touchpoints(CsvWriter csv, List<double[]> customers, LocalDate start) {
    Instant origin = start.atStartOfDay(ZoneOffset.UTC).toInstant();
    csv.writeRecord("customer", "timestamp", "channel", "kind");
    for (int i = 0; i < customers.size(); i++) {
      String id = id(i, customers.size());
      csv.writeRecord(id, origin.toString(), "web", "purchase");
      for (double weeks : customers.get(i)) {
        // to the second: at most the start of the calibration's last day, which counts
        csv.writeRecord(id, origin.plusSeconds((long) Math.floor(weeks * 7 * 86_400)).toString(), "web", "purchase");
      }
    }
  }

  static int run(SimulateCommand c, PrintWriter err) throws IOException {
    Object model;
    Map<String, Double> planted;
    try {
      planted = parameters(c.model, c.params);
      model = planted.size() > ModelType.named(c.model).parameters().size()
          ? CovariateModel.type(ModelType.named(c.model), planted.keySet()).create(planted)
          : ModelType.named(c.model).create(planted);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(c.spec.commandLine(), e.getMessage().startsWith("--params")
          ? e.getMessage() : "--params: " + e.getMessage());
    }
    int periods = c.periods != null ? c.periods : switch (c.model) {
      case "bgbb" -> 6;
      case "sbg" -> 7;
      default -> 39; // weeks observed, as the CDNOW calibration
    };
    if (periods < 1 || periods > DiscretePattern.MAX_PERIODS) {
      throw new picocli.CommandLine.ParameterException(c.spec.commandLine(), "--periods must be in [1, "
          + DiscretePattern.MAX_PERIODS + "] but was " + periods);
    }
    try {
      Files.createDirectories(c.output);
    } catch (IOException e) {
      err.println("engagekit: cannot create --output " + c.output + ": " + e.getMessage());
      return Main.UNUSABLE;
    }
    Path file = c.output.resolve(switch (c.model) {
      case "bgbb" -> "patterns.csv";
      case "sbg" -> "survivors.csv";
      default -> "touchpoints.csv";
    });
    LocalDate start = c.start == null ? SimulationSettings.DEFAULT_START : c.start;
    LocalDate calibrationEnd = start.plusWeeks(periods);
    String covariateCommand = "";
    try (CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
        .build(Outputs.writer(file))) {
      if (model instanceof CovariateModel cm) {
        covariateCommand = PlantedCovariates.write(csv, c, cm, periods, start);
      } else if (model instanceof BgNbd || model instanceof ParetoNbd || model instanceof GGompertzNbd) {
        List<double[]> customers = model instanceof BgNbd b
            ? PlantedModels.bgNbdPurchases(b, c.customers, periods, c.seed)
            : model instanceof GGompertzNbd g ? PlantedModels.ggomNbdPurchases(g, c.customers, periods, c.seed)
            : PlantedModels.paretoNbdPurchases((ParetoNbd) model, c.customers, periods, c.seed);
        touchpoints(csv, customers, start);
      } else if (model instanceof BgBb bgbb) {
        csv.writeRecord("frequency", "recency", "periods", "weights");
        for (DiscretePattern p : PlantedModels.bgBb(bgbb, c.customers, periods, c.seed)) {
          csv.writeRecord(Long.toString(p.frequency()), Long.toString(p.recency()), Long.toString(p.periods()),
              Long.toString(p.customers()));
        }
      } else {
        long[] survivors = PlantedModels.sbg((Sbg) model, c.customers, periods, c.seed);
        csv.writeRecord("period", "survivors");
        for (int t = 0; t < survivors.length; t++) {
          csv.writeRecord(Integer.toString(t), Long.toString(survivors[t]));
        }
      }
    } catch (IOException e) {
      err.println("engagekit: " + Outputs.cannotWrite(file, e).getMessage());
      return Main.UNUSABLE;
    }
    PrintWriter out = c.spec.commandLine().getOut();
    if (c.report.json) {
      try (com.fasterxml.jackson.core.JsonGenerator g = JsonOutput.object(out)) {
        g.writeNumberField("customers", c.customers);
        g.writeStringField("model", c.model);
        g.writeObjectFieldStart("params");
        List<String> order = new java.util.ArrayList<>(ModelType.named(c.model).parameters());
        planted.keySet().stream().filter(n -> !order.contains(n)).forEach(order::add);
        for (String n : order) {
          g.writeNumberField(n, planted.get(n));
        }
        g.writeEndObject();
        g.writeNumberField("periods", periods);
        g.writeNumberField("seed", c.seed);
        g.writeStringField("output", file.toString());
        if (file.getFileName().toString().equals("touchpoints.csv")) {
          g.writeStringField("calibrationEnd", calibrationEnd.toString());
        }
        if (!covariateCommand.isEmpty()) {
          g.writeStringField("customersFile", c.output.resolve("customers.csv").toString());
        }
      }
    } else {
      out.printf(Locale.ROOT, "drew %,d customers from %s with %s over %d periods (seed %d) into %s%n", c.customers,
          c.model, c.params, periods, c.seed, file);
      out.printf(Locale.ROOT, "fit with: ./engagekit fit %s --input %s%s%s%n", c.model, file,
          file.getFileName().toString().equals("touchpoints.csv") ? " --calibration-end " + calibrationEnd : "",
          covariateCommand);
    }
    out.flush();
    return 0;
  }
}
