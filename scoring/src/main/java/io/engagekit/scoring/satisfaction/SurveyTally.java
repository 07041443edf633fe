package io.engagekit.scoring.satisfaction;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.SurveyMetric;
import io.engagekit.core.SurveyResponse;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Counts survey answers by metric and score, and reads population satisfaction from the counts:
 * NPS, CSAT and CES, each with a 95% confidence interval.
 *
 * <p>The tally is a fixed-size summary (one counter per point of each scale: 6 + 11 + 8 longs), so
 * it takes one answer at a time without allocating and {@linkplain #combine combines} exactly with
 * another tally: the tally of a split population, combined in any order, equals the tally of the
 * whole. Not thread-safe; give each thread its own tally and combine them, as with {@link
 * java.util.LongSummaryStatistics}:
 *
 * <pre>{@code
 * SurveyTally tally = responses.parallelStream()
 *     .collect(SurveyTally::new, SurveyTally::accept, SurveyTally::combine);
 * double nps = tally.nps().orElseThrow().nps();
 * }</pre>
 *
 * <p>Figures are read, never stored: each reader returns empty when the metric has no answers.
 *
 * @since 0.1
 */
public final class SurveyTally {
  /* design note
   * NPS = %promoters (9-10) - %detractors (0-6). With n answers split into promoter, passive and
   * detractor counts, (P, D) is trinomial, so Var(NPS) = (pP + pD - (pP - pD)^2) / n; the interval is
   * the normal (Wald) one, NPS +- z * sqrt(Var), truncated to [-100, 100].
   * CSAT = top-2-box share (answers of 4 or 5 on 1-5). Its interval is Wilson's score interval
   * (Wilson 1927), which stays inside [0, 1] and behaves at 0 and n; Newcombe (1998, Statistics in
   * Medicine 17:857-872) compares it with six other methods and tabulates the examples our tests use.
   * CES = the mean of 1-7 answers, with the normal interval mean +- z * s / sqrt(n) (s with n - 1),
   * and the share of easy answers (5-7).
   */

  /** The standard normal quantile for a two-sided 95% interval. */
  static final double Z95 = 1.959963984540054;

  private final long[] csat = new long[SurveyMetric.CSAT.max() + 1];
  private final long[] nps = new long[SurveyMetric.NPS.max() + 1];
  private final long[] ces = new long[SurveyMetric.CES.max() + 1];

  /** Creates an empty tally. */
  public SurveyTally() {}

  /**
   * Counts one answer.
   *
   * @param response a survey response
   */
  public void accept(SurveyResponse response) {
    counts(response.metric())[response.score()]++;
  }

  /**
   * Counts {@code count} answers of one score at once, for data that arrive aggregated.
   *
   * @param metric the metric
   * @param score a score on the metric's scale
   * @param count how many answers, {@code >= 0}
   * @throws IllegalArgumentException if the score is off the scale or the count negative
   * @throws ArithmeticException if the count for that score would overflow a long
   */
  public void add(SurveyMetric metric, int score, long count) {
    requireNonNull(metric, "metric");
    if (!metric.contains(score)) {
      throw new IllegalArgumentException(
          "score must be in [" + metric.min() + ", " + metric.max() + "] for " + metric.code() + " but was " + score);
    }
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0 but was " + count);
    }
    long[] c = counts(metric);
    c[score] = Math.addExact(c[score], count);
  }

  /**
   * Adds another tally's counts to this one. {@code a.combine(b)} leaves {@code a} equal to the
   * tally of both populations; {@code b} is unchanged.
   *
   * @param other another tally
   * @throws ArithmeticException if a count would overflow a long
   */
  public void combine(SurveyTally other) {
    requireNonNull(other, "other");
    for (SurveyMetric m : SurveyMetric.values()) {
      long[] mine = counts(m);
      long[] theirs = other.counts(m);
      for (int s = 0; s < mine.length; s++) {
        mine[s] = Math.addExact(mine[s], theirs[s]);
      }
    }
  }

  /**
   * Returns how many answers of a metric were counted.
   *
   * @param metric the metric
   * @return the number of answers
   */
  public long count(SurveyMetric metric) {
    long n = 0;
    for (long c : counts(requireNonNull(metric, "metric"))) {
      n += c;
    }
    return n;
  }

  /**
   * Returns how many answers of one score were counted.
   *
   * @param metric the metric
   * @param score a score on its scale
   * @return the count
   * @throws IllegalArgumentException if the score is off the scale
   */
  public long count(SurveyMetric metric, int score) {
    if (!requireNonNull(metric, "metric").contains(score)) {
      throw new IllegalArgumentException(
          "score must be in [" + metric.min() + ", " + metric.max() + "] for " + metric.code() + " but was " + score);
    }
    return counts(metric)[score];
  }

  /**
   * Returns the Net Promoter Score of the NPS answers.
   *
   * @return the summary, or empty when there are no NPS answers
   */
  public Optional<NpsSummary> nps() {
    long n = count(SurveyMetric.NPS);
    if (n == 0) {
      return Optional.empty();
    }
    long promoters = nps[9] + nps[10];
    long passives = nps[7] + nps[8];
    long detractors = n - promoters - passives;
    double pP = (double) promoters / n;
    double pD = (double) detractors / n;
    // From the counts, so that 30 promoters and 20 detractors of 100 give exactly 10.0.
    double score = 100.0 * (promoters - detractors) / n;
    double half = 100.0 * Z95 * Math.sqrt(Math.max(0.0, pP + pD - (pP - pD) * (pP - pD)) / n);
    return Optional.of(new NpsSummary(
        n,
        100.0 * promoters / n,
        100.0 * passives / n,
        100.0 * detractors / n,
        score,
        Math.max(-100.0, score - half),
        Math.min(100.0, score + half)));
  }

  /**
   * Returns customer satisfaction from the CSAT answers: the top-2-box share and the mean.
   *
   * @return the summary, or empty when there are no CSAT answers
   */
  public Optional<CsatSummary> csat() {
    long n = count(SurveyMetric.CSAT);
    if (n == 0) {
      return Optional.empty();
    }
    long satisfied = csat[4] + csat[5];
    double[] ci = wilson(satisfied, n);
    return Optional.of(new CsatSummary(n, 100.0 * satisfied / n, mean(csat, n), 100.0 * ci[0], 100.0 * ci[1]));
  }

  /**
   * Returns customer effort from the CES answers: the mean and the share of easy answers (5–7).
   *
   * @return the summary, or empty when there are no CES answers
   */
  public Optional<CesSummary> ces() {
    long n = count(SurveyMetric.CES);
    if (n == 0) {
      return Optional.empty();
    }
    double mean = mean(ces, n);
    double squares = 0;
    for (int s = 1; s < ces.length; s++) {
      squares += ces[s] * (s - mean) * (s - mean);
    }
    double half = n > 1 ? Z95 * Math.sqrt(squares / (n - 1) / n) : 0.0;
    return Optional.of(new CesSummary(
        n, mean, 100.0 * (ces[5] + ces[6] + ces[7]) / n, mean - half, mean + half));
  }

  /** Wilson's score interval for {@code x} successes in {@code n} trials, at 95%. */
  static double[] wilson(long x, long n) {
    double p = (double) x / n;
    double z2 = Z95 * Z95;
    double d = 1 + z2 / n;
    double centre = (p + z2 / (2.0 * n)) / d;
    double half = Z95 / d * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
    return new double[] {Math.max(0.0, centre - half), Math.min(1.0, centre + half)};
  }

  private static double mean(long[] counts, long n) {
    double sum = 0;
    for (int s = 0; s < counts.length; s++) {
      sum += (double) s * counts[s];
    }
    return sum / n;
  }

  private long[] counts(SurveyMetric metric) {
    switch (metric) {
      case CSAT:
        return csat;
      case NPS:
        return nps;
      case CES:
        return ces;
      default:
        throw new AssertionError(metric);
    }
  }

  /** Tallies are equal when every count is equal. */
  /**
   * Returns the population figures of a satisfaction strategy's metric, by the strategy's registry
   * name: for {@code satisfaction.nps} responses, nps, promoters, passives, detractors, ciLow and
   * ciHigh; for {@code satisfaction.csat} responses, csat, mean, ciLow and ciHigh; for {@code
   * satisfaction.ces} responses, mean, easy, ciLow and ciHigh. Empty for any other strategy, and
   * when the metric has no answer.
   *
   * @param strategy a strategy name
   * @return the figures in that order ({@code responses} a {@link Long}, the others {@link Double}s)
   */
  public Map<String, Number> figures(String strategy) {
    Map<String, Number> f = new LinkedHashMap<>();
    switch (strategy) {
      case "satisfaction.nps" -> nps().ifPresent(s -> {
        f.put("responses", s.responses());
        f.put("nps", s.nps());
        f.put("promoters", s.promoters());
        f.put("passives", s.passives());
        f.put("detractors", s.detractors());
        f.put("ciLow", s.ciLow());
        f.put("ciHigh", s.ciHigh());
      });
      case "satisfaction.csat" -> csat().ifPresent(s -> {
        f.put("responses", s.responses());
        f.put("csat", s.csat());
        f.put("mean", s.mean());
        f.put("ciLow", s.ciLow());
        f.put("ciHigh", s.ciHigh());
      });
      case "satisfaction.ces" -> ces().ifPresent(s -> {
        f.put("responses", s.responses());
        f.put("mean", s.mean());
        f.put("easy", s.easy());
        f.put("ciLow", s.ciLow());
        f.put("ciHigh", s.ciHigh());
      });
      default -> { }
    }
    return Collections.unmodifiableMap(f);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof SurveyTally
        && Arrays.equals(csat, ((SurveyTally) o).csat)
        && Arrays.equals(nps, ((SurveyTally) o).nps)
        && Arrays.equals(ces, ((SurveyTally) o).ces);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(csat) + Arrays.hashCode(nps)) + Arrays.hashCode(ces);
  }

  @Override
  public String toString() {
    return "SurveyTally[csat=" + Arrays.toString(csat) + ", nps=" + Arrays.toString(nps)
        + ", ces=" + Arrays.toString(ces) + "]";
  }

  /**
   * Net Promoter Score of a population. Percentages are of all NPS answers.
   *
   * @param responses the number of NPS answers
   * @param promoters the share of 9s and 10s, in percent
   * @param passives the share of 7s and 8s, in percent
   * @param detractors the share of 0s to 6s, in percent
   * @param nps promoters minus detractors, from -100 to 100
   * @param ciLow the lower end of the 95% interval (trinomial variance, normal approximation)
   * @param ciHigh the upper end of the 95% interval
   */
  public record NpsSummary(
      long responses, double promoters, double passives, double detractors, double nps, double ciLow, double ciHigh) {}

  /**
   * Customer satisfaction of a population.
   *
   * @param responses the number of CSAT answers
   * @param csat the top-2-box share: answers of 4 or 5, in percent
   * @param mean the mean answer, from 1 to 5
   * @param ciLow the lower end of the 95% Wilson interval of {@code csat}, in percent
   * @param ciHigh the upper end of the 95% Wilson interval of {@code csat}, in percent
   */
  public record CsatSummary(long responses, double csat, double mean, double ciLow, double ciHigh) {}

  /**
   * Customer effort of a population (7 = very easy).
   *
   * @param responses the number of CES answers
   * @param mean the mean answer, from 1 to 7
   * @param easy the share of answers from 5 to 7, in percent
   * @param ciLow the lower end of the 95% normal interval of {@code mean}
   * @param ciHigh the upper end of the 95% normal interval of {@code mean}
   */
  public record CesSummary(long responses, double mean, double easy, double ciLow, double ciHigh) {}
}
