package io.engagekit.cli;

import java.util.Locale;

/** The sequential colour scale of the reports' heat maps. Stateless. */
final class HeatScale {
  private HeatScale() {}

  /** A sequential colour from light yellow (0) through green to dark blue (1). */
  static String shade(double t) {
    double[][] stops = {{255, 255, 204}, {161, 218, 180}, {65, 182, 196}, {44, 127, 184}, {37, 52, 148}};
    double u = Math.max(0, Math.min(1, t)) * (stops.length - 1);
    int i = Math.min(stops.length - 2, (int) u);
    double w = u - i;
    return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(stops[i][0] + w * (stops[i + 1][0] - stops[i][0])),
        Math.round(stops[i][1] + w * (stops[i + 1][1] - stops[i][1])),
        Math.round(stops[i][2] + w * (stops[i + 1][2] - stops[i][2])));
  }
}
