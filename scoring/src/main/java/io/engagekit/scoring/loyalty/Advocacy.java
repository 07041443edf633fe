package io.engagekit.scoring.loyalty;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.ContentType;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Touchpoint;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.decay.Decay;
import io.engagekit.scoring.decay.DecayedSum;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code loyalty.advocacy}: the social customer's amplified voice. Referrals, co-creation, reviews,
 * community posts and user-generated content raise the score; complaints lower it; each counts
 * more the larger the audience that saw it, on a log scale.
 *
 * <p>Each act has a weight {@code w · (1 + log10(1 + reach))} (reach absent: 1), decayed
 * exponentially with the strategy's half-life (default 180 days):
 *
 * <table>
 *   <caption>Acts and base weights</caption>
 *   <tr><th>act</th><th>w</th><th>contribution</th></tr>
 *   <tr><td>referral</td><td>3</td><td>{@code referral}</td></tr>
 *   <tr><td>co-creation</td><td>3</td><td>{@code co_creation}</td></tr>
 *   <tr><td>review, sentiment absent or {@code >= 0}</td><td>2</td><td>{@code review}</td></tr>
 *   <tr><td>community post</td><td>1</td><td>{@code community_post}</td></tr>
 *   <tr><td>any other touchpoint with user-generated content</td><td>1</td><td>{@code user_generated}</td></tr>
 *   <tr><td>complaint, or review with sentiment {@code < 0}</td><td>−2</td><td>{@code complaints}</td></tr>
 * </table>
 *
 * <p>With {@code P} the decayed positive weight and {@code N} the decayed complaint weight, the
 * score is {@code 100 · (1 − 2^(−(P − N) / 4))} when {@code P > N}, else 0: four points of net
 * advocacy make 50. Contributions: the score without complaints, {@code S⁺ = 100 · (1 − 2^(−P /
 * 4))}, split among the positive acts in proportion to their weight, and {@code complaints} the
 * (negative) difference the complaints make, {@code score − S⁺}; so they add up to the score and
 * each lies in [−100, 100]. (Shares of {@code P − N} would not: with {@code N} close to {@code P}
 * they are huge and opposite, and their sum loses the score to rounding: issue 22.)
 *
 * <ul>
 *   <li>No advocacy and no complaints: {@link Score#noEvidence}. {@code N >= P}: {@link Score#ZERO}, no
 *       contributions.
 *   <li>Other touchpoints and survey answers are ignored.
 *   <li>Order-independent; an instant before the latest act reads as of that act.
 * </ul>
 *
 * <p>Example: one referral seen by 99 people, just now: {@code P = 3 · (1 + 2) = 9}, score {@code
 * 100 · (1 − 2^(−9/4)) = 78.98}, all of it {@code referral}. The state is six exponential
 * {@link DecayedSum}s; {@code accept} does not allocate.
 */
final class Advocacy implements ScoringStrategy<Advocacy.State> {
  /** The acts, in contribution order; COMPLAINTS is the negative one. */
  enum Act {
    REFERRAL("referral", 3),
    CO_CREATION("co_creation", 3),
    REVIEW("review", 2),
    COMMUNITY_POST("community_post", 1),
    USER_GENERATED("user_generated", 1),
    COMPLAINTS("complaints", 2);

    final String contribution;
    final double weight;

    Act(String contribution, double weight) {
      this.contribution = contribution;
      this.weight = weight;
    }
  }

  /** Net advocacy that makes a score of 50. */
  static final double HALF_SCORE = 4.0;
  static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(180);
  private static final Act[] ACTS = Act.values();

  private final Decay decay;

  Advocacy(Duration halfLife) {
    this.decay = Decay.exponential(requireNonNull(halfLife, "halfLife"));
  }

  @Override
  public String name() {
    return "loyalty.advocacy";
  }

  @Override
  public String family() {
    return "loyalty";
  }

  @Override
  public String description() {
    return "Referrals, reviews, community posts and co-creation, amplified by reach (log scale), minus complaints.";
  }

  @Override
  public State newState() {
    return new State(decay);
  }

  @Override
  public Score score(State state, Instant asOf) {
    double at = DecayedSum.seconds(requireNonNull(asOf, "asOf"));
    if (state.isEmpty()) {
      return Score.noEvidence("no act of advocacy and no complaint");
    }
    double positive = 0;
    double[] mass = new double[ACTS.length];
    for (int i = 0; i < ACTS.length; i++) {
      mass[i] = state.sums[i].valueAt(at);
      if (ACTS[i] != Act.COMPLAINTS) {
        positive += mass[i];
      }
    }
    double net = positive - mass[Act.COMPLAINTS.ordinal()];
    if (!(net > 0)) {
      return Score.ZERO;
    }
    double score = 100.0 * (1.0 - Math.pow(2.0, -net / HALF_SCORE));
    double withoutComplaints = 100.0 * (1.0 - Math.pow(2.0, -positive / HALF_SCORE));
    List<Contribution> parts = new ArrayList<>(ACTS.length);
    for (int i = 0; i < ACTS.length; i++) {
      if (mass[i] > 0) {
        double part = ACTS[i] == Act.COMPLAINTS ? score - withoutComplaints : withoutComplaints * (mass[i] / positive);
        parts.add(new Contribution(ACTS[i].contribution, part));
      }
    }
    return Score.of(parts);
  }

  @Override
  public State readState(DataInput in) throws IOException {
    State s = new State(decay);
    for (int i = 0; i < s.sums.length; i++) {
      s.sums[i] = DecayedSum.readFrom(decay, in);
    }
    return s;
  }

  @Override
  public String toString() {
    return name() + "[halfLife=" + decay.scale() + "]";
  }

  /** Which act a touchpoint is, or null when it is none. */
  static Act actOf(Touchpoint t) {
    switch (t.kind()) {
      case REFERRAL:
        return Act.REFERRAL;
      case CO_CREATION:
        return Act.CO_CREATION;
      case REVIEW:
        return t.sentimentOr(0) < 0 ? Act.COMPLAINTS : Act.REVIEW; // the Or accessors: no Optional per event
      case COMMUNITY_POST:
        return Act.COMMUNITY_POST;
      case COMPLAINT:
        return Act.COMPLAINTS;
      default:
        return ContentType.USER_GENERATED.equals(t.contentTypeOr(null)) ? Act.USER_GENERATED : null;
    }
  }

  /** Decayed weight per act. */
  static final class State implements ScoreState<State> {
    final DecayedSum[] sums = new DecayedSum[ACTS.length];

    /** Whether the state has taken no act of advocacy and no complaint. */
    boolean isEmpty() {
      for (DecayedSum s : sums) {
        if (!s.isEmpty()) {
          return false;
        }
      }
      return true;
    }

    State(Decay decay) {
      for (int i = 0; i < sums.length; i++) {
        sums[i] = decay.newSum();
      }
    }

    @Override
    public void accept(EngagementEvent event) {
      if (event instanceof Touchpoint) {
        Touchpoint t = (Touchpoint) event;
        Act act = actOf(t);
        if (act != null) {
          long reach = t.reachOr(0);
          sums[act.ordinal()].add(t.at(), act.weight * (1.0 + Math.log10(1.0 + reach)));
        }
      }
    }

    @Override
    public void combine(State other) {
      for (int i = 0; i < sums.length; i++) {
        sums[i].combine(other.sums[i]);
      }
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      for (DecayedSum sum : sums) {
        sum.writeTo(out);
      }
    }
  }
}
