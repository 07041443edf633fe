package io.engagekit.scoring.evaluation;

import static java.util.Objects.requireNonNull;

import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.MbgNbd;
import io.engagekit.scoring.models.ModelFit;
import io.engagekit.scoring.models.ModelFitException;
import io.engagekit.scoring.models.ModelType;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.TransactionModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Per-customer prediction intervals by bootstrap (issue 24, item 3): the customers are resampled
 * with replacement, the model refitted on each resample, and each customer's P(alive) and expected
 * transactions over a horizon predicted with every refit; the 2.5th and 97.5th percentiles of those
 * predictions are the customer's 95% interval. The intervals carry the uncertainty of the
 * parameters, not the randomness of the customer's own future purchases: they answer "how sure are
 * we of this customer's expected purchases", and on customers drawn with known parameters they
 * cover the prediction made with the true parameters about 95% of the time ({@code
 * PredictionIntervalsTest}).
 *
 * <p>Costs {@code samples} fits and {@code samples × customers} predictions, and holds {@code 2 ×
 * samples × customers} doubles; at most 50,000,000 of them (for example 250,000 customers and 100
 * resamples). A resample on which the model cannot be fitted is drawn again; more than one in ten
 * fails the whole. Deterministic for a seed. Immutable once made.
 *
 * @param alive each customer's P(alive) interval, in the order given
 * @param expected each customer's E[Y(horizon)] interval, in the order given
 * @param samples the resamples the intervals come from; 0 for {@link #asymptotic} intervals
 * @since 0.2
 */
public record PredictionIntervals(List<Estimate> alive, List<Estimate> expected, int samples) {
  /** The most predictions (customers × resamples) held at once. */
  public static final long MAX_PREDICTIONS = 50_000_000L;
  /** The standard normal's 97.5th percentile. */
  private static final double Z = 1.959963984540054;

  /**
   * Copies the lists.
   *
   * @param alive see the record description
   * @param expected see the record description
   * @param samples see the record description
   */
  public PredictionIntervals {
    alive = List.copyOf(alive);
    expected = List.copyOf(expected);
  }

  /**
   * Bootstraps the intervals.
   *
   * @param model {@code bgnbd}, {@code mbgnbd}, {@code paretonbd} or {@code ggomnbd}
   * @param customers one pattern per customer (counts other than 1 are read as that many customers
   *     with the pattern, each resampled on their own)
   * @param horizon the horizon of the expected transactions, in the patterns' unit, finite and
   *     {@code >= 0}
   * @param samples the number of resamples, 2 to {@link Bootstrap#MAX_SAMPLES}
   * @param seed the seed
   * @return an interval per pattern given, with the prediction of the fit on all customers as its value
   * @throws IllegalArgumentException if an argument is out of range, or the predictions held would
   *     exceed {@link #MAX_PREDICTIONS}
   * @throws ModelFitException if the model cannot be fitted on all customers, or on more than one
   *     resample in ten
   */
  public static PredictionIntervals bootstrap(String model, List<RepeatPattern> customers, double horizon,
      int samples, long seed) {
    return bootstrap(model, customers, customers, horizon, samples, seed);
  }

  /**
   * Bootstraps the intervals of other patterns than the customers resampled: for example the
   * patterns of a frequency/recency grid, or new customers, against a fitted population.
   *
   * @param model {@code bgnbd}, {@code mbgnbd}, {@code paretonbd} or {@code ggomnbd}
   * @param customers the customers the model is fitted and refitted on (a pattern's count is read
   *     as that many customers)
   * @param targets the patterns to predict (their counts ignored)
   * @param horizon the horizon of the expected transactions, finite and {@code >= 0}
   * @param samples the number of resamples, 2 to {@link Bootstrap#MAX_SAMPLES}
   * @param seed the seed
   * @return an interval per target, in order
   * @throws IllegalArgumentException as for {@link #bootstrap(String, List, double, int, long)}
   * @throws ModelFitException as for {@link #bootstrap(String, List, double, int, long)}
   */
  public static PredictionIntervals bootstrap(String model, List<RepeatPattern> customers, List<RepeatPattern> targets,
      double horizon, int samples, long seed) {
    requireNonNull(model, "model");
    requireNonNull(customers, "customers");
    requireNonNull(targets, "targets");
    if (!List.of("bgnbd", "mbgnbd", "paretonbd", "ggomnbd").contains(model)) {
      throw new IllegalArgumentException("model must be bgnbd, mbgnbd, paretonbd or ggomnbd but was " + model);
    }
    if (!(horizon >= 0 && horizon <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("horizon must be finite and >= 0 but was " + horizon);
    }
    if (samples < 2 || samples > Bootstrap.MAX_SAMPLES) {
      throw new IllegalArgumentException("samples must be in [2, " + Bootstrap.MAX_SAMPLES + "] but was " + samples);
    }
    if (customers.isEmpty()) {
      throw new IllegalArgumentException("there must be at least one customer");
    }
    List<RepeatPattern> units = new ArrayList<>();
    for (RepeatPattern p : customers) {
      for (long k = requireNonNull(p, "pattern").customers(); k > 0; k--) {
        units.add(RepeatPattern.of(p.x(), p.tx(), p.T()));
      }
    }
    int n = targets.size();
    if ((long) n * samples > MAX_PREDICTIONS) {
      throw new IllegalArgumentException(n + " patterns × " + samples + " resamples exceeds the "
          + MAX_PREDICTIONS + " predictions held; use fewer resamples or customers");
    }
    TransactionModel whole = fit(model, units);
    double[][] alive = new double[n][samples];
    double[][] expected = new double[n][samples];
    SplittableRandom random = new SplittableRandom(seed);
    int failed = 0;
    List<RepeatPattern> resample = new ArrayList<>(units.size());
    for (int k = 0; k < samples; ) {
      resample.clear();
      for (int i = 0; i < units.size(); i++) {
        resample.add(units.get(random.nextInt(units.size())));
      }
      TransactionModel m;
      try {
        m = fit(model, resample);
      } catch (ModelFitException | IllegalArgumentException e) {
        if (++failed * 10L > samples) {
          throw new ModelFitException(model + " could not be fitted on " + failed + " of the resamples so far ("
              + e.getMessage() + "): too few customers to bootstrap it");
        }
        continue;
      }
      for (int i = 0; i < n; i++) {
        RepeatPattern p = targets.get(i);
        alive[i][k] = m.probabilityAlive(p);
        expected[i][k] = m.expectedTransactions(p, horizon);
      }
      k++;
    }
    List<Estimate> a = new ArrayList<>(n);
    List<Estimate> e = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      RepeatPattern p = targets.get(i);
      a.add(interval(whole.probabilityAlive(p), alive[i]));
      e.add(interval(whole.expectedTransactions(p, horizon), expected[i]));
    }
    return new PredictionIntervals(a, e, samples);
  }

  /**
   * Intervals from the asymptotic distribution of the parameters, by the delta method: far cheaper
   * than {@link #bootstrap} (no refit; 2k + 1 predictions per pattern, k the parameters), and as
   * good when the customers are many. The parameters' covariance is the fit's ({@link
   * ModelFit#covariance()}, in log-parameters); each prediction's gradient in the log-parameters is
   * taken by central differences (step 1e-4), and the interval is made on the scale where a normal
   * approximation holds best and mapped back: log for E[Y] (so it stays positive), logit for
   * P(alive) (so it stays in [0, 1]). A prediction of exactly 0 (or P(alive) of exactly 1, as
   * BG/NBD gives a customer without repeat purchases) does not depend on the parameters there and
   * gets a zero-width interval. Checked for coverage in {@code PredictionIntervalsTest}.
   *
   * @param type the model's type, to make models from perturbed parameters
   * @param fit the fit, with its covariance
   * @param targets the patterns to predict (their counts ignored)
   * @param horizon the horizon of the expected transactions, finite and {@code >= 0}
   * @param <M> the transaction model
   * @return an interval per target, with {@code samples} 0
   * @throws IllegalArgumentException if the fit has no covariance or the horizon is out of range
   * @since 0.2
   */
  public static <M extends TransactionModel> PredictionIntervals asymptotic(ModelType<M> type, ModelFit<M> fit,
      List<RepeatPattern> targets, double horizon) {
    requireNonNull(type, "type");
    requireNonNull(fit, "fit");
    requireNonNull(targets, "targets");
    if (!(horizon >= 0 && horizon <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("horizon must be finite and >= 0 but was " + horizon);
    }
    List<String> names = type.parameters();
    int k = names.size();
    if (fit.covariance().size() != k) {
      throw new IllegalArgumentException("the fit has no covariance of its parameters to take intervals from");
    }
    double[] theta = new double[k];
    double[][] sigma = new double[k][k]; // covariance of the log-parameters
    for (int i = 0; i < k; i++) {
      theta[i] = Math.log(fit.parameters().get(names.get(i)));
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        sigma[i][j] = fit.covariance().get(names.get(i)).get(names.get(j))
            / (fit.parameters().get(names.get(i)) * fit.parameters().get(names.get(j)));
      }
    }
    // Models at theta ± h e_j, made once for every target.
    double h = 1e-4;
    List<M> plus = new ArrayList<>(k);
    List<M> minus = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      plus.add(model(type, names, theta, j, h));
      minus.add(model(type, names, theta, j, -h));
    }
    M m = fit.model();
    List<Estimate> a = new ArrayList<>(targets.size());
    List<Estimate> e = new ArrayList<>(targets.size());
    double[] ga = new double[k];
    double[] ge = new double[k];
    for (RepeatPattern p : targets) {
      double alive = m.probabilityAlive(requireNonNull(p, "pattern"));
      double expected = m.expectedTransactions(p, horizon);
      for (int j = 0; j < k; j++) {
        ga[j] = (plus.get(j).probabilityAlive(p) - minus.get(j).probabilityAlive(p)) / (2 * h);
        ge[j] = (plus.get(j).expectedTransactions(p, horizon) - minus.get(j).expectedTransactions(p, horizon)) / (2 * h);
      }
      a.add(alive >= 1 || alive <= 0 ? new Estimate(alive, alive, alive)
          : logitInterval(alive, Math.sqrt(quadratic(sigma, ga)) / (alive * (1 - alive))));
      e.add(expected <= 0 ? new Estimate(expected, expected, expected)
          : logInterval(expected, Math.sqrt(quadratic(sigma, ge)) / expected));
    }
    return new PredictionIntervals(a, e, 0);
  }

  private static <M> M model(ModelType<M> type, List<String> names, double[] theta, int j, double step) {
    java.util.Map<String, Double> p = new java.util.LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      p.put(names.get(i), Math.exp(theta[i] + (i == j ? step : 0)));
    }
    return type.create(p);
  }

  static double quadratic(double[][] sigma, double[] g) {
    double v = 0;
    for (int i = 0; i < g.length; i++) {
      for (int j = 0; j < g.length; j++) {
        v += g[i] * sigma[i][j] * g[j];
      }
    }
    return Math.max(0, v);
  }

  /** value · exp(±1.96 sd) with sd the standard deviation of ln value. */
  static Estimate logInterval(double value, double sd) {
    return new Estimate(value, value * Math.exp(-Z * sd), value * Math.exp(Z * sd));
  }

  /** The logistic of logit(value) ± 1.96 sd, with sd the standard deviation of the logit. */
  private static Estimate logitInterval(double value, double sd) {
    double logit = Math.log(value / (1 - value));
    return new Estimate(value, 1 / (1 + Math.exp(-(logit - Z * sd))), 1 / (1 + Math.exp(-(logit + Z * sd))));
  }

  /**
   * The point prediction with the 95% percentile interval of the resampled ones (as is: when the
   * resampled predictions are skewed, the point may lie outside it).
   */
  static Estimate interval(double value, double[] resampled) {
    Arrays.sort(resampled);
    return new Estimate(value, Bootstrap.quantile(resampled, 0.025), Bootstrap.quantile(resampled, 0.975));
  }

  private static TransactionModel fit(String model, List<RepeatPattern> patterns) {
    return switch (model) {
      case "bgnbd" -> BgNbd.fit(patterns).model();
      case "mbgnbd" -> MbgNbd.fit(patterns).model();
      case "ggomnbd" -> io.engagekit.scoring.models.GGompertzNbd.fit(patterns).model();
      default -> ParetoNbd.fit(patterns).model();
    };
  }
}
