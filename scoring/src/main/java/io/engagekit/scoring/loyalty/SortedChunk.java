package io.engagekit.scoring.loyalty;

/**
 * A run of at most {@link OrderStatistics#CHUNK} distinct sorted tuples, each with its
 * multiplicity: one chunk of an {@link OrderStatistics}. Copied, never shared, once written in a
 * newer generation than a frozen copy's.
 */
final class SortedChunk {
  final double[] data;
  final long[] counts;
  int n;
  long total; // the sum of the counts
  final long generation;

  SortedChunk(int width, long generation) {
    this.data = new double[OrderStatistics.CHUNK * width];
    this.counts = new long[OrderStatistics.CHUNK];
    this.generation = generation;
  }

  SortedChunk(SortedChunk from, long generation) {
    this.data = from.data.clone();
    this.counts = from.counts.clone();
    this.n = from.n;
    this.total = from.total;
    this.generation = generation;
  }

  /** The multiplicities of the first k tuples, summed from the nearer end (total must be current). */
  long countBefore(int k) {
    long sum = 0;
    if (k <= n / 2) {
      for (int i = 0; i < k; i++) {
        sum += counts[i];
      }
      return sum;
    }
    for (int i = k; i < n; i++) {
      sum += counts[i];
    }
    return total - sum;
  }
}
