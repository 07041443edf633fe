package io.engagekit.scoring.composite;

import io.engagekit.core.Channel;
import io.engagekit.core.ContentType;
import io.engagekit.core.EngagementEvent;
import io.engagekit.core.Initiator;
import io.engagekit.core.Touchpoint;
import io.engagekit.scoring.ScoreState;
import io.engagekit.scoring.decay.Decay;
import io.engagekit.scoring.decay.DecayedSum;
import java.io.DataOutput;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/**
 * The state of {@code composite.blocks}: the 8 most recently used channels, a 64-week activity
 * mask, the first activity time, and sixteen decayed sums (half-life 90 days) sharing one
 * reference time, the latest touchpoint: content types, community, praise and blame, responses and
 * responses on time, the four currencies, and self-started and company-started touchpoints. Not
 * thread-safe (the engine confines each state to one writer).
 */
final class BlocksState implements ScoreState<BlocksState> {
  static final int CHANNELS = 8;
  static final long WEEK = 7 * 86_400;
  static final double INVERSE_HALF_LIFE = 1.0 / (90 * 86_400.0);
  // lanes of the decayed sums; version 1 of the layout kept the first ten
  static final int CONTENT = 0; // 0..4: in-house, user-generated, news, analytical, other
  static final int COMMUNITY = 5;
  static final int PRAISE = 6;
  static final int BLAME = 7;
  static final int RESPONSES = 8;
  static final int ON_TIME = 9;
  static final int CURRENCY = 10; // 10..13: money, attention, information, reputation
  static final int CURRENCIES = 4;
  static final int SELF_STARTED = 14;
  static final int COMPANY_STARTED = 15;
  static final int LANES_V1 = 10;
  static final int LANES = 16;

  double first = Double.POSITIVE_INFINITY; // earliest activity, epoch seconds
  double ref = Double.NEGATIVE_INFINITY; // latest touchpoint: the lanes' reference time
  long weeks; // bit k: activity in week newestWeek - k
  long newestWeek = Long.MIN_VALUE;
  final double[] lanes = new double[LANES];
  final Channel[] channels = new Channel[CHANNELS];
  final double[] seen = new double[CHANNELS];
  int channelCount;

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

  /** The currency a customer gives with a touchpoint of this kind (see {@code CompositeBlocks}). */
  static int currencyLane(io.engagekit.core.TouchpointKind kind) {
    switch (kind) {
      case PURCHASE:
        return CURRENCY; // money
      case VISIT:
      case CONTENT_VIEW:
      case CAMPAIGN_RESPONSE:
      case SUPPORT_CONTACT:
        return CURRENCY + 1; // attention
      case SURVEY_ANSWER:
      case REVIEW:
      case COMPLAINT:
        return CURRENCY + 2; // information
      default:
        return CURRENCY + 3; // reputation: referrals, community posts, co-creation
    }
  }

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
      if (response <= CompositeBlocks.RESPONSE_TARGET_SECONDS) {
        lanes[ON_TIME] += w;
      }
    }
    Initiator initiator = t.initiatorOr(null);
    if (initiator == Initiator.CUSTOMER) {
      lanes[SELF_STARTED] += w;
    } else if (initiator == Initiator.COMPANY) {
      lanes[COMPANY_STARTED] += w;
    }
    if (initiator != Initiator.COMPANY) {
      lanes[currencyLane(t.kind())] += w;
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

  /** The share of active periods among the last ones (see {@code CompositeBlocks}). */
  double regularity(double a, double interval) {
    long period = Math.max(1, (long) Math.ceil(interval / WEEK));
    // At least one period: an interval longer than the 64 weeks kept looks at those 64 weeks.
    long periods = Math.max(1, Math.min(CompositeBlocks.PERIODS, 64 / period));
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
  public void combine(BlocksState other) {
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
