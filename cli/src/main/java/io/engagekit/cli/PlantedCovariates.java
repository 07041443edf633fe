package io.engagekit.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.engagekit.scoring.models.CovariateModel;
import io.engagekit.scoring.simulation.PlantedModels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code simulate --model bgnbd|paretonbd|ggomnbd --params …,trans.NAME=γ,life.NAME=γ}: customers
 * drawn from a model with covariate effects planted. Each covariate named by a coefficient is a
 * dummy, 0 or 1 with probability one half for each customer (from a stream of its own, so the same
 * seed gives the same customers); the covariates go to {@code customers.csv} beside {@code
 * touchpoints.csv}, which {@code fit --customers} reads.
 */
final class PlantedCovariates {
  private PlantedCovariates() {}

  /**
   * Draws the customers, writes their purchases to {@code csv} and their covariates to {@code
   * customers.csv}; returns the options that fit them back, starting with a space.
   */
  static String write(CsvWriter csv, SimulateCommand c, CovariateModel model, int periods, LocalDate start)
      throws IOException {
    LinkedHashSet<String> names = new LinkedHashSet<>(model.life());
    names.addAll(model.trans());
    SplittableRandom random = new SplittableRandom(c.seed ^ 0x9E3779B97F4A7C15L);
    List<Map<String, Double>> covariates = new ArrayList<>(c.customers);
    for (int i = 0; i < c.customers; i++) {
      Map<String, Double> z = new LinkedHashMap<>();
      for (String n : names) {
        z.put(n, random.nextBoolean() ? 1.0 : 0.0);
      }
      covariates.add(z);
    }
    PlantedSimulation.touchpoints(csv, PlantedModels.withCovariates(model, covariates, periods, c.seed), start);
    Path file = c.output.resolve("customers.csv");
    try (CsvWriter out = CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
        .build(Outputs.writer(file))) {
      List<String> header = new ArrayList<>(List.of("customer"));
      header.addAll(names);
      out.writeRecord(header);
      for (int i = 0; i < c.customers; i++) {
        List<String> row = new ArrayList<>(List.of(PlantedSimulation.id(i, c.customers)));
        covariates.get(i).values().forEach(v -> row.add(v == 1.0 ? "1" : "0"));
        out.writeRecord(row);
      }
    }
    List<String> both = new ArrayList<>();
    List<String> life = new ArrayList<>();
    List<String> trans = new ArrayList<>();
    for (String n : names) {
      boolean l = model.life().contains(n);
      boolean t = model.trans().contains(n);
      (l && t ? both : l ? life : trans).add(n);
    }
    StringBuilder sb = new StringBuilder(" --customers ").append(file);
    if (!both.isEmpty()) {
      sb.append(" --covariates ").append(String.join(",", both));
    }
    if (!life.isEmpty()) {
      sb.append(" --covariates-life ").append(String.join(",", life));
    }
    if (!trans.isEmpty()) {
      sb.append(" --covariates-trans ").append(String.join(",", trans));
    }
    List<String> constrained = model.parameters().keySet().stream().filter(n -> n.startsWith("constr."))
        .map(n -> n.substring(7)).toList();
    if (!constrained.isEmpty()) {
      sb.append(" --covariates-constrained ").append(String.join(",", constrained));
    }
    return sb.toString();
  }
}
