package io.engagekit.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.engagekit.scoring.models.CovariatePattern;
import io.engagekit.scoring.models.Covariates;
import io.engagekit.scoring.models.PurchaseHistory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options that fit a model with time-invariant covariates: a customers file whose columns
 * beside {@code customer} are attributes, and which of them act on which process. Shared by {@code
 * fit} and {@code compare}.
 */
final class CovariateOptions {
  @Option(names = "--customers", paramLabel = "FILE.csv",
      description = "bgnbd, paretonbd, ggomnbd: a CSV with header customer,NAME,... giving each customer's covariates"
          + " (UTF-8). Numeric columns are used as they are; other columns are categorical, dummy-coded against"
          + " their first level in sort order (the reference level, printed).")
  Path customers;

  @Option(names = "--covariates", paramLabel = "NAME", split = ",",
      description = "Columns of --customers acting on both the transaction and the lifetime process.")
  List<String> both = new ArrayList<>();

  @Option(names = "--covariates-life", paramLabel = "NAME", split = ",",
      description = "Columns of --customers acting on the lifetime (dropout) process only.")
  List<String> life = new ArrayList<>();

  @Option(names = "--covariates-trans", paramLabel = "NAME", split = ",",
      description = "Columns of --customers acting on the transaction (purchase) process only.")
  List<String> trans = new ArrayList<>();

  @Option(names = "--covariates-constrained", paramLabel = "NAME", split = ",",
      description = "Columns of --covariates whose effect on the two processes is one coefficient (constr.NAME).")
  List<String> constrained = new ArrayList<>();

  /** Whether any covariate was asked for. */
  boolean present() {
    return !both.isEmpty() || !life.isEmpty() || !trans.isEmpty() || !constrained.isEmpty() || customers != null;
  }

  /** The coded covariates of a cohort, and which coded columns act on which process. */
  record Coded(Covariates covariates, List<String> life, List<String> trans, Set<String> constrained,
      List<CovariatePattern> patterns) {}

  /**
   * Checks the options, reads the customers file and codes the covariates of the cohort's
   * customers, in the cohort's order.
   *
   * @throws ParameterException on a usage error
   * @throws IllegalArgumentException naming the file, line and column of bad data
   */
  Coded code(CommandSpec spec, String model, Map<String, PurchaseHistory.Calibration> cohort) throws IOException {
    if (!List.of("bgnbd", "paretonbd", "ggomnbd").contains(model)) {
      throw new ParameterException(spec.commandLine(), "covariates apply to bgnbd, paretonbd and ggomnbd, not " + model);
    }
    return code(spec, cohort);
  }

  /** As {@link #code(CommandSpec, String, Map)}, for any model. */
  Coded code(CommandSpec spec, Map<String, PurchaseHistory.Calibration> cohort) throws IOException {
    if (customers == null) {
      throw new ParameterException(spec.commandLine(), "--covariates, --covariates-life and --covariates-trans name "
          + "columns of --customers FILE: give --customers");
    }
    if (both.isEmpty() && life.isEmpty() && trans.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "--customers gives covariates: name the columns to use with "
          + "--covariates, --covariates-life or --covariates-trans");
    }
    LinkedHashSet<String> lifeNames = new LinkedHashSet<>(both);
    lifeNames.addAll(life);
    LinkedHashSet<String> transNames = new LinkedHashSet<>(both);
    transNames.addAll(trans);
    for (String c : constrained) {
      if (!both.contains(c)) {
        throw new ParameterException(spec.commandLine(), "--covariates-constrained " + c + ": a constrained "
            + "covariate must be one of --covariates (acting on both processes), which are " + both);
      }
    }
    LinkedHashSet<String> all = new LinkedHashSet<>(lifeNames);
    all.addAll(transNames);
    for (String n : all) {
      if (n.isEmpty() || n.equals("customer")) {
        throw new ParameterException(spec.commandLine(), "a covariate must name a column of --customers other than"
            + " customer, but was '" + n + "'");
      }
    }
    Map<String, Map<String, String>> attributes = read(customers, List.copyOf(all), cohort.keySet());
    Covariates coded;
    try {
      coded = Covariates.code(List.copyOf(all), attributes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(customers + ": " + e.getMessage(), e);
    }
    List<String> lifeColumns = new ArrayList<>();
    lifeNames.forEach(n -> lifeColumns.addAll(coded.columns(n)));
    List<String> transColumns = new ArrayList<>();
    transNames.forEach(n -> transColumns.addAll(coded.columns(n)));
    Set<String> constrainedColumns = new LinkedHashSet<>();
    constrained.forEach(n -> constrainedColumns.addAll(coded.columns(n)));
    List<CovariatePattern> patterns = new ArrayList<>(cohort.size());
    for (Map.Entry<String, PurchaseHistory.Calibration> e : cohort.entrySet()) {
      patterns.add(new CovariatePattern(e.getValue().pattern(), coded.of(e.getKey()).orElseThrow()));
    }
    return new Coded(coded, lifeColumns, transColumns, constrainedColumns, patterns);
  }

