package io.engagekit.scoring.evaluation;

import static java.util.Objects.requireNonNull;

import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.GammaGamma;
import io.engagekit.scoring.models.LifetimeValue;
import io.engagekit.scoring.models.MbgNbd;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.ModelFitException;
import io.engagekit.scoring.models.ModelType;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.SpendPattern;
import io.engagekit.scoring.models.TransactionModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Per-customer intervals of expected spend per transaction (Gamma-Gamma) and of lifetime value
 * (the expected spend times the discounted expected transactions of a transaction model, as {@link
 * LifetimeValue} computes it), the spend and CLV half of issue 24's item 3 ({@link
 * PredictionIntervals} has P(alive) and expected transactions).
 *
 * <p>Two ways, as there: {@link #bootstrap} resamples the customers, refits both the transaction
 * model and Gamma-Gamma on each resample (on the same customers, so any dependence between the two
 * fits is kept) and takes the 2.5th and 97.5th percentiles; {@link #asymptotic} uses the delta
 * method on the two fits' covariances, block-diagonal because the two likelihoods are separate
 * (Fader, Hardie &amp; Lee 2005 assume spend independent of transactions), on the log scale:
 * Var(ln CLV) = Var(ln spend) + Var(ln discounted transactions). Both carry the uncertainty of
 * the parameters, not of the customer's own future. Coverage is checked on customers drawn with
 * known parameters in {@code ValueIntervalsTest}. Immutable once made.
 *
 * @param spend each customer's expected spend per transaction, in the order given
 * @param value each customer's lifetime value, in the order given
 * @param samples the resamples the intervals come from; 0 for {@link #asymptotic} intervals
 * @since 0.2
 */
public record ValueIntervals(List<Estimate> spend, List<Estimate> value, int samples) {
  /**
   * Copies the lists.
   *
   * @param spend see the record description
   * @param value see the record description
   * @param samples see the record description
   */
  public ValueIntervals {
    spend = List.copyOf(spend);
    value = List.copyOf(value);
  }

  /**
   * One customer: their calibration pattern and the mean spend of their repeat purchases.
   *
   * @param pattern the pattern (its count of customers ignored)
   * @param meanRepeatSpend the mean spend of the x repeat purchases; 0 when x is 0
   */
  public record Buyer(RepeatPattern pattern, double meanRepeatSpend) {
    /**
     * Validates the buyer.
     *
     * @param pattern see the record description
     * @param meanRepeatSpend see the record description
     * @throws IllegalArgumentException if the mean spend is negative or not finite
     */
    public Buyer {
      requireNonNull(pattern, "pattern");
      if (!(meanRepeatSpend >= 0 && meanRepeatSpend <= Double.MAX_VALUE)) {
        throw new IllegalArgumentException("mean repeat spend must be finite and >= 0 but was " + meanRepeatSpend);
      }
    }
  }

  /**
   * How lifetime value is discounted: as {@link LifetimeValue}'s horizon, periods and rate.
   *
   * @param horizon the horizon, in the patterns' unit, finite and {@code > 0}
   * @param periods the periods it is cut into, 1 to {@link LifetimeValue#MAX_PERIODS}
   * @param discountRate the discount rate per period, finite and {@code >= 0}
   */
  public record Discounting(double horizon, int periods, double discountRate) {}

  /**
   * Bootstraps the intervals.
   *
   * @param model {@code bgnbd}, {@code mbgnbd} or {@code paretonbd}
   * @param customers every customer, fitted and predicted
   * @param discounting how lifetime value is discounted
   * @param samples the number of resamples, 2 to {@link Bootstrap#MAX_SAMPLES}
   * @param seed the seed
   * @return an interval per customer, with the prediction of the fits on all customers as its value
   * @throws IllegalArgumentException if an argument is out of range, or the predictions held would
   *     exceed {@link PredictionIntervals#MAX_PREDICTIONS}
   * @throws ModelFitException if a model cannot be fitted on all customers, or on more than one
   *     resample in ten
   * @throws ArithmeticException if the fitted Gamma-Gamma has no finite mean spend (q ≤ 1)
   */
  public static ValueIntervals bootstrap(String model, List<Buyer> customers, Discounting discounting, int samples,
      long seed) {
    return bootstrap(model, customers, customers, discounting, samples, seed);
  }

  /**
   * Bootstraps the intervals of other customers than those resampled, such as a few of interest or
   * new ones, against a fitted population.
   *
   * @param model {@code bgnbd}, {@code mbgnbd} or {@code paretonbd}
   * @param customers the customers the models are fitted and refitted on
   * @param targets the customers to predict
   * @param discounting how lifetime value is discounted
   * @param samples the number of resamples, 2 to {@link Bootstrap#MAX_SAMPLES}
   * @param seed the seed
   * @return an interval per target, in order
   * @throws IllegalArgumentException as for {@link #bootstrap(String, List, Discounting, int, long)}
   * @throws ModelFitException as for {@link #bootstrap(String, List, Discounting, int, long)}
   */
  public static ValueIntervals bootstrap(String model, List<Buyer> customers, List<Buyer> targets,
      Discounting discounting, int samples, long seed) {
    requireNonNull(model, "model");
    Buyer[] out = requireNonNull(targets, "targets").toArray(new Buyer[0]);
    requireNonNull(discounting, "discounting");
    if (!List.of("bgnbd", "mbgnbd", "paretonbd").contains(model)) {
      throw new IllegalArgumentException("model must be bgnbd, mbgnbd or paretonbd but was " + model);
    }
    if (samples < 2 || samples > Bootstrap.MAX_SAMPLES) {
      throw new IllegalArgumentException("samples must be in [2, " + Bootstrap.MAX_SAMPLES + "] but was " + samples);
    }
    Buyer[] all = requireNonNull(customers, "customers").toArray(new Buyer[0]);
    int n = all.length;
    if (n == 0) {
      throw new IllegalArgumentException("there must be at least one customer");
    }
    if ((long) out.length * samples > PredictionIntervals.MAX_PREDICTIONS) {
      throw new IllegalArgumentException(out.length + " customers × " + samples + " resamples exceeds the "
          + PredictionIntervals.MAX_PREDICTIONS + " predictions held; use fewer resamples or customers");
    }
    LifetimeValue whole = lifetime(model, Arrays.asList(all), discounting);
    double[][] spend = new double[out.length][samples];
    double[][] value = new double[out.length][samples];
    SplittableRandom random = new SplittableRandom(seed);
    List<Buyer> resample = new ArrayList<>(n);
    int failed = 0;
    for (int k = 0; k < samples; ) {
      resample.clear();
      for (int i = 0; i < n; i++) {
        resample.add(all[random.nextInt(n)]);
      }
      LifetimeValue v;
      try {
        v = lifetime(model, resample, discounting);
        v.spend().meanSpend(); // q > 1, or the resample's spend has no mean
      } catch (ModelFitException | IllegalArgumentException | ArithmeticException e) {
        if (++failed * 10L > samples) {
          throw new ModelFitException("the models could not be fitted on " + failed + " of the resamples so far ("
              + e.getMessage() + "): too few customers to bootstrap them");
        }
        continue;
      }
      for (int i = 0; i < out.length; i++) {
        spend[i][k] = v.spend().expectedSpend(out[i].pattern().x(), out[i].meanRepeatSpend());
        value[i][k] = v.value(out[i].pattern(), out[i].meanRepeatSpend());
      }
      k++;
    }
    List<Estimate> s = new ArrayList<>(out.length);
    List<Estimate> e = new ArrayList<>(out.length);
    for (int i = 0; i < out.length; i++) {
      s.add(PredictionIntervals.interval(whole.spend().expectedSpend(out[i].pattern().x(), out[i].meanRepeatSpend()),
          spend[i]));
      e.add(PredictionIntervals.interval(whole.value(out[i].pattern(), out[i].meanRepeatSpend()), value[i]));
    }
    return new ValueIntervals(s, e, samples);
  }

  /**
   * Intervals from the asymptotic distribution of both fits' parameters, by the delta method (see
   * the class description): no refit, and 2(k + 3) + 1 predictions per customer.
   *
   * @param type the transaction model's type
   * @param transactions its fit, with covariance
   * @param spend the Gamma-Gamma fit, with covariance
   * @param targets the customers to predict
   * @param discounting how lifetime value is discounted
   * @param <M> the transaction model
   * @return an interval per target, with {@code samples} 0
   * @throws IllegalArgumentException if a fit has no covariance
   * @throws ArithmeticException if the Gamma-Gamma fit has no finite mean spend (q ≤ 1)
   */
  public static <M extends TransactionModel> ValueIntervals asymptotic(ModelType<M> type, ModelFit<M> transactions,
      ModelFit<GammaGamma> spend, List<Buyer> targets, Discounting discounting) {
    requireNonNull(type, "type");
    requireNonNull(transactions, "transactions");
    requireNonNull(spend, "spend");
    requireNonNull(targets, "targets");
    requireNonNull(discounting, "discounting");
    Perturbed<M> t = new Perturbed<>(type, transactions);
    Perturbed<GammaGamma> g = new Perturbed<>(ModelType.GAMMAGAMMA, spend);
    LifetimeValue at = lifetime(transactions.model(), spend.model(), discounting);
    List<LifetimeValue> tPlus = new ArrayList<>();
    List<LifetimeValue> tMinus = new ArrayList<>();
    for (int j = 0; j < t.k; j++) {
      tPlus.add(lifetime(t.plus.get(j), spend.model(), discounting));
      tMinus.add(lifetime(t.minus.get(j), spend.model(), discounting));
    }
    List<Estimate> s = new ArrayList<>(targets.size());
    List<Estimate> e = new ArrayList<>(targets.size());
    double[] gs = new double[g.k];
    double[] gt = new double[t.k];
    for (Buyer b : targets) {
      long x = requireNonNull(b, "buyer").pattern().x();
      double m = b.meanRepeatSpend();
      double sp = spend.model().expectedSpend(x, m);
      for (int j = 0; j < g.k; j++) {
        gs[j] = (Math.log(g.plus.get(j).expectedSpend(x, m)) - Math.log(g.minus.get(j).expectedSpend(x, m))) / (2 * g.h);
      }
      double varSpend = PredictionIntervals.quadratic(g.sigma, gs);
      s.add(PredictionIntervals.logInterval(sp, Math.sqrt(varSpend)));
      double d = at.discountedTransactions(b.pattern());
      if (!(d > 0)) {
        e.add(new Estimate(0, 0, 0));
        continue;
      }
      for (int j = 0; j < t.k; j++) {
        gt[j] = (Math.log(tPlus.get(j).discountedTransactions(b.pattern()))
            - Math.log(tMinus.get(j).discountedTransactions(b.pattern()))) / (2 * t.h);
      }
      e.add(PredictionIntervals.logInterval(sp * d, Math.sqrt(varSpend + PredictionIntervals.quadratic(t.sigma, gt))));
    }
    return new ValueIntervals(s, e, 0);
  }

  /**
   * Bootstraps the intervals of expected spend alone: Gamma-Gamma refitted on each resample of the
   * customers (those with x &gt; 0 and a positive mean spend enter the fit).
   *
   * @param customers the customers resampled
   * @param targets the customers to predict
   * @param samples the number of resamples, 2 to {@link Bootstrap#MAX_SAMPLES}
   * @param seed the seed
   * @return an interval per target, in order
   * @throws IllegalArgumentException if an argument is out of range
   * @throws ModelFitException if Gamma-Gamma cannot be fitted on all customers, or on more than one
   *     resample in ten
   */
  public static List<Estimate> spendBootstrap(List<Buyer> customers, List<Buyer> targets, int samples, long seed) {
    Buyer[] all = requireNonNull(customers, "customers").toArray(new Buyer[0]);
    Buyer[] out = requireNonNull(targets, "targets").toArray(new Buyer[0]);
    if (samples < 2 || samples > Bootstrap.MAX_SAMPLES) {
      throw new IllegalArgumentException("samples must be in [2, " + Bootstrap.MAX_SAMPLES + "] but was " + samples);
    }
    if (all.length == 0) {
      throw new IllegalArgumentException("there must be at least one customer");
    }
    if ((long) out.length * samples > PredictionIntervals.MAX_PREDICTIONS) {
      throw new IllegalArgumentException(out.length + " customers × " + samples + " resamples exceeds the "
          + PredictionIntervals.MAX_PREDICTIONS + " predictions held; use fewer resamples or customers");
    }
    GammaGamma whole = GammaGamma.fit(spends(Arrays.asList(all))).model();
    double[][] spend = new double[out.length][samples];
    SplittableRandom random = new SplittableRandom(seed);
    List<Buyer> resample = new ArrayList<>(all.length);
    int failed = 0;
    for (int k = 0; k < samples; ) {
      resample.clear();
      for (int i = 0; i < all.length; i++) {
        resample.add(all[random.nextInt(all.length)]);
      }
      GammaGamma g;
      try {
        g = GammaGamma.fit(spends(resample)).model();
        g.meanSpend();
      } catch (ModelFitException | IllegalArgumentException | ArithmeticException e) {
        if (++failed * 10L > samples) {
          throw new ModelFitException("Gamma-Gamma could not be fitted on " + failed + " of the resamples so far ("
              + e.getMessage() + "): too few repeat buyers to bootstrap it");
        }
        continue;
      }
      for (int i = 0; i < out.length; i++) {
        spend[i][k] = g.expectedSpend(out[i].pattern().x(), out[i].meanRepeatSpend());
      }
      k++;
    }
    List<Estimate> s = new ArrayList<>(out.length);
    for (int i = 0; i < out.length; i++) {
      s.add(PredictionIntervals.interval(whole.expectedSpend(out[i].pattern().x(), out[i].meanRepeatSpend()),
          spend[i]));
    }
    return s;
  }

  /**
   * Intervals of expected spend alone from the Gamma-Gamma fit's covariance, by the delta method on
   * the log scale.
   *
   * @param spend the Gamma-Gamma fit, with covariance
   * @param targets the customers to predict
   * @return an interval per target, in order
   * @throws IllegalArgumentException if the fit has no covariance
   * @throws ArithmeticException if the fit has no finite mean spend (q ≤ 1)
   */
  public static List<Estimate> spendAsymptotic(ModelFit<GammaGamma> spend, List<Buyer> targets) {
    Perturbed<GammaGamma> g = new Perturbed<>(ModelType.GAMMAGAMMA, requireNonNull(spend, "spend"));
    List<Estimate> s = new ArrayList<>(targets.size());
    double[] gs = new double[g.k];
    for (Buyer b : targets) {
      long x = requireNonNull(b, "buyer").pattern().x();
      double m = b.meanRepeatSpend();
      for (int j = 0; j < g.k; j++) {
        gs[j] = (Math.log(g.plus.get(j).expectedSpend(x, m)) - Math.log(g.minus.get(j).expectedSpend(x, m))) / (2 * g.h);
      }
      s.add(PredictionIntervals.logInterval(spend.model().expectedSpend(x, m), Math.sqrt(PredictionIntervals.quadratic(g.sigma, gs))));
    }
    return s;
  }

  private static List<SpendPattern> spends(List<Buyer> customers) {
    List<SpendPattern> spends = new ArrayList<>();
    for (Buyer b : customers) {
      if (b.pattern().x() > 0 && b.meanRepeatSpend() > 0) {
        spends.add(SpendPattern.of(b.pattern().x(), b.meanRepeatSpend()));
      }
    }
    return spends;
  }

  /** A fit's models at each log-parameter moved by ±h, and the covariance of the log-parameters. */
  private static final class Perturbed<M> {
    final double h = 1e-4;
    final int k;
    final List<M> plus = new ArrayList<>();
    final List<M> minus = new ArrayList<>();
    final double[][] sigma;

    Perturbed(ModelType<M> type, ModelFit<M> fit) {
      List<String> names = type.parameters();
      k = names.size();
      if (fit.covariance().size() != k) {
        throw new IllegalArgumentException("the " + type.name() + " fit has no covariance of its parameters to take "
            + "intervals from");
      }
      sigma = new double[k][k];
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          sigma[i][j] = fit.covariance().get(names.get(i)).get(names.get(j))
              / (fit.parameters().get(names.get(i)) * fit.parameters().get(names.get(j)));
        }
      }
      for (int j = 0; j < k; j++) {
        plus.add(type.create(moved(names, fit.parameters(), j, h)));
        minus.add(type.create(moved(names, fit.parameters(), j, -h)));
      }
    }

    private static Map<String, Double> moved(List<String> names, Map<String, Double> p, int j, double step) {
      Map<String, Double> out = new LinkedHashMap<>();
      for (int i = 0; i < names.size(); i++) {
        out.put(names.get(i), p.get(names.get(i)) * (i == j ? Math.exp(step) : 1));
      }
      return out;
    }
  }

  /** The two models fitted on the customers. */
  private static LifetimeValue lifetime(String model, List<Buyer> customers, Discounting d) {
    List<RepeatPattern> patterns = new ArrayList<>(customers.size());
    for (Buyer b : customers) {
      patterns.add(b.pattern());
    }
    TransactionModel m = switch (model) {
      case "bgnbd" -> BgNbd.fit(patterns).model();
      case "mbgnbd" -> MbgNbd.fit(patterns).model();
      default -> ParetoNbd.fit(patterns).model();
    };
    return lifetime(m, GammaGamma.fit(spends(customers)).model(), d);
  }

  private static LifetimeValue lifetime(TransactionModel m, GammaGamma g, Discounting d) {
    return new LifetimeValue(m, g, d.horizon(), d.periods(), d.discountRate());
  }






}
