package io.engagekit.scoring.composite;

import static io.engagekit.scoring.composite.BlocksState.BLAME;
import static io.engagekit.scoring.composite.BlocksState.COMMUNITY;
import static io.engagekit.scoring.composite.BlocksState.COMPANY_STARTED;
import static io.engagekit.scoring.composite.BlocksState.CONTENT;
import static io.engagekit.scoring.composite.BlocksState.CURRENCIES;
import static io.engagekit.scoring.composite.BlocksState.CURRENCY;
import static io.engagekit.scoring.composite.BlocksState.INVERSE_HALF_LIFE;
import static io.engagekit.scoring.composite.BlocksState.ON_TIME;
import static io.engagekit.scoring.composite.BlocksState.PRAISE;
import static io.engagekit.scoring.composite.BlocksState.RESPONSES;
import static io.engagekit.scoring.composite.BlocksState.SELF_STARTED;
import static java.util.Objects.requireNonNull;

import io.engagekit.core.BuildingBlock;
import io.engagekit.core.Customer;
import io.engagekit.core.InvalidFieldException;
import io.engagekit.core.RelationshipType;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.Score;
import io.engagekit.scoring.ScoringStrategy;
import io.engagekit.scoring.decay.Decay;
import io.engagekit.scoring.decay.DecayedSum;
import io.engagekit.scoring.loyalty.Expectations;
import java.io.DataInput;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * {@code composite.blocks}: one sub-score in [0, 1] for each of the nine building blocks (Wang
 * 2012) the customer's data inform, combined with weights (default: equal) into 0–100 and explained
 * by block. {@link Expectations} set the customer's expected contact interval {@code I} and channel
 * count.
 *
 * <table>
 *   <caption>Sub-scores</caption>
 *   <tr><th>block</th><th>sub-score</th><th>informed when</th></tr>
 *   <tr><td>{@code culture}</td><td>the customer attribute {@code culture}, a number in [0, 1]
 *       the company measured (for example a brand-identification or values-fit survey item, scaled):
 *       no event shows whether a customer shares the company's values</td><td>the customer carries
 *       the attribute</td></tr>
 *   <tr><td>{@code community}</td><td>{@code 1 − 2^(−c / 2)}, c the decayed community posts and
 *       co-creations</td><td>c &gt; 0, or the relationship type is communities or
 *       co-creation</td></tr>
 *   <tr><td>{@code credibility}</td><td>{@code 1 − 2^(−n / 2)} of the decayed net n of referrals
 *       and reviews (sentiment absent or {@code >= 0}) minus complaints and negative reviews; 0 when
 *       n ≤ 0</td><td>any of these happened</td></tr>
 *   <tr><td>{@code channel} (breadth)</td><td>{@code min(1, k / expected channels)}, k the channels
 *       used in the last {@code 3 I}</td><td>the customer was active</td></tr>
 *   <tr><td>{@code content} (mix)</td><td>{@code min(1, exp(H) / 3)}, H the Shannon entropy of the
 *       decayed shares of in-house, user-generated, news, analytical and other content</td><td>any
 *       touchpoint had a content type</td></tr>
 *   <tr><td>{@code cadence} (regularity)</td><td>the share of active periods among the last six
 *       periods of {@code ceil(I / 7 days)} weeks (fewer when the customer is newer, or the period
 *       so long that six exceed the 64 weeks kept; at least one, which for an interval beyond 64
 *       weeks sees only the weeks kept)</td><td>the customer was active</td></tr>
 *   <tr><td>{@code context} (timing)</td><td>the decayed share of responses within the target
 *       (default 5 minutes) among touchpoints with a response time</td><td>any response time was
 *       given</td></tr>
 *   <tr><td>{@code catalyst} (who starts)</td><td>the decayed share of touchpoints the customer
 *       started among those whose initiator is stated (customer or company)</td><td>any touchpoint
 *       stated its initiator</td></tr>
 *   <tr><td>{@code currencies} (breadth of what the customer gives)</td><td>the mean over four
 *       currencies of {@code 1 − 2^(−g)}, g the decayed count of active touchpoints giving it:
 *       money (purchases), attention (visits, content views, campaign responses, support
 *       contacts), information (survey answers, reviews, complaints), reputation (referrals,
 *       community posts, co-creation)</td><td>the customer was active</td></tr>
 * </table>
 *
 * <p>Active means a touchpoint the company did not initiate. Decayed weights halve every 90 days.
 * With {@code w_b} the weights and {@code s_b} the sub-scores of the informed blocks, the score is
 * {@code 100 · Σ w_b s_b / Σ w_b}, and block b contributes {@code 100 · w_b s_b / Σ w_b}. A block
 * with weight 0 is left out; a customer with no touchpoint, or whose data inform no weighted block,
 * has {@link Score#noEvidence no evidence}.
 *
 * <p>Where the new blocks mislead: {@code catalyst} falls for a customer the company contacts more
 * often even when they answer every contact, so compare it within one outreach policy; a file that
 * states only the company's initiatives scores every customer 0 there (state both sides, or give
 * {@code catalyst} weight 0). {@code currencies} counts touchpoints, not amounts: one purchase of
 * $5 gives as much money as one of $5,000 (spend is {@code loyalty.decayed}'s and {@code
 * loyalty.clv}'s to judge). {@code culture} is only what the company measured and passed in.
 *
 * <p>Example: a customer with no registered type (I = 60 days, 2 channels) who, on one day, bought
 * on the web and called by phone (answered in 2 minutes), both in-house content, no initiator
 * stated: channel 2/2 = 1; content exp(0)/3 = 1/3; cadence 1/1 = 1 (one period so far, active);
 * context 1; currencies (0.5 money + 0.5 attention) / 4 = 1/4; culture, community, credibility and
 * catalyst uninformed: score {@code 100 · (1 + 1/3 + 1 + 1 + 1/4) / 5 = 71.67}.
 *
 * <p>The state is about 350 bytes (see {@link BlocksState}). Order-independent; exact merge up to
 * rounding. Breadth counts at most 8 channels. State version 2 added the catalyst and currency
 * sums; a version 1 state reads with them empty, so those two blocks are uninformed for it until
 * its next active touchpoint.
 */
