package io.engagekit.scoring.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.Customer;
import io.engagekit.scoring.simulation.PlantedModels;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CovariateModelTest {
  /** Three channels of acquisition; "email" is the reference level (first in sort order). */
  private static final String[] LEVELS = {"email", "search", "store"};

  /**
   * Customers drawn per level from the base model at the level's own parameters: exactly the
   * covariate model's story, with the coefficients planted.
   */
  private static List<CovariatePattern> planted(ModelType<?> type, double[] base, Map<String, Double> gammas,
      int perLevel, long seed) {
    List<CovariatePattern> out = new ArrayList<>();
    Map<String, Map<String, String>> attributes = new LinkedHashMap<>();
    List<RepeatPattern> patterns = new ArrayList<>();
    for (int level = 0; level < LEVELS.length; level++) {
      Map<String, Double> z = Map.of("channel=search", level == 1 ? 1.0 : 0.0, "channel=store", level == 2 ? 1.0 : 0.0);
      CovariateModel m = CovariateModel.type(type, names(type, gammas)).create(values(type, base, gammas));
      TransactionModel own = m.forCustomer(z);
      List<RepeatPattern> drawn = own instanceof ParetoNbd p ? PlantedModels.paretoNbd(p, perLevel, 39, seed + level)
          : own instanceof GGompertzNbd g ? PlantedModels.ggomNbd(g, perLevel, 39, seed + level)
          : PlantedModels.bgNbd((BgNbd) own, perLevel, 39, seed + level);
      for (RepeatPattern q : drawn) {
        attributes.put("c" + patterns.size(), Map.of("channel", LEVELS[level]));
        patterns.add(q);
      }
    }
    Covariates coded = Covariates.code(List.of("channel"), attributes);
    assertEquals(List.of("channel=search", "channel=store"), coded.columns());
    assertEquals(Map.of("channel", "email"), coded.referenceLevels());
    int i = 0;
    for (String id : coded.customers()) {
      out.add(new CovariatePattern(patterns.get(i++), coded.of(id).orElseThrow()));
    }
    return out;
  }

  private static List<String> names(ModelType<?> type, Map<String, Double> gammas) {
    List<String> n = new ArrayList<>(type.parameters());
    n.addAll(gammas.keySet());
    return n;
  }

  private static Map<String, Double> values(ModelType<?> type, double[] base, Map<String, Double> gammas) {
    Map<String, Double> v = new LinkedHashMap<>();
    for (int i = 0; i < base.length; i++) {
      v.put(type.parameters().get(i), base[i]);
    }
    v.putAll(gammas);
    return v;
  }

  private static void assertRecovered(ModelFit<CovariateModel> fit, Map<String, Double> planted, String what) {
    for (Map.Entry<String, Double> e : planted.entrySet()) {
      double est = fit.parameters().get(e.getKey());
      double se = fit.standardErrors().get(e.getKey());
      assertTrue(se > 0 && Double.isFinite(se), what + " " + e.getKey());
      assertTrue(Math.abs(est - e.getValue()) <= 3 * se, what + ": " + e.getKey() + " = " + est + " ± " + se
          + ", planted " + e.getValue());
    }
  }

  /**
   * Pareto/NBD with (r, α, s, β) = (0.6, 10, 0.8, 12) for the reference level, transaction and
   * lifetime coefficients planted per dummy; 2,000 customers a level, 39 weeks, three seeds.
   */
  @Test
  void paretoNbd_recoversPlantedCoefficients() {
    Map<String, Double> gammas = new LinkedHashMap<>();
    gammas.put("life.channel=search", -0.7);
    gammas.put("life.channel=store", 0.4);
    gammas.put("trans.channel=search", 0.5);
    gammas.put("trans.channel=store", -0.3);
    double[] base = {0.6, 10, 0.8, 12};
    for (long seed : new long[] {10, 20, 30}) {
      List<CovariatePattern> data = planted(ModelType.PARETONBD, base, gammas, 2000, seed);
      List<String> cols = List.of("channel=search", "channel=store");
      ModelFit<CovariateModel> fit = CovariateModel.fit(ModelType.PARETONBD, data, cols, cols, Set.of());
      Map<String, Double> all = values(ModelType.PARETONBD, base, gammas);
      assertRecovered(fit, all, "seed " + seed);
      assertEquals(List.copyOf(all.keySet()), List.copyOf(fit.parameters().keySet()));
      // The reported log-likelihood is the model's, and at least the fit without covariates'.
      assertEquals(fit.model().logLikelihood(data), fit.logLikelihood(), 1e-6 * Math.abs(fit.logLikelihood()));
      List<RepeatPattern> plain = data.stream().map(CovariatePattern::pattern).toList();
      assertTrue(fit.logLikelihood() >= ParetoNbd.fit(plain).logLikelihood());
    }
  }

  /**
   * BG/NBD with (r, α, a, b) = (0.25, 4.4, 0.8, 2.4) (near the CDNOW fit of Fader, Hardie &amp; Lee
   * 2005) for the reference level; a<sub>i</sub>, b<sub>i</sub> = a, b·exp(γ<sub>life</sub>·z).
   */
  @Test
  void bgNbd_recoversPlantedCoefficients() {
    Map<String, Double> gammas = new LinkedHashMap<>();
    gammas.put("life.channel=search", 0.6);
    gammas.put("life.channel=store", -0.5);
    gammas.put("trans.channel=search", 0.4);
    gammas.put("trans.channel=store", -0.4);
    double[] base = {0.25, 4.4, 0.8, 2.4};
    for (long seed : new long[] {10, 20}) {
      List<CovariatePattern> data = planted(ModelType.BGNBD, base, gammas, 3000, seed);
      List<String> cols = List.of("channel=search", "channel=store");
      ModelFit<CovariateModel> fit = CovariateModel.fit(ModelType.BGNBD, data, cols, cols, Set.of());
      assertRecovered(fit, values(ModelType.BGNBD, base, gammas), "seed " + seed);
    }
  }

  /**
   * GGompertz/NBD with (r, α, b, s, β) = (0.85, 10, 0.12, 0.75, 9.55) for the reference level and
   * α<sub>i</sub>, β<sub>i</sub> = α, β·exp(−γ·z) (the CLVTools parameterisation); its fit uses the
   * analytic gradient and a differenced Hessian.
   */
  @Test
  void ggomNbd_recoversPlantedCoefficients() {
    Map<String, Double> gammas = new LinkedHashMap<>();
    gammas.put("life.channel=store", -0.6);
    gammas.put("trans.channel=search", 0.5);
    double[] base = {0.85, 10, 0.12, 0.75, 9.55};
    List<CovariatePattern> data = planted(ModelType.GGOMNBD, base, gammas, 2000, 40);
    ModelFit<CovariateModel> fit = CovariateModel.fit(ModelType.GGOMNBD, data, List.of("channel=store"),
        List.of("channel=search"), Set.of());
    assertRecovered(fit, values(ModelType.GGOMNBD, base, gammas), "ggomnbd");
  }

  /**
   * The standard errors come from the exact Hessian of the coefficients' chain rule: checked against
   * the inverse of a Hessian differenced from the log-likelihood alone.
   */
  @Test
  void standardErrors_matchADifferencedHessian() {
    Map<String, Double> gammas = new LinkedHashMap<>();
    gammas.put("life.channel=search", -0.7);
    gammas.put("trans.channel=search", 0.5);
    gammas.put("trans.channel=store", -0.3);
    double[] base = {0.6, 10, 0.8, 12};
    List<CovariatePattern> data = planted(ModelType.PARETONBD, base, gammas, 800, 5);
    ModelFit<CovariateModel> fit = CovariateModel.fit(ModelType.PARETONBD, data, List.of("channel=search"),
        List.of("channel=search", "channel=store"), Set.of());
    List<String> names = List.copyOf(fit.parameters().keySet());
    ModelType<CovariateModel> type = CovariateModel.type(ModelType.PARETONBD, names);
    int k = names.size();
    double[] p = fit.parameters().values().stream().mapToDouble(Double::doubleValue).toArray();
    double[][] h = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double hi = 1e-4 * Math.max(1e-2, Math.abs(p[i]));
        double hj = 1e-4 * Math.max(1e-2, Math.abs(p[j]));
        double f = 0;
        for (int si = -1; si <= 1; si += 2) {
          for (int sj = -1; sj <= 1; sj += 2) {
            double[] q = p.clone();
            q[i] += si * hi;
            q[j] += sj * hj;
            Map<String, Double> v = new LinkedHashMap<>();
            for (int c = 0; c < k; c++) {
              v.put(names.get(c), q[c]);
            }
            f += si * sj * type.create(v).logLikelihood(data);
          }
        }
        h[i][j] = -f / (4 * hi * hj);
      }
    }
    double[][] cov = LinearAlgebra.inverse(h);
    for (int i = 0; i < k; i++) {
      double se = Math.sqrt(cov[i][i]);
      assertEquals(se, fit.standardErrors().get(names.get(i)), 2e-3 * se, names.get(i));
    }
  }

  /** A constrained covariate has one coefficient, constr.NAME, acting on both processes. */
  @Test
  void constrained_oneCoefficientForBoth() {
    Map<String, Double> gammas = Map.of("constr.channel=search", 0.5, "constr.channel=store", -0.5);
    double[] base = {0.6, 10, 0.8, 12};
    List<CovariatePattern> data = planted(ModelType.PARETONBD, base, new LinkedHashMap<>(gammas), 2000, 7);
    List<String> cols = List.of("channel=search", "channel=store");
    ModelFit<CovariateModel> fit = CovariateModel.fit(ModelType.PARETONBD, data, cols, cols, Set.copyOf(cols));
    assertEquals(List.of("r", "alpha", "s", "beta", "constr.channel=search", "constr.channel=store"),
        List.copyOf(fit.parameters().keySet()));
    assertRecovered(fit, gammas, "constrained");
    // The individual model: α·e^{−γz}, β·e^{−γz}.
    ParetoNbd own = (ParetoNbd) fit.model().forCustomer(Map.of("channel=search", 1.0, "channel=store", 0.0));
    double g = fit.parameters().get("constr.channel=search");
    assertEquals(fit.parameters().get("alpha") * Math.exp(-g), own.alpha(), 1e-12 * own.alpha());
    assertEquals(fit.parameters().get("beta") * Math.exp(-g), own.beta(), 1e-12 * own.beta());
    assertEquals(fit.parameters().get("r"), own.r(), 0);
  }

  /** Fitted with covariates, the model round-trips through fit --json's format. */
  @Test
  void json_roundTrip() throws Exception {
    Map<String, Double> gammas = new LinkedHashMap<>();
    gammas.put("life.channel=search", -0.7);
    gammas.put("trans.channel=search", 0.5);
    List<CovariatePattern> data = planted(ModelType.PARETONBD, new double[] {0.6, 10, 0.8, 12}, gammas, 500, 3);
    ModelFit<CovariateModel> fit = CovariateModel.fit(ModelType.PARETONBD, data, List.of("channel=search"),
        List.of("channel=search"), Set.of());
    FittedModel fitted = FittedModel.of(fit.model().type(), fit, PeriodUnit.WEEKS, null, null);
    StringWriter out = new StringWriter();
    ModelJson.write(fitted, Map.of("referenceLevels", Map.of("channel", "email")), out);
    assertTrue(out.toString().contains("\"life.channel=search\""), out.toString());
    assertTrue(out.toString().contains("\"referenceLevels\":{\"channel\":\"email\"}"), out.toString());
    FittedModel back = ModelJson.read(new StringReader(out.toString()));
    assertEquals(fitted.parameters(), back.parameters());
    assertEquals(fit.model(), back.model());
    assertEquals("paretonbd", back.type().name());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelJson.read(new StringReader(
        out.toString().replace("life.channel=search", "lifetime.channel"))));
    assertTrue(e.getMessage().contains("lifetime.channel"), e.getMessage());
  }

  @Test
  void coding_numericCategoricalAndErrors() {
    Map<String, Map<String, String>> a = new LinkedHashMap<>();
    a.put("1", Map.of("spend", "12.5", "gender", "m"));
    a.put("2", Map.of("spend", "-3", "gender", "f"));
    a.put("3", Map.of("spend", "1e2", "gender", "m"));
    Covariates c = Covariates.code(List.of("spend", "gender"), a);
    assertEquals(List.of("spend", "gender=m"), c.columns());
    assertEquals(Map.of("gender", "f"), c.referenceLevels());
    assertEquals(Map.of("spend", 100.0, "gender=m", 1.0), c.of("3").orElseThrow());
    assertEquals(Optional.empty(), c.of("4"));
    // NaN, Infinity and hexadecimal are text, so the covariate is categorical, not silently numeric.
    a.put("4", Map.of("spend", "NaN", "gender", "f"));
    assertEquals(List.of("spend=12.5", "spend=1e2", "spend=NaN"), Covariates.code(List.of("spend"), a).columns());
    a.remove("4");
    a.put("4", Map.of("gender", "f"));
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> Covariates.code(List.of("spend"), a));
    assertEquals("customer 4 has no value for the covariate spend", missing.getMessage());
    Map<String, Map<String, String>> constant = Map.of("1", Map.of("x", "1"), "2", Map.of("x", "1.0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Covariates.code(List.of("x"), constant))
        .getMessage().contains("is 1 for every customer"));
    Covariates fromCustomers = Covariates.fromCustomers(List.of(
        new Customer("a", Optional.empty(), Optional.empty(), Map.of("tier", "gold")),
        new Customer("b", Optional.empty(), Optional.empty(), Map.of("tier", "silver"))), List.of("tier"));
    assertEquals(List.of("tier=silver"), fromCustomers.columns());
  }

  @Test
  void fit_refusesBadArguments() {
    List<CovariatePattern> data = List.of(new CovariatePattern(RepeatPattern.of(1, 2, 3), Map.of("z", 1.0)));
    assertThrows(IllegalArgumentException.class, () -> CovariateModel.fit(ModelType.MBGNBD, data, List.of("z"),
        List.of(), Set.of()));
    assertThrows(IllegalArgumentException.class, () -> CovariateModel.fit(ModelType.PARETONBD, data, List.of(),
        List.of(), Set.of()));
    assertThrows(IllegalArgumentException.class, () -> CovariateModel.fit(ModelType.PARETONBD, data, List.of("z"),
        List.of(), Set.of("z")));
    assertThrows(IllegalArgumentException.class, () -> CovariateModel.fit(ModelType.PARETONBD, data, List.of("w"),
        List.of(), Set.of()));
    assertThrows(IllegalArgumentException.class, () -> new CovariatePattern(RepeatPattern.of(1, 2, 3),
        Map.of("z", Double.NaN)));
  }
}