  /**
   * The named columns of every cohort customer's row, by customer in the cohort's order; rows of
   * customers outside the cohort are checked and not used.
   */
  static Map<String, Map<String, String>> read(Path file, List<String> names, Set<String> cohort) throws IOException {
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(r)) {
      List<String> header = null;
      int[] at = new int[names.size()];
      for (CsvRecord rec : csv) {
        long line = rec.getStartingLineNumber();
        if (header == null) {
          header = rec.getFields();
          if (header.isEmpty() || !header.get(0).strip().replace("\uFEFF", "").equals("customer")) {
            throw new IllegalArgumentException(file + " line " + line + ": the header's first column must be customer "
                + "but the header is " + header);
          }
          if (new LinkedHashSet<>(header).size() != header.size()) {
            throw new IllegalArgumentException(file + " line " + line + ": a column is named twice in " + header);
          }
          for (int i = 0; i < names.size(); i++) {
            at[i] = header.indexOf(names.get(i));
            if (at[i] < 0) {
              throw new IllegalArgumentException(file + " has no column " + names.get(i)
                  + io.engagekit.core.internal.Suggestions.didYouMean(names.get(i), header) + "; its columns are "
                  + header);
            }
          }
          continue;
        }
        if (rec.getFieldCount() == 1 && rec.getField(0).isEmpty()) {
          continue; // a blank line
        }
        if (rec.getFieldCount() != header.size()) {
          throw new IllegalArgumentException(file + " line " + line + ": " + rec.getFieldCount() + " fields, but the "
              + "header has " + header.size());
        }
        String id = rec.getField(0);
        if (id.isEmpty()) {
          throw new IllegalArgumentException(file + " line " + line + ", column customer: empty");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          String v = rec.getField(at[i]);
          if (v.isEmpty()) {
            throw new IllegalArgumentException(file + " line " + line + ", column " + names.get(i) + ": empty (customer "
                + id + "); every customer of the cohort needs a value of every covariate");
          }
          values.put(names.get(i), v);
        }
        if (rows.put(id, values) != null) {
          throw new IllegalArgumentException(file + " line " + line + ", column customer: customer " + id
              + " has a row already");
        }
      }
      if (header == null) {
        throw new IllegalArgumentException(file + " is empty: it needs a header customer,NAME,...");
      }
    }
    Map<String, Map<String, String>> inCohort = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String id : cohort) {
      Map<String, String> v = rows.get(id);
      if (v == null) {
        missing.add(id);
      } else {
        inCohort.put(id, v);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(file + " has no row for " + missing.size() + " customer"
          + (missing.size() == 1 ? "" : "s") + " of the calibration cohort, such as " + missing.get(0)
          + "; every customer fitted needs covariates");
    }
    return inCohort;
  }
}