final class CompositeBlocks implements ScoringStrategy<BlocksState> {
  /** The blocks, in contribution order: why, how, when. */
  static final List<BuildingBlock> BLOCKS = List.of(BuildingBlock.CULTURE, BuildingBlock.COMMUNITY,
      BuildingBlock.CREDIBILITY, BuildingBlock.CHANNEL, BuildingBlock.CONTENT, BuildingBlock.CADENCE,
      BuildingBlock.CONTEXT, BuildingBlock.CATALYST, BuildingBlock.CURRENCIES);
  /** The customer attribute that informs {@code culture}. */
  static final String CULTURE_ATTRIBUTE = "culture";
  static final Duration HALF_LIFE = Duration.ofDays(90);
  static final double RESPONSE_TARGET_SECONDS = 300;
  static final int PERIODS = 6;
  private static final int CULTURE = 0;
  private static final int COMMUNITY_BLOCK = 1;
  private static final int CREDIBILITY = 2;
  private static final int CHANNEL = 3;
  private static final int CONTENT_BLOCK = 4;
  private static final int CADENCE = 5;
  private static final int CONTEXT = 6;
  private static final int CATALYST = 7;
  private static final int CURRENCIES_BLOCK = 8;

  private final double[] weights = new double[BLOCKS.size()];
  private final Expectations expectations;

