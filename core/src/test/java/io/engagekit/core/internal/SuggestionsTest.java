package io.engagekit.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  @Test
  void distance_countsEditsAndSwaps() {
    assertEquals(0, Suggestions.distance("rfm", "rfm"));
    assertEquals(1, Suggestions.distance("rmf", "rfm")); // a swap of neighbours
    assertEquals(1, Suggestions.distance("chanel", "channel"));
    assertEquals(1, Suggestions.distance("jsnl", "jsonl"));
    assertEquals(3, Suggestions.distance("abc", ""));
  }

  @Test
  void closest_onlyWhenNearAndUnambiguous() {
    List<String> strategies = List.of("loyalty.rfm", "loyalty.decayed", "satisfaction.nps");
    assertEquals(Optional.of("loyalty.rfm"), Suggestions.closest("loyalty.rmf", strategies));
    assertEquals(Optional.of("loyalty.rfm"), Suggestions.closest("LOYALTY.RFM", strategies)); // case only
    assertEquals(Optional.empty(), Suggestions.closest("churn", strategies)); // too far
    // bgnbb is one edit from both bgnbd and bgbb: no guess.
    assertEquals(Optional.empty(), Suggestions.closest("bgnbb", List.of("bgnbd", "bgbb", "sbg")));
    assertEquals(Optional.empty(), Suggestions.closest("sbg", List.of("sbg")));
    assertEquals("; did you mean 'channel'?", Suggestions.didYouMean("chanel", List.of("customer", "channel")));
    assertEquals("", Suggestions.didYouMean("x", List.of()));
  }
}
