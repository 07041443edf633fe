package io.engagekit.scoring.composite;

import static io.engagekit.scoring.composite.BlocksState.CHANNELS;
import static io.engagekit.scoring.composite.BlocksState.CURRENCIES;
import static io.engagekit.scoring.composite.BlocksState.CURRENCY;
import static io.engagekit.scoring.composite.BlocksState.LANES;
import static io.engagekit.scoring.composite.BlocksState.LANES_V1;
import static io.engagekit.scoring.composite.BlocksState.SELF_STARTED;
import static io.engagekit.scoring.composite.BlocksState.WEEK;

import io.engagekit.core.Channel;
import java.io.DataInput;
import java.io.IOException;

/**
 * Reads a stored {@code composite.blocks} state, refusing any that {@code accept} and {@code
 * combine} could not have made (values out of range, first activity after the latest touchpoint, a
 * channel used outside the active span, self-started or given touchpoints without activity): a state
 * read back must score as a live one does. Version 1 states (ten decayed sums) read with the catalyst
 * and currency sums empty.
 */
final class StoredBlocks {
  private StoredBlocks() {}

  static BlocksState read(DataInput in, int version) throws IOException {
    BlocksState s = new BlocksState();
    s.first = in.readDouble();
    s.ref = in.readDouble();
    s.weeks = in.readLong();
    s.newestWeek = in.readLong();
    for (int i = 0, n = version == 1 ? LANES_V1 : LANES; i < n; i++) {
      s.lanes[i] = in.readDouble();
      if (!(s.lanes[i] >= 0 && s.lanes[i] <= Double.MAX_VALUE)) {
        throw new IOException("invalid composite.blocks decayed sum " + i + ": " + s.lanes[i]);
      }
    }
    int n = in.readUnsignedByte();
    if (n > CHANNELS) {
      throw new IOException("invalid composite.blocks channel count " + n);
    }
    for (int i = 0; i < n; i++) {
      try {
        s.channels[i] = Channel.of(in.readUTF());
      } catch (IllegalArgumentException e) {
        throw new IOException("invalid composite.blocks channel: " + e.getMessage(), e);
      }
      s.seen[i] = in.readDouble();
      if (!(Math.abs(s.seen[i]) <= Double.MAX_VALUE)) {
        throw new IOException("invalid composite.blocks channel time " + s.seen[i]);
      }
    }
    s.channelCount = n;
    boolean empty = s.ref == Double.NEGATIVE_INFINITY;
    boolean inactive = s.first == Double.POSITIVE_INFINITY;
    if (!(empty || Math.abs(s.ref) <= Double.MAX_VALUE) || !(inactive || Math.abs(s.first) <= Double.MAX_VALUE)
        || (inactive != (n == 0)) || (inactive && (s.weeks != 0 || s.newestWeek != Long.MIN_VALUE))) {
      throw new IOException("invalid composite.blocks state: first " + s.first + ", latest " + s.ref + ", channels " + n);
    }
    if (inactive) { // only active touchpoints give a currency, and a self-started one is active
      for (int i = CURRENCY; i < CURRENCY + CURRENCIES; i++) {
        if (s.lanes[i] != 0) {
          throw new IOException("invalid composite.blocks state: currency sum " + s.lanes[i] + " without activity");
        }
      }
      if (s.lanes[SELF_STARTED] != 0) {
        throw new IOException("invalid composite.blocks state: self-started sum " + s.lanes[SELF_STARTED]
            + " without activity");
      }
    } else { // activity lies among the touchpoints: first activity <= each channel's last use <= latest
      if (!(s.first <= s.ref)) {
        throw new IOException("invalid composite.blocks state: first activity " + s.first
            + " after the latest touchpoint " + s.ref);
      }
      for (int i = 0; i < n; i++) {
        if (!(s.seen[i] >= s.first && s.seen[i] <= s.ref)) {
          throw new IOException("invalid composite.blocks channel time " + s.seen[i] + " outside [" + s.first + ", "
              + s.ref + "]");
        }
      }
      if (s.newestWeek < (long) Math.floor(s.first / WEEK) || s.newestWeek > (long) Math.floor(s.ref / WEEK)) {
        throw new IOException("invalid composite.blocks newest active week " + s.newestWeek);
      }
    }
    return s;
  }
}
