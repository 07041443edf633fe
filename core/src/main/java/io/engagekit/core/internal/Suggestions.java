package io.engagekit.core.internal;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean": the known name closest to a mistyped one, by the optimal-string-alignment
 * distance (insertions, deletions, substitutions and swaps of neighbours, each 1), compared without
 * case. A name is suggested only when it is at most a third of the given name's length away (at
 * least 1, at most 3) and strictly closer than any other, so a guess is offered only when it is
 * plausible and unambiguous. Stateless.
 */
public final class Suggestions {
  private Suggestions() {}

  /**
   * Returns the known name closest to {@code given}, if one is close and unambiguous.
   *
   * @param given what was typed
   * @param known the names it should have been one of
   * @return the suggestion
   */
  public static Optional<String> closest(String given, Collection<String> known) {
    String g = given.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(3, g.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    boolean tie = false;
    for (String k : known) {
      int d = distance(g, k.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = k;
        bestDistance = d;
        tie = false;
      } else if (d == bestDistance && !k.equals(best)) {
        tie = true;
      }
    }
    return best != null && bestDistance <= limit && !tie && !best.equals(given) ? Optional.of(best) : Optional.empty();
  }

  /**
   * Returns {@code "; did you mean 'NAME'?"} for the closest known name, or an empty string.
   *
   * @param given what was typed
   * @param known the names it should have been one of
   * @return the phrase to append to an error message
   */
  public static String didYouMean(String given, Collection<String> known) {
    return closest(given, known).map(s -> "; did you mean '" + s + "'?").orElse("");
  }

  /** The optimal-string-alignment distance. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          v = Math.min(v, d[i - 2][j - 2] + 1);
        }
        d[i][j] = v;
      }
    }
    return d[a.length()][b.length()];
  }
}
