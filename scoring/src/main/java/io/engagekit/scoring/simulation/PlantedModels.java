package io.engagekit.scoring.simulation;

import static java.util.Objects.requireNonNull;

import io.engagekit.scoring.models.BgBb;
import io.engagekit.scoring.models.BgNbd;
import io.engagekit.scoring.models.CovariateModel;
import io.engagekit.scoring.models.DiscretePattern;
import io.engagekit.scoring.models.GGompertzNbd;
import io.engagekit.scoring.models.ParetoNbd;
import io.engagekit.scoring.models.RepeatPattern;
import io.engagekit.scoring.models.Sbg;
import io.engagekit.scoring.models.TransactionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ChengBetaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Customers drawn from a customer-base model with chosen parameters, exactly as its story tells,
 * so that a fit can be checked to recover what was planted (issue 24; the check CLVTools #65 asks
 * for). Each customer's latent rates are drawn from the model's mixing distributions, then their
 * purchases from the process; the result is what the model is fitted on.
 *
 * <ul>
 *   <li>{@link #bgNbd}: λ ~ Gamma(r, rate α), p ~ Beta(a, b); a first purchase at time 0, then
 *       purchases at exponential(λ) gaps, after each of which the customer drops out with
 *       probability p (Fader, Hardie &amp; Lee 2005);
 *   <li>{@link #paretoNbd}: λ ~ Gamma(r, rate α), μ ~ Gamma(s, rate β); purchases at exponential(λ)
 *       gaps while alive, for an exponential(μ) lifetime (Schmittlein, Morrison &amp; Colombo 1987);
 *   <li>{@link #ggomNbd}: λ ~ Gamma(r, rate α), η ~ Gamma(s, rate β); purchases at exponential(λ)
 *       gaps while alive, for a Gompertz lifetime with P(τ &gt; t) = exp(−η(e<sup>bt</sup> − 1)),
 *       drawn as ln(1 + E/η)/b with E exponential(1) (Bemmaor &amp; Glady 2012);
 *   <li>{@link #bgBb}: p ~ Beta(α, β), θ ~ Beta(γ, δ); before each opportunity the customer survives
 *       with probability 1 − θ, and if alive transacts with probability p (Fader, Hardie &amp; Shang
 *       2010);
 *   <li>{@link #sbg}: θ ~ Beta(α, β); at the end of each period an active customer cancels with
 *       probability θ (Fader &amp; Hardie 2007).
 * </ul>
 *
 * <p>Gamma, beta and exponential variates come from Apache Commons RNG's samplers (Marsaglia–Tsang,
 * Cheng, ziggurat) over a {@link SplittableRandom}; each customer draws from a stream split off the
 * seed, so the same arguments give the same customers. Stateless and thread-safe.
 *
 * @since 0.2
 */
public final class PlantedModels {
  private PlantedModels() {}

  /**
   * Draws a cohort from BG/NBD, every customer observed for the same time after their first purchase.
   *
   * @param model the planted parameters
   * @param customers how many customers, {@code >= 1}
   * @param observed T, how long each is observed after their first purchase, finite and {@code > 0}
   * @param seed the seed
   * @return one pattern (x, t<sub>x</sub>, T) per customer, in the order drawn
   */
  public static List<RepeatPattern> bgNbd(BgNbd model, int customers, double observed, long seed) {
    return patterns(bgNbdPurchases(model, customers, observed, seed), observed);
  }

  /**
   * Draws a cohort from BG/NBD as purchase times: the customers of {@link #bgNbd} with the same
   * arguments, each as the times of their repeat purchases after the first (at 0), in order.
   *
   * @param model the planted parameters
   * @param customers how many customers, {@code >= 1}
   * @param observed T, finite and {@code > 0}
   * @param seed the seed
   * @return each customer's repeat purchase times in (0, T], in the order drawn
   */
  public static List<double[]> bgNbdPurchases(BgNbd model, int customers, double observed, long seed) {
    requireNonNull(model, "model");
    check(customers, observed);
    SplittableRandom root = new SplittableRandom(seed);
    List<double[]> out = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      UniformRandomProvider rng = provider(root.split());
      double lambda = gamma(rng, model.r(), model.alpha());
      double p = ChengBetaSampler.of(rng, model.a(), model.b()).sample();
      List<Double> times = new ArrayList<>();
      if (lambda > 0) { // a rate that underflowed buys nothing more
        ZigguratSampler.Exponential gap = ZigguratSampler.Exponential.of(rng, 1 / lambda);
        for (double t = gap.sample(); t <= observed; t += gap.sample()) {
          times.add(t);
          if (rng.nextDouble() < p) {
            break; // drops out after this purchase
          }
        }
      }
      out.add(times.stream().mapToDouble(Double::doubleValue).toArray());
    }
    return out;
  }

  /** The patterns of customers given as repeat purchase times, observed for T. */
  private static List<RepeatPattern> patterns(List<double[]> purchases, double observed) {
    List<RepeatPattern> out = new ArrayList<>(purchases.size());
    for (double[] times : purchases) {
      out.add(RepeatPattern.of(times.length, times.length == 0 ? 0 : times[times.length - 1], observed));
    }
    return out;
  }

  /**
   * Draws a cohort from Pareto/NBD, every customer observed for the same time after their first
   * purchase.
   *
   * @param model the planted parameters
   * @param customers how many customers, {@code >= 1}
   * @param observed T, finite and {@code > 0}
   * @param seed the seed
   * @return one pattern (x, t<sub>x</sub>, T) per customer, in the order drawn
   */
  public static List<RepeatPattern> paretoNbd(ParetoNbd model, int customers, double observed, long seed) {
    return patterns(paretoNbdPurchases(model, customers, observed, seed), observed);
  }

  /**
   * Draws a cohort from Pareto/NBD as purchase times: the customers of {@link #paretoNbd} with the
   * same arguments, each as the times of their repeat purchases after the first (at 0), in order.
   *
   * @param model the planted parameters
   * @param customers how many customers, {@code >= 1}
   * @param observed T, finite and {@code > 0}
   * @param seed the seed
   * @return each customer's repeat purchase times in (0, T], in the order drawn
   */
  public static List<double[]> paretoNbdPurchases(ParetoNbd model, int customers, double observed, long seed) {
    requireNonNull(model, "model");
    check(customers, observed);
    SplittableRandom root = new SplittableRandom(seed);
    List<double[]> out = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      UniformRandomProvider rng = provider(root.split());
      double lambda = gamma(rng, model.r(), model.alpha());
      double mu = gamma(rng, model.s(), model.beta());
      double end = mu > 0 ? Math.min(observed, ZigguratSampler.Exponential.of(rng, 1 / mu).sample()) : observed;
      out.add(poisson(rng, lambda, end));
    }
    return out;
  }

  /**
   * Draws a cohort from GGompertz/NBD, every customer observed for the same time after their first
   * purchase.
   *
   * @param model the planted parameters
   * @param customers how many customers, {@code >= 1}
   * @param observed T, finite and {@code > 0}
   * @param seed the seed
   * @return one pattern (x, t<sub>x</sub>, T) per customer, in the order drawn
   */
  public static List<RepeatPattern> ggomNbd(GGompertzNbd model, int customers, double observed, long seed) {
    return patterns(ggomNbdPurchases(model, customers, observed, seed), observed);
  }

  /**
   * Draws a cohort from GGompertz/NBD as purchase times: the customers of {@link #ggomNbd} with the
   * same arguments, each as the times of their repeat purchases after the first (at 0), in order.
   *
   * @param model the planted parameters
   * @param customers how many customers, {@code >= 1}
   * @param observed T, finite and {@code > 0}
   * @param seed the seed
   * @return each customer's repeat purchase times in (0, T], in the order drawn
   */
  public static List<double[]> ggomNbdPurchases(GGompertzNbd model, int customers, double observed, long seed) {
    requireNonNull(model, "model");
    check(customers, observed);
    SplittableRandom root = new SplittableRandom(seed);
    List<double[]> out = new ArrayList<>(customers);
    for (int i = 0; i < customers; i++) {
      UniformRandomProvider rng = provider(root.split());
      double lambda = gamma(rng, model.r(), model.alpha());
      double eta = gamma(rng, model.s(), model.beta());
      double e = ZigguratSampler.Exponential.of(rng, 1).sample();
      double end = eta > 0 ? Math.min(observed, Math.log1p(e / eta) / model.b()) : observed;
      out.add(poisson(rng, lambda, end));
    }
    return out;
  }

  /**
   * Draws customers from a model with covariates: customer i from the base model at their own
   * parameters ({@link CovariateModel#forCustomer}), as {@link #bgNbdPurchases}, {@link
   * #paretoNbdPurchases} or {@link #ggomNbdPurchases} draw one customer, each from its own stream
   * split off the seed.
   *
   * @param model the planted model with its coefficients
   * @param covariates each customer's covariates, one map per customer
   * @param observed T, finite and {@code > 0}
   * @param seed the seed
   * @return each customer's repeat purchase times in (0, T], in the order given
   * @throws IllegalArgumentException if a customer's covariates lack a value the model needs
   */
  public static List<double[]> withCovariates(CovariateModel model, List<Map<String, Double>> covariates,
      double observed, long seed) {
    requireNonNull(model, "model");
    check(Math.max(1, requireNonNull(covariates, "covariates").size()), observed);
    SplittableRandom root = new SplittableRandom(seed);
    List<double[]> out = new ArrayList<>(covariates.size());
    for (Map<String, Double> z : covariates) {
      TransactionModel own = model.forCustomer(z);
      long s = root.split().nextLong();
      out.add(own instanceof BgNbd b ? bgNbdPurchases(b, 1, observed, s).get(0)
          : own instanceof GGompertzNbd g ? ggomNbdPurchases(g, 1, observed, s).get(0)
          : paretoNbdPurchases((ParetoNbd) own, 1, observed, s).get(0));
    }
    return out;
  }

  /**
   * Draws a cohort from BG/BB over the same number of opportunities after the first transaction.
   *
   * @param model the planted parameters
   * @param customers how many customers, {@code >= 1}
   * @param opportunities n, 1 to {@link DiscretePattern#MAX_PERIODS}
   * @param seed the seed
   * @return the distinct patterns with how many customers share each, by (x, t<sub>x</sub>)
   */
  public static List<DiscretePattern> bgBb(BgBb model, int customers, int opportunities, long seed) {
    requireNonNull(model, "model");
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be >= 1 but was " + customers);
    }
    if (opportunities < 1 || opportunities > DiscretePattern.MAX_PERIODS) {
      throw new IllegalArgumentException("opportunities must be in [1, " + DiscretePattern.MAX_PERIODS + "] but was "
          + opportunities);
    }
    SplittableRandom root = new SplittableRandom(seed);
    TreeMap<Long, long[]> counts = new TreeMap<>(); // key: x * (n + 1) + t_x
    for (int i = 0; i < customers; i++) {
      UniformRandomProvider rng = provider(root.split());
      double p = ChengBetaSampler.of(rng, model.alpha(), model.beta()).sample();
      double theta = ChengBetaSampler.of(rng, model.gamma(), model.delta()).sample();
      long x = 0;
      long last = 0;
      for (int t = 1; t <= opportunities; t++) {
        if (rng.nextDouble() < theta) {
          break; // dies before this opportunity
        }
        if (rng.nextDouble() < p) {
          x++;
          last = t;
        }
      }
      counts.computeIfAbsent(x * (opportunities + 1L) + last, k -> new long[1])[0]++;
    }
    List<DiscretePattern> out = new ArrayList<>(counts.size());
    counts.forEach((key, n) -> out.add(new DiscretePattern(key / (opportunities + 1L), key % (opportunities + 1L),
        opportunities, n[0])));
    return out;
  }

  /**
   * Draws a cohort from the sBG model and counts its survivors.
   *
   * @param model the planted parameters
   * @param customers the cohort's size, {@code >= 1}
   * @param periods how many periods to follow it, {@code >= 1}
   * @param seed the seed
   * @return {@code survivors[t]} for t = 0..periods, {@code survivors[0]} the cohort's size
   */
  public static long[] sbg(Sbg model, int customers, int periods, long seed) {
    requireNonNull(model, "model");
    if (customers < 1 || periods < 1) {
      throw new IllegalArgumentException("customers and periods must be >= 1 but were " + customers + " and "
          + periods);
    }
    SplittableRandom root = new SplittableRandom(seed);
    long[] survivors = new long[periods + 1];
    for (int i = 0; i < customers; i++) {
      UniformRandomProvider rng = provider(root.split());
      double theta = ChengBetaSampler.of(rng, model.alpha(), model.beta()).sample();
      survivors[0]++;
      for (int t = 1; t <= periods && !(rng.nextDouble() < theta); t++) {
        survivors[t]++;
      }
    }
    return survivors;
  }

  private static void check(int customers, double observed) {
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be >= 1 but was " + customers);
    }
    if (!(observed > 0 && observed <= Double.MAX_VALUE)) {
      throw new IllegalArgumentException("observed must be finite and > 0 but was " + observed);
    }
  }

  /** A Gamma variate of a shape and a rate (the models' parameterisation), via the sampler's scale. */
  /** The times of a Poisson process of rate λ in (0, end]; none when λ underflowed to 0. */
  private static double[] poisson(UniformRandomProvider rng, double lambda, double end) {
    List<Double> times = new ArrayList<>();
    if (lambda > 0) {
      ZigguratSampler.Exponential gap = ZigguratSampler.Exponential.of(rng, 1 / lambda);
      for (double t = gap.sample(); t <= end; t += gap.sample()) {
        times.add(t);
      }
    }
    return times.stream().mapToDouble(Double::doubleValue).toArray();
  }

  private static double gamma(UniformRandomProvider rng, double shape, double rate) {
    return AhrensDieterMarsagliaTsangGammaSampler.of(rng, shape, 1 / rate).sample();
  }

  /** Commons RNG's generator interface over a split stream: it needs only {@code nextLong}. */
  private static UniformRandomProvider provider(SplittableRandom random) {
    return random::nextLong;
  }
}
