package io.engagekit.scoring.journeys;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.Journey;
import io.engagekit.core.JourneyOutcome;
import io.engagekit.core.JourneyPath;
import io.engagekit.core.Touchpoint;
import io.engagekit.core.TouchpointKind;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores journeys and touchpoints on 0–100, each score explained by factor.
 *
 * <p><b>Journey score.</b> The weighted mean of the factors the journey informs, each a quality in
 * [0, 1]; a factor the journey does not inform is left out and the others' weights rescaled. Each
 * factor contributes its weight share times its quality times 100, so the contributions add up to
 * the score.
 *
 * <table>
 *   <caption>The journey factors</caption>
 *   <tr><th>factor</th><th>weight</th><th>quality</th><th>informed when</th></tr>
 *   <tr><td>{@code outcome}</td><td>0.35</td><td>completed 1, in progress 0.5, abandoned 0.2,
 *       failed 0</td><td>always</td></tr>
 *   <tr><td>{@code duration}</td><td>0.15</td><td>min(1, expected / actual)</td><td>the journey
 *       ended and its type has an expected duration</td></tr>
 *   <tr><td>{@code channel_switches}</td><td>0.10</td><td>1 − switches / (touchpoints − 1): a switch
 *       is a touchpoint on another channel than the one before</td><td>2 touchpoints or more</td></tr>
 *   <tr><td>{@code response_time}</td><td>0.15</td><td>the mean over touchpoints with a response
 *       time of min(1, target / response time)</td><td>a touchpoint has a response time</td></tr>
 *   <tr><td>{@code failures}</td><td>0.15</td><td>1 / (1 + failure touchpoints)</td><td>a
 *       touchpoint</td></tr>
 *   <tr><td>{@code repeat_contacts}</td><td>0.10</td><td>1 / (1 + contacts after the first): support
 *       contacts and complaints in one journey are for the same need</td><td>a touchpoint</td></tr>
 * </table>
 *
 * <p>The weights follow the source material's emphasis: whether the customer got what they came
 * for matters most; failures and slow responses are first-class negative signals (a quarter of
 * customers defect after one bad experience); switching channels and contacting again for the same
 * need are the effort that makes a journey frustrating even when each contact is pleasant.
 *
 * <p><b>Touchpoint score.</b> The mean quality of single touchpoints, 100 times: a touchpoint's
 * quality is the mean of the parts it informs, {@code sentiment} ((s + 1) / 2), {@code
 * response_time} (min(1, target / response time)) and {@code success} (0 for a failure kind, else
 * 1). The contributions are the parts' shares.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class JourneyScorer {
  /** The weight of {@code outcome}. */
  public static final double OUTCOME_WEIGHT = 0.35;
  /** The weight of {@code duration}. */
  public static final double DURATION_WEIGHT = 0.15;
  /** The weight of {@code channel_switches}. */
  public static final double SWITCHES_WEIGHT = 0.10;
  /** The weight of {@code response_time}. */
  public static final double RESPONSE_WEIGHT = 0.15;
  /** The weight of {@code failures}. */
  public static final double FAILURES_WEIGHT = 0.15;
  /** The weight of {@code repeat_contacts}. */
  public static final double REPEATS_WEIGHT = 0.10;

  private final JourneySettings settings;
  private final double targetSeconds;

  /**
   * Creates a scorer.
   *
   * @param settings the failure kinds, response target and expected durations
   */
  public JourneyScorer(JourneySettings settings) {
    this.settings = requireNonNull(settings, "settings");
    this.targetSeconds = settings.responseTarget().toNanos() / 1e9;
  }

  /**
   * Returns the settings.
   *
   * @return the settings
   */
  public JourneySettings settings() {
    return settings;
  }

  /**
   * Scores one journey.
   *
   * @param path the journey with its touchpoints
   * @return the score, with a contribution per informed factor
   */
  public Score journey(JourneyPath path) {
    Journey j = requireNonNull(path, "path").journey();
    List<Touchpoint> ts = path.touchpoints();
    Map<String, double[]> factors = new LinkedHashMap<>(); // name -> {weight, quality}
    factors.put("outcome", new double[] {OUTCOME_WEIGHT, outcomeQuality(j.outcome())});
    Duration expected = settings.expectedDurations().get(j.type());
    if (expected != null && j.end().isPresent()) {
      double actual = Duration.between(j.start(), j.end().get()).toNanos() / 1e9;
      double wanted = expected.toNanos() / 1e9;
      factors.put("duration", new double[] {DURATION_WEIGHT, actual <= wanted ? 1 : wanted / actual});
    }
    if (ts.size() >= 2) {
      int switches = 0;
      for (int i = 1; i < ts.size(); i++) {
        if (!ts.get(i).channel().equals(ts.get(i - 1).channel())) {
          switches++;
        }
      }
      factors.put("channel_switches", new double[] {SWITCHES_WEIGHT, 1 - switches / (double) (ts.size() - 1)});
    }
    double response = 0;
    int responses = 0;
    int failures = 0;
    int contacts = 0;
    for (Touchpoint t : ts) {
      if (t.responseSeconds().isPresent()) {
        response += responseQuality(t.responseSeconds().getAsDouble());
        responses++;
      }
      if (settings.failures().contains(t.kind())) {
        failures++;
      }
      if (t.kind() == TouchpointKind.SUPPORT_CONTACT || t.kind() == TouchpointKind.COMPLAINT) {
        contacts++;
      }
    }
    if (responses > 0) {
      factors.put("response_time", new double[] {RESPONSE_WEIGHT, response / responses});
    }
    if (!ts.isEmpty()) {
      factors.put("failures", new double[] {FAILURES_WEIGHT, 1.0 / (1 + failures)});
      factors.put("repeat_contacts", new double[] {REPEATS_WEIGHT, 1.0 / (1 + Math.max(0, contacts - 1))});
    }
    double total = 0;
    for (double[] f : factors.values()) {
      total += f[0];
    }
    List<Contribution> parts = new ArrayList<>();
    for (Map.Entry<String, double[]> e : factors.entrySet()) {
      parts.add(new Contribution(e.getKey(), 100 * e.getValue()[0] / total * e.getValue()[1]));
    }
    return Score.of(parts);
  }

  /**
   * Scores single touchpoints: the mean quality of each, ignoring the journeys they form.
   *
   * @param touchpoints the touchpoints
   * @return the score, with contributions {@code sentiment}, {@code response_time} and {@code
   *     success} for the parts some touchpoint informs; {@link Score#noEvidence no evidence} when there are none
   */
  public Score touchpoints(Collection<Touchpoint> touchpoints) {
    requireNonNull(touchpoints, "touchpoints");
    if (touchpoints.isEmpty()) {
      return Score.noEvidence("no touchpoints");
    }
    double sentiment = 0;
    double response = 0;
    double success = 0;
    boolean anySentiment = false;
    boolean anyResponse = false;
    for (Touchpoint t : touchpoints) {
      int parts = 1 + (t.sentiment().isPresent() ? 1 : 0) + (t.responseSeconds().isPresent() ? 1 : 0);
      if (t.sentiment().isPresent()) {
        sentiment += (t.sentiment().getAsDouble() + 1) / 2 / parts;
        anySentiment = true;
      }
      if (t.responseSeconds().isPresent()) {
        response += responseQuality(t.responseSeconds().getAsDouble()) / parts;
        anyResponse = true;
      }
      success += (settings.failures().contains(t.kind()) ? 0 : 1.0) / parts;
    }
    double scale = 100.0 / touchpoints.size();
    List<Contribution> out = new ArrayList<>();
    if (anySentiment) {
      out.add(new Contribution("sentiment", scale * sentiment));
    }
    if (anyResponse) {
      out.add(new Contribution("response_time", scale * response));
    }
    out.add(new Contribution("success", scale * success));
    return Score.of(out);
  }

  /**
   * Scores a customer from their journeys: λ times the mean journey score plus 1 − λ times the
   * touchpoint score of all the journeys' touchpoints. When the journeys have no touchpoints, the
   * journey score alone. Contributions are the journey factors, named {@code journey:FACTOR}, and
   * the touchpoint parts, {@code touchpoint:PART}, each scaled by its weight; measures {@code
   * journey_score}, {@code touchpoint_score} (when there are touchpoints) and {@code journeys}.
   *
   * @param journeys the customer's journeys
   * @param lambda the journeys' weight, in [0, 1]
   * @return the score; {@link Score#noEvidence no evidence} when there are no journeys
   * @throws IllegalArgumentException if {@code lambda} is outside [0, 1]
   */
  public Score customer(Collection<JourneyPath> journeys, double lambda) {
    checkLambda(lambda);
    if (requireNonNull(journeys, "journeys").isEmpty()) {
      return Score.noEvidence("no journeys");
    }
    Map<String, Double> journeyParts = new LinkedHashMap<>();
    List<Touchpoint> all = new ArrayList<>();
    double journeySum = 0;
    for (JourneyPath p : journeys) {
      Score s = journey(p);
      journeySum += s.value();
      for (Contribution c : s.contributions()) {
        journeyParts.merge(c.name(), c.value() / journeys.size(), Double::sum);
      }
      all.addAll(p.touchpoints());
    }
    // The sum, then one division: a sum of scores of at most 100 rounds to at most 100·n, so the mean
    // stays in [0, 100] (adding each score / n could overshoot 100 by an ulp).
    double journeyScore = journeySum / journeys.size();
    Map<String, Double> measures = new LinkedHashMap<>();
    measures.put("journey_score", journeyScore);
    double weight = lambda;
    Score touch = touchpoints(all);
    if (all.isEmpty()) {
      weight = 1;
    } else {
      measures.put("touchpoint_score", touch.value());
    }
    measures.put("journeys", (double) journeys.size());
    List<Contribution> parts = new ArrayList<>();
    for (Map.Entry<String, Double> e : journeyParts.entrySet()) {
      parts.add(new Contribution("journey:" + e.getKey(), weight * e.getValue()));
    }
    for (Contribution c : touch.contributions()) {
      parts.add(new Contribution("touchpoint:" + c.name(), (1 - weight) * c.value()));
    }
    return Score.of(parts).withMeasures(measures);
  }

  static void checkLambda(double lambda) {
    if (!(lambda >= 0 && lambda <= 1)) {
      throw new IllegalArgumentException("the journeys' weight lambda must be in [0, 1] but was " + lambda);
    }
  }

  private double responseQuality(double seconds) {
    return seconds <= targetSeconds ? 1 : targetSeconds / seconds;
  }

  private static double outcomeQuality(JourneyOutcome outcome) {
    return switch (outcome) {
      case COMPLETED -> 1;
      case IN_PROGRESS -> 0.5;
      case ABANDONED -> 0.2;
      case FAILED -> 0;
    };
  }
}
