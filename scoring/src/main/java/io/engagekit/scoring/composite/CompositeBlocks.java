package io.engagekit.scoring.composite;

import static java.util.Objects.requireNonNull;

import io.engagekit.core.BuildingBlock;
import io.engagekit.core.Channel;
import io.engagekit.core.ContentType;
import io.engagekit.core.Customer;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Initiator;
import io.engagekit.core.RelationshipType;
import io.engagekit.core.Touchpoint;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.decay.Decay;
import io.engagekit.scoring.decay.DecayedSum;
import io.engagekit.scoring.loyalty.Expectations;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code composite.blocks}: one sub-score in [0, 1] per building block the customer's data can
 * inform, combined with weights (default: equal) into 0–100 and explained by block. {@link
 * Expectations} set the customer's expected contact interval {@code I} and channel count.
 *
 * <table>
 *   <caption>Sub-scores</caption>
 *   <tr><th>block</th><th>sub-score</th><th>informed when</th></tr>
 *   <tr><td>{@code channel} (breadth)</td><td>{@code min(1, k / expected channels)}, k the channels
 *       used in the last {@code 3 I}</td><td>the customer was active</td></tr>
 *   <tr><td>{@code content} (mix)</td><td>{@code min(1, exp(H) / 3)}, H the Shannon entropy of the
 *       decayed shares of in-house, user-generated, news, analytical and other content</td><td>any
 *       touchpoint had a content type</td></tr>
 *   <tr><td>{@code cadence} (regularity)</td><td>the share of active periods among the last six
 *       periods of {@code ceil(I / 7 days)} weeks (fewer when the customer is newer, or the period
 *       so long that six exceed the 64 weeks kept; at least one, which for an interval beyond 64
 *       weeks sees only the weeks kept)</td><td>the customer was active</td></tr>
 *   <tr><td>{@code community}</td><td>{@code 1 − 2^(−c / 2)}, c the decayed community posts and
 *       co-creations</td><td>c &gt; 0, or the relationship type is communities or
 *       co-creation</td></tr>
 *   <tr><td>{@code credibility}</td><td>{@code 1 − 2^(−n / 2)} of the decayed net n of referrals
 *       and reviews (sentiment absent or {@code >= 0}) minus complaints and negative reviews; 0 when
 *       n ≤ 0</td><td>any of these happened</td></tr>
 *   <tr><td>{@code context} (timing)</td><td>the decayed share of responses within the target
 *       (default 5 minutes) among touchpoints with a response time</td><td>any response time was
 *       given</td></tr>
 * </table>
 *
 * <p>Active means a touchpoint the company did not initiate. Decayed weights halve every 90 days.
 * With {@code w_b} the weights and {@code s_b} the sub-scores of the informed blocks, the score is
 * {@code 100 · Σ w_b s_b / Σ w_b}, and block b contributes {@code 100 · w_b s_b / Σ w_b}. A block
 * with weight 0 is left out; a customer whose data inform no weighted block has {@link
 * Score#noEvidence no evidence}. Journey outcomes will inform {@code context} when journeys reach the engine as
 * events; culture, catalyst and currencies have no sub-score yet.
 *
 * <p>Example: a customer with no registered type (I = 60 days, 2 channels) who, on one day, bought
 * on the web and called by phone (answered in 2 minutes), both in-house content: channel 2/2 = 1;
 * content exp(0)/3 = 1/3; cadence 1/1 = 1 (one period so far, active); context 1; community and
 * credibility uninformed: score {@code 100 · (1 + 1/3 + 1 + 1) / 4 = 83.33}.
 *
 * <p>The state is about 300 bytes: a table of the 8 most recently used channels, a 64-week activity
 * mask, the first activity time, and ten decayed sums sharing one reference time. Order-independent;
 * exact merge up to rounding. Breadth counts at most 8 channels.
 */
final class CompositeBlocks implements ScoringStrategy<CompositeBlocks.State> {
  /** The blocks with a sub-score, in contribution order. */
  static final List<BuildingBlock> BLOCKS = List.of(BuildingBlock.CHANNEL, BuildingBlock.CONTENT,
      BuildingBlock.CADENCE, BuildingBlock.COMMUNITY, BuildingBlock.CREDIBILITY, BuildingBlock.CONTEXT);
  static final Duration HALF_LIFE = Duration.ofDays(90);
  static final double RESPONSE_TARGET_SECONDS = 300;
  static final int CHANNELS = 8;
  static final int PERIODS = 6;
  static final long WEEK = 7 * 86_400;
  private static final double INVERSE_HALF_LIFE = 1.0 / (90 * 86_400.0);
  // lanes of the decayed sums
  private static final int CONTENT = 0; // 0..4: in-house, user-generated, news, analytical, other
  private static final int COMMUNITY = 5;
  private static final int PRAISE = 6;
  private static final int BLAME = 7;
  private static final int RESPONSES = 8;
  private static final int ON_TIME = 9;
  static final int LANES = 10;

  private final double[] weights = new double[BLOCKS.size()];
  private final Expectations expectations;

  CompositeBlocks(Map<BuildingBlock, Double> weights, Expectations expectations) {
    requireNonNull(weights, "weights");
    this.expectations = requireNonNull(expectations, "expectations");
    double total = 0;
    for (Map.Entry<BuildingBlock, Double> e : weights.entrySet()) {
      int i = BLOCKS.indexOf(requireNonNull(e.getKey(), "block"));
      double w = requireNonNull(e.getValue(), "weight");
      if (i < 0) {
        throw new IllegalArgumentException("composite.blocks has no sub-score for block " + e.getKey().code()
            + "; it scores " + BLOCKS.stream().map(BuildingBlock::code).toList());
      }
      if (!(w >= 0 && w <= Double.MAX_VALUE)) {
        throw new IllegalArgumentException("weight of block " + e.getKey().code() + " must be finite and >= 0 but was " + w);
      }
      this.weights[i] = w;
      total += w;
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("at least one block weight must be positive");
    }
  }

  @Override
  public String name() {
    return "composite.blocks";
  }

  @Override
  public String family() {
    return "composite";
  }

  @Override
  public String description() {
    return "Channel breadth, content mix, cadence, community, credibility and context sub-scores, weighted by block.";
  }

  @Override
  public State newState() {
    return new State();
  }

  @Override
  public Score score(State state, Instant asOf) {
    return scoreOf(state, asOf, Optional.empty());
  }

  @Override
  public Score score(State state, Instant asOf, Customer customer) {
    return scoreOf(state, asOf, requireNonNull(customer, "customer").relationship());
  }

  private Score scoreOf(State s, Instant asOf, Optional<RelationshipType> type) {
    if (s.ref == Double.NEGATIVE_INFINITY) {
      return Score.noEvidence("no activity");
    }
    Expectations.Expectation expected = expectations.of(type);
    double a = Math.max(DecayedSum.seconds(requireNonNull(asOf, "asOf")), s.ref);
    double fade = Decay.exp2(-(a - s.ref) * INVERSE_HALF_LIFE);
    double interval = expected.intervalSeconds();
    double[] sub = new double[BLOCKS.size()];
    boolean[] informed = new boolean[BLOCKS.size()];
    if (s.first != Double.POSITIVE_INFINITY) {
      int recent = 0;
      for (int i = 0; i < s.channelCount; i++) {
        if (s.seen[i] >= a - 3 * interval) {
          recent++;
        }
      }
      informed[0] = true;
      sub[0] = Math.min(1.0, recent / (double) expected.channels());
      informed[2] = true;
      sub[2] = s.regularity(a, interval);
    }
    double content = 0;
    for (int i = CONTENT; i < CONTENT + 5; i++) {
      content += s.lanes[i];
    }
    if (content > 0) {
      double entropy = 0;
      for (int i = CONTENT; i < CONTENT + 5; i++) {
        double p = s.lanes[i] / content;
        if (p > 0) {
          entropy -= p * Math.log(p);
        }
      }
      informed[1] = true;
      sub[1] = Math.min(1.0, Math.exp(entropy) / 3);
    }
    if (s.lanes[COMMUNITY] > 0 || type.equals(Optional.of(RelationshipType.COMMUNITIES))
        || type.equals(Optional.of(RelationshipType.CO_CREATION))) {
      informed[3] = true;
      sub[3] = 1 - Decay.exp2(-s.lanes[COMMUNITY] * fade / 2);
    }
    if (s.lanes[PRAISE] > 0 || s.lanes[BLAME] > 0) {
      double net = (s.lanes[PRAISE] - s.lanes[BLAME]) * fade;
      informed[4] = true;
      sub[4] = net > 0 ? 1 - Decay.exp2(-net / 2) : 0.0;
    }
    if (s.lanes[RESPONSES] > 0) {
      informed[5] = true;
      sub[5] = Math.min(1.0, s.lanes[ON_TIME] / s.lanes[RESPONSES]);
    }
    double total = 0;
    for (int i = 0; i < sub.length; i++) {
      if (informed[i]) {
        total += weights[i];
      }
    }
    if (!(total > 0)) {
      return Score.noEvidence("no building block is informed");
    }
    List<Contribution> parts = new ArrayList<>(BLOCKS.size());
    for (int i = 0; i < sub.length; i++) {
      if (informed[i] && weights[i] > 0) {
        parts.add(new Contribution(BLOCKS.get(i).code(), 100 * (weights[i] / total) * sub[i]));
      }
    }
    return Score.of(parts);
  }

  @Override
  public State readState(DataInput in) throws IOException {
    return StoredBlocks.read(in);
  }

  @Override
  public String toString() {
    return name() + "[weights=" + java.util.Arrays.toString(weights) + ", " + expectations + "]";
  }

  static int contentLane(@Nullable ContentType type) {
    if (ContentType.IN_HOUSE.equals(type)) {
      return CONTENT;
    } else if (ContentType.USER_GENERATED.equals(type)) {
      return CONTENT + 1;
    } else if (ContentType.NEWS.equals(type)) {
      return CONTENT + 2;
    } else if (ContentType.ANALYTICAL.equals(type)) {
      return CONTENT + 3;
    }
    return CONTENT + 4;
  }

  /** Channels, weeks active, first activity, and decayed sums for content, community, credibility, timing. */
  static final class State implements ScoreState<State> {
    double first = Double.POSITIVE_INFINITY; // earliest activity, epoch seconds
    double ref = Double.NEGATIVE_INFINITY; // latest touchpoint: the lanes' reference time
    long weeks; // bit k: activity in week newestWeek - k
    long newestWeek = Long.MIN_VALUE;
    final double[] lanes = new double[LANES];
    final Channel[] channels = new Channel[CHANNELS];
    final double[] seen = new double[CHANNELS];
    int channelCount;

    @Override
    public void accept(EngagementEvent event) {
      if (!(event instanceof Touchpoint)) {
        return;
      }
      Touchpoint t = (Touchpoint) event;
      double at = DecayedSum.seconds(t.at());
      double w = rebase(at);
      ContentType content = t.contentTypeOr(null);
      if (content != null) {
        lanes[contentLane(content)] += w;
      }
      switch (t.kind()) {
        case COMMUNITY_POST:
        case CO_CREATION:
          lanes[COMMUNITY] += w;
          break;
        case REFERRAL:
          lanes[PRAISE] += w;
          break;
        case REVIEW:
          lanes[t.sentimentOr(0.0) < 0 ? BLAME : PRAISE] += w;
          break;
        case COMPLAINT:
          lanes[BLAME] += w;
          break;
        default:
          break;
      }
      double response = t.responseSecondsOr(-1.0);
      if (response >= 0) {
        lanes[RESPONSES] += w;
        if (response <= RESPONSE_TARGET_SECONDS) {
          lanes[ON_TIME] += w;
        }
      }
      if (t.initiatorOr(null) != Initiator.COMPANY) {
        first = Math.min(first, at);
        markWeek(Math.floorDiv(t.at().getEpochSecond(), WEEK), 1L);
        see(t.channel(), at);
      }
    }

    /** Moves the reference time to {@code at} if later; returns the weight of an event at {@code at}. */
    private double rebase(double at) {
      if (ref == Double.NEGATIVE_INFINITY) {
        ref = at;
        return 1.0;
      }
      if (at > ref) {
        double f = Decay.exp2(-(at - ref) * INVERSE_HALF_LIFE);
        for (int i = 0; i < LANES; i++) {
          lanes[i] *= f;
        }
        ref = at;
        return 1.0;
      }
      return Decay.exp2(-(ref - at) * INVERSE_HALF_LIFE);
    }

    /** ORs a mask whose bit 0 is {@code week} into this one. */
    private void markWeek(long week, long mask) {
      if (newestWeek == Long.MIN_VALUE) {
        newestWeek = week;
        weeks = mask;
      } else if (week > newestWeek) {
        long shift = week - newestWeek;
        weeks = (shift >= 64 ? 0L : weeks << shift) | mask;
        newestWeek = week;
      } else {
        long shift = newestWeek - week;
        weeks |= shift >= 64 ? 0L : mask << shift;
      }
    }

    /** Records that a channel was used at a time: the table keeps the 8 most recently used channels. */
    private void see(Channel channel, double at) {
      for (int i = 0; i < channelCount; i++) {
        if (channels[i].equals(channel)) {
          seen[i] = Math.max(seen[i], at);
          return;
        }
      }
      if (channelCount < CHANNELS) {
        channels[channelCount] = channel;
        seen[channelCount++] = at;
        return;
      }
      int oldest = 0;
      for (int i = 1; i < CHANNELS; i++) {
        if (before(seen[i], channels[i], seen[oldest], channels[oldest])) {
          oldest = i;
        }
      }
      if (before(seen[oldest], channels[oldest], at, channel)) {
        channels[oldest] = channel;
        seen[oldest] = at;
      }
    }

    /** Orders channel uses by time, then by code, so that eviction is deterministic. */
    private static boolean before(double t1, Channel c1, double t2, Channel c2) {
      return t1 < t2 || (t1 == t2 && c1.code().compareTo(c2.code()) < 0);
    }

    /** The share of active periods among the last ones (see the class description). */
    double regularity(double a, double interval) {
      long period = Math.max(1, (long) Math.ceil(interval / WEEK));
      // At least one period: an interval longer than the 64 weeks kept looks at those 64 weeks.
      long periods = Math.max(1, Math.min(PERIODS, 64 / period));
      long now = (long) Math.floor(a / WEEK);
      long firstWeek = (long) Math.floor(first / WEEK);
      long counted = Math.min(periods, (now - firstWeek) / period + 1);
      long active = 0;
      for (long j = 0; j < counted; j++) {
        // period j: weeks now - (j + 1) * period + 1 .. now - j * period
        for (long k = 0; k < period; k++) {
          long week = now - j * period - k;
          long bit = newestWeek - week;
          if (bit >= 0 && bit < 64 && (weeks & (1L << bit)) != 0) {
            active++;
            break;
          }
        }
      }
      return active / (double) counted;
    }

    @Override
    public void combine(State other) {
      if (other.ref == Double.NEGATIVE_INFINITY) {
        return;
      }
      double w = rebase(other.ref);
      for (int i = 0; i < LANES; i++) {
        lanes[i] += other.lanes[i] * w;
      }
      if (other.first != Double.POSITIVE_INFINITY) {
        first = Math.min(first, other.first);
        markWeek(other.newestWeek, other.weeks);
        for (int i = 0; i < other.channelCount; i++) {
          see(other.channels[i], other.seen[i]);
        }
      }
    }

    @Override
    public void writeTo(DataOutput out) throws IOException {
      out.writeDouble(first);
      out.writeDouble(ref);
      out.writeLong(weeks);
      out.writeLong(newestWeek);
      for (double lane : lanes) {
        out.writeDouble(lane);
      }
      out.writeByte(channelCount);
      for (int i = 0; i < channelCount; i++) {
        out.writeUTF(channels[i].code());
        out.writeDouble(seen[i]);
      }
    }
  }
}