  CompositeBlocks(Map<BuildingBlock, Double> weights, Expectations expectations) {
    requireNonNull(weights, "weights");
    this.expectations = requireNonNull(expectations, "expectations");
    double total = 0;
    for (Map.Entry<BuildingBlock, Double> e : weights.entrySet()) {
      int i = BLOCKS.indexOf(requireNonNull(e.getKey(), "block"));
      double w = requireNonNull(e.getValue(), "weight");
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
    return "The nine building blocks (culture, community, credibility, channel, content, cadence, context, catalyst,"
        + " currencies) as sub-scores, weighted by block.";
  }

  @Override
  public BlocksState newState() {
    return new BlocksState();
  }

  /**
   * Version 2: sixteen decayed sums (catalyst and currencies added); version 1 kept ten.
   */
  @Override
  public int stateVersion() {
    return 2;
  }

  @Override
  public Score score(BlocksState state, Instant asOf) {
    return scoreOf(state, asOf, null);
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidFieldException (field {@code attributes.culture}) if the customer's {@code
   *     culture} attribute is not a number in [0, 1]
   */
  @Override
  public Score score(BlocksState state, Instant asOf, Customer customer) {
    return scoreOf(state, asOf, requireNonNull(customer, "customer"));
  }

  private Score scoreOf(BlocksState s, Instant asOf, @Nullable Customer customer) {
    double a = DecayedSum.seconds(requireNonNull(asOf, "asOf"));
    double culture = customer == null ? -1 : culture(customer);
    if (s.ref == Double.NEGATIVE_INFINITY) {
      return Score.noEvidence("no activity");
    }
    Optional<RelationshipType> type = customer == null ? Optional.empty() : customer.relationship();
    double[] sub = new double[BLOCKS.size()];
    Arrays.fill(sub, Double.NaN); // NaN: not informed
    if (culture >= 0) {
      sub[CULTURE] = culture;
    }
    subScores(s, Math.max(a, s.ref), type, sub);
    double total = 0;
    for (int i = 0; i < sub.length; i++) {
      if (!Double.isNaN(sub[i])) {
        total += weights[i];
      }
    }
    if (!(total > 0)) {
      return Score.noEvidence("no building block is informed");
    }
    List<Contribution> parts = new ArrayList<>(BLOCKS.size());
    for (int i = 0; i < sub.length; i++) {
      if (!Double.isNaN(sub[i]) && weights[i] > 0) {
        parts.add(new Contribution(BLOCKS.get(i).code(), 100 * (weights[i] / total) * sub[i]));
      }
    }
    return Score.of(parts);
  }

  /** Sets the sub-score of every block the state informs as of {@code a} (epoch seconds, not before the state's latest). */
  private void subScores(BlocksState s, double a, Optional<RelationshipType> type, double[] sub) {
    Expectations.Expectation expected = expectations.of(type);
    double fade = Decay.exp2(-(a - s.ref) * INVERSE_HALF_LIFE);
    if (s.first != Double.POSITIVE_INFINITY) {
      double interval = expected.intervalSeconds();
      int recent = 0;
      for (int i = 0; i < s.channelCount; i++) {
        if (s.seen[i] >= a - 3 * interval) {
          recent++;
        }
      }
      sub[CHANNEL] = Math.min(1.0, recent / (double) expected.channels());
      sub[CADENCE] = s.regularity(a, interval);
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
      sub[CONTENT_BLOCK] = Math.min(1.0, Math.exp(entropy) / 3);
    }
    if (s.lanes[COMMUNITY] > 0 || type.equals(Optional.of(RelationshipType.COMMUNITIES))
        || type.equals(Optional.of(RelationshipType.CO_CREATION))) {
      sub[COMMUNITY_BLOCK] = 1 - Decay.exp2(-s.lanes[COMMUNITY] * fade / 2);
    }
    if (s.lanes[PRAISE] > 0 || s.lanes[BLAME] > 0) {
      double net = (s.lanes[PRAISE] - s.lanes[BLAME]) * fade;
      sub[CREDIBILITY] = net > 0 ? 1 - Decay.exp2(-net / 2) : 0.0;
    }
    if (s.lanes[RESPONSES] > 0) {
      sub[CONTEXT] = Math.min(1.0, s.lanes[ON_TIME] / s.lanes[RESPONSES]);
    }
    double started = s.lanes[SELF_STARTED] + s.lanes[COMPANY_STARTED];
    if (started > 0) {
      sub[CATALYST] = Math.min(1.0, s.lanes[SELF_STARTED] / started);
    }
    double given = 0;
    boolean any = false;
    for (int i = CURRENCY; i < CURRENCY + CURRENCIES; i++) {
      given += 1 - Decay.exp2(-s.lanes[i] * fade);
      any |= s.lanes[i] > 0;
    }
    if (any) {
      sub[CURRENCIES_BLOCK] = given / CURRENCIES;
    }
  }

  /** The customer's {@code culture} attribute in [0, 1], or -1 when absent. */
  private static double culture(Customer customer) {
    String value = customer.attributes().get(CULTURE_ATTRIBUTE);
    if (value == null) {
      return -1;
    }
    double v;
    try {
      v = new BigDecimal(value).doubleValue(); // a plain decimal: no NaN, Infinity, hex or type suffix
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (!(v >= 0 && v <= 1)) {
      throw new InvalidFieldException("attributes." + CULTURE_ATTRIBUTE,
          "must be a number in [0, 1] for composite.blocks but was '" + value + "'");
    }
    return v;
  }

  @Override
  public BlocksState readState(DataInput in) throws IOException {
    return StoredBlocks.read(in, stateVersion());
  }

  @Override
  public BlocksState readState(DataInput in, int version) throws IOException {
    if (version != 1 && version != 2) {
      throw new IOException("strategy " + name() + " state version " + version + " is not supported; this strategy"
          + " reads 1 and 2");
    }
    return StoredBlocks.read(in, version);
  }

  @Override
  public String toString() {
    return name() + "[weights=" + Arrays.toString(weights) + ", " + expectations + "]";
  }
}
