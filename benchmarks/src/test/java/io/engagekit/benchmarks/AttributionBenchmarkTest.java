package io.engagekit.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.engagekit.core.ConversionPath;
import io.engagekit.scoring.attribution.Attribution;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The attribution benchmark measures the shape the issue names, and real results. */
final class AttributionBenchmarkTest {
  @Test
  void data_is10000DistinctPathsOver12Channels() {
    AttributionBenchmark b = new AttributionBenchmark();
    b.paths = 10_000;
    b.channels = 12;
    b.setup();
    List<ConversionPath> data = b.data;
    assertEquals(10_000, data.size());
    assertEquals(10_000, new HashSet<>(data.stream().map(ConversionPath::channels).toList()).size());
    assertEquals(12, data.stream().flatMap(p -> p.channels().stream()).distinct().count());
    for (Attribution a : List.of(b.markovOrder1(), b.shapleyExact(), b.shapleyOrderedExact(), b.markovOrder2())) {
      assertEquals(12, a.channels().size());
      assertTrue(a.errorBounds().isEmpty(), a.model() + " must be exact");
      double sum = a.channels().values().stream().mapToDouble(Attribution.Credit::conversions).sum();
      assertEquals(a.totalConversions(), sum, 1e-9 * a.totalConversions());
    }
  }
}
