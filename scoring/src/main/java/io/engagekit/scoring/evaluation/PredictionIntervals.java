package io.engagekit.scoring.evaluation;

import static java.util.Objects.requireNonNull;

import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.MbgNbd;
import io.engagekit.scoring.models.ModelFitException;
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
 * @param samples the resamples the intervals come from
 * @since 0.2
 */
public record PredictionIntervals(List<Estimate> alive, List<Estimate> expected, int samples) {
  /** The most predictions (customers × resamples) held at once. */
  public static final long MAX_PREDICTIONS = 50_000_000L;

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
   * @param model {@code bgnbd}, {@code mbgnbd} or {@code paretonbd}
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
   * @param model {@code bgnbd}, {@code mbgnbd} or {@code paretonbd}
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
    if (!List.of("bgnbd", "mbgnbd", "paretonbd").contains(model)) {
      throw new IllegalArgumentException("model must be bgnbd, mbgnbd or paretonbd but was " + model);
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
   * The point prediction with the 95% percentile interval of the resampled ones (as is: when the
   * resampled predictions are skewed, the point may lie outside it).
   */
  private static Estimate interval(double value, double[] resampled) {
    Arrays.sort(resampled);
    return new Estimate(value, Bootstrap.quantile(resampled, 0.025), Bootstrap.quantile(resampled, 0.975));
  }

  private static TransactionModel fit(String model, List<RepeatPattern> patterns) {
    return switch (model) {
      case "bgnbd" -> BgNbd.fit(patterns).model();
      case "mbgnbd" -> MbgNbd.fit(patterns).model();
      default -> ParetoNbd.fit(patterns).model();
    };
  }
}
