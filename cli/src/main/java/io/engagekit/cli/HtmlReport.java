package io.engagekit.cli;

import io.engagekit.scoring.evaluation.Estimate;
import io.engagekit.scoring.evaluation.Evaluation;
import io.engagekit.scoring.evaluation.Metrics;
import io.engagekit.scoring.evaluation.ModelCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A self-contained HTML report: tables and inline SVG charts, no scripts, no external assets.
 * Every chart has a title, axis labels and a legend. Not thread-safe; build, then write.
 */
final class HtmlReport {
  /** Series colours, chosen to stay apart for colour-blind readers (Okabe &amp; Ito 2008). */
  static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
      "#F0E442"};
  private static final int WIDTH = 640;
  private static final int HEIGHT = 380;
  private static final int LEFT = 70;
  private static final int RIGHT = 190;
  private static final int TOP = 40;
  private static final int BOTTOM = 55;

  private final String title;
  private final StringBuilder body = new StringBuilder();
  private int charts;

  HtmlReport(String title) {
    this.title = title;
  }

  /** The number of charts drawn so far. */
  int charts() {
    return charts;
  }

  void heading(String text, String intro) {
    body.append("<h2>").append(escape(text)).append("</h2>\n");
    if (intro != null) {
      body.append("<p>").append(escape(intro)).append("</p>\n");
    }
  }

  /** The report's body, for the builders of its sections ({@link BacktestReport}). */
  StringBuilder body() {
    return body;
  }

  /** A paragraph of text. */
  void paragraph(String text) {
    body.append("<p>").append(escape(text)).append("</p>\n");
  }

  /** A table: the first column left-aligned, the rest right-aligned; cells are text. */
  void table(String caption, List<String> header, List<List<String>> rows) {
    body.append("<div class=\"scroll\"><table>\n<caption>").append(escape(caption)).append("</caption>\n<tr>");
    header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
    body.append("</tr>\n");
    for (List<String> row : rows) {
      body.append("<tr>");
      row.forEach(c -> body.append("<td>").append(escape(c)).append("</td>"));
      body.append("</tr>\n");
    }
    body.append("</table></div>\n");
  }

  /** Opens a row of charts; close with {@link #closeCharts()}. */
  void openCharts() {
    body.append("<div class=\"charts\">\n");
  }

  void closeCharts() {
    body.append("</div>\n");
  }

  /**
   * A heat map of {@code values[row][column]}: rows are the y values (drawn bottom up), columns the
   * x values; each cell's colour runs from light (the smallest value) to dark (the largest), with a
   * colour scale beside it.
   */
  void heatMap(String chartTitle, String xLabel, String yLabel, double[] xs, double[] ys, double[][] values,
      String scaleLabel) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double[] row : values) {
      for (double v : row) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double stepX = xs.length > 1 ? xs[1] - xs[0] : 1;
    double stepY = ys.length > 1 ? ys[1] - ys[0] : 1;
    Frame f = frame(chartTitle, xLabel, yLabel, xs[0] - stepX / 2, xs[xs.length - 1] + stepX / 2,
        ys[0] - stepY / 2, ys[ys.length - 1] + stepY / 2, WIDTH, HEIGHT, false, true);
    int every = Math.max(1, (int) Math.ceil(ys.length / 8.0));
    for (int r = 0; r < ys.length; r += every) {
      text(LEFT - 6, f.y(ys[r]) + 4, "end", 11, String.format(Locale.ROOT, "%.0f", ys[r]));
    }
    for (int c = 0; c < xs.length; c += Math.max(1, (int) Math.ceil(xs.length / 6.0))) {
      text(f.x(xs[c]), HEIGHT - BOTTOM + 16, "middle", 11, String.format(Locale.ROOT, "%.0f", xs[c]));
    }
    for (int r = 0; r < ys.length; r++) {
      for (int c = 0; c < xs.length; c++) {
        double left = f.x(xs[c] - stepX / 2);
        double top = f.y(ys[r] + stepY / 2);
        body.append(String.format(Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>%n",
            left, top, f.x(xs[c] + stepX / 2) - left + 0.5, f.y(ys[r] - stepY / 2) - top + 0.5,
            HeatScale.shade(hi > lo ? (values[r][c] - lo) / (hi - lo) : 0),
            escape(String.format(Locale.ROOT, "%s %s, %s %s: %.4f", xLabel, tick(xs[c]), yLabel, tick(ys[r]),
                values[r][c]))));
      }
    }
    int x = WIDTH - RIGHT + 24;
    int height = HEIGHT - TOP - BOTTOM - 40;
    for (int i = 0; i < 20; i++) {
      body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"16\" height=\"%.1f\" fill=\"%s\"/>%n",
          x, TOP + 20 + height * (19 - i) / 20.0, height / 20.0 + 0.5, HeatScale.shade(i / 19.0)));
    }
    text(x + 22, TOP + 30, "start", 11, String.format(Locale.ROOT, "%.3g", hi));
    text(x + 22, TOP + 20 + height, "start", 11, String.format(Locale.ROOT, "%.3g", lo));
    text(x - 4, TOP + 10, "start", 11, scaleLabel);
    body.append("</svg></figure>\n");
  }

  String html() {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + escape(title)
        + "</title>\n<style>\n"
        // Full width: charts in a grid of as many columns as fit (two at 1280 px, one on a phone), each
        // SVG scaled to its cell by its viewBox; tables scroll sideways in their own box, never the page.
        + "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:16px;color:#222}\n"
        + "h1{font-size:1.6em}.scroll{overflow-x:auto;max-width:100%}\n"
        + "table{border-collapse:collapse;margin:12px 0;font-size:14px}caption{text-align:left;font-weight:600;"
        + "padding:4px 0}\n"
        + "th,td{border-bottom:1px solid #ddd;padding:4px 10px;text-align:right;white-space:nowrap}"
        + "th:nth-child(2),td:nth-child(2),th:nth-child(3),td:nth-child(3){text-align:left}\n"
        + ".charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,560px),1fr));gap:12px}\n"
        + ".charts.small{grid-template-columns:repeat(auto-fill,minmax(min(100%,340px),1fr))}\n"
        + "figure{margin:0;min-width:0}svg{display:block;box-sizing:border-box;width:100%;height:auto;background:#fff;border:1px solid #eee}\n"
        + "</style>\n</head>\n<body>\n<h1>" + escape(title) + "</h1>\n" + body + "</body>\n</html>\n";
  }

  void write(Path file) throws IOException {
    Outputs.writeString(file, html());
  }

  /** One line of a line chart. */
  record Series(String name, String colour, double[] xs, double[] ys, boolean dashed) {}

  void lineChart(String chartTitle, String xLabel, String yLabel, List<Series> series, double x0, double x1,
      double y0, double y1) {
    lineChart(chartTitle, xLabel, yLabel, series, x0, x1, y0, y1, Double.NaN);
  }

  /**
   * A line chart; with a {@code calibrationEnd} (not NaN) the x axis counts whole weeks (ticks on
   * whole numbers) and a dashed vertical line marks the end of calibration at that week.
   */
  void lineChart(String chartTitle, String xLabel, String yLabel, List<Series> series, double x0, double x1,
      double y0, double y1, double calibrationEnd) {
    boolean weeks = !Double.isNaN(calibrationEnd);
    Frame f = frame(chartTitle, xLabel, yLabel, x0, x1, y0, y1, WIDTH, HEIGHT, weeks, false);
    if (weeks) {
      double x = f.x(calibrationEnd);
      body.append(String.format(Locale.ROOT, "<path d=\"M%.1f %d V%d\" stroke=\"#555\" stroke-dasharray=\"3 3\"/>%n",
          x, TOP, HEIGHT - BOTTOM));
      text(x + 4, TOP + 12, "start", 11, "end of calibration");
    }
    for (Series s : series) {
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < s.xs.length; i++) {
        points.append(i == 0 ? "" : " ").append(fixed(f.x(s.xs[i]))).append(',').append(fixed(f.y(s.ys[i])));
      }
      body.append("<polyline fill=\"none\" stroke=\"").append(s.colour).append("\" stroke-width=\"2.5\"")
          .append(s.dashed ? " stroke-dasharray=\"6 4\"" : "").append(" points=\"").append(points).append("\"/>\n");
    }
    legend(f, series.stream().map(Series::name).toList(), series.stream().map(Series::colour).toList());
    body.append("</svg></figure>\n");
  }

  void barChart(String chartTitle, String xLabel, String yLabel, List<String> groups, List<String> names,
      List<String> colours, List<double[]> values) {
    double max = values.stream().flatMapToDouble(java.util.Arrays::stream).max().orElse(1);
    Frame f = frame(chartTitle, xLabel, yLabel, Double.NaN, groups.size(), 0, niceCeiling(max), WIDTH, HEIGHT, false, false);
    double band = (double) (WIDTH - LEFT - RIGHT) / groups.size();
    double bar = band * 0.8 / names.size();
    for (int g = 0; g < groups.size(); g++) {
      double left = LEFT + g * band + band * 0.1;
      for (int s = 0; s < names.size(); s++) {
        double top = f.y(values.get(s)[g]);
        body.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
            left + s * bar, top, bar, HEIGHT - BOTTOM - top, colours.get(s)));
      }
      text(LEFT + (g + 0.5) * band, HEIGHT - BOTTOM + 16, "middle", 12, groups.get(g));
    }
    legend(f, names, colours);
    body.append("</svg></figure>\n");
  }

  void histogram(String chartTitle, Evaluation.Histogram h, String colour, String outcome) {
    int w = 420;
    int hgt = 260;
    int bins = h.withOutcome().size();
    long max = 1;
    for (int i = 0; i < bins; i++) {
      max = Math.max(max, Math.max(h.withOutcome().get(i), h.without().get(i)));
    }
    Frame f = frame(chartTitle, "score", "customers", 0, 100, 0, niceCeiling(max), w, hgt, false, false);
    double band = (double) (w - LEFT - RIGHT) / bins;
    for (int i = 0; i < bins; i++) {
      double x = LEFT + i * band;
      double a = f.y(h.withOutcome().get(i));
      double b = f.y(h.without().get(i));
      body.append(String.format(Locale.ROOT,
          "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>"
              + "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#BBBBBB\"/>%n",
          x + 1, a, band / 2 - 1, hgt - BOTTOM - a, colour, x + band / 2, b, band / 2 - 1, hgt - BOTTOM - b));
    }
    legend(f, List.of(outcome, "not " + outcome), List.of(colour, "#BBBBBB"));
    body.append("</svg></figure>\n");
  }

  /** The plot area's scales. */
  private record Frame(double x0, double x1, double y0, double y1, int width, int height) {
    double x(double v) {
      return LEFT + (v - x0) / (x1 - x0) * (width - LEFT - RIGHT);
    }

    double y(double v) {
      return height - BOTTOM - (v - y0) / (y1 - y0) * (height - TOP - BOTTOM);
    }
  }

  /**
   * Opens a figure with its SVG, title, axes, ticks and axis labels; x0 NaN means a categorical x
   * axis; with {@code wholeX} the x ticks fall on whole numbers, a round step apart; with {@code
   * cells} no ticks are drawn (the caller labels its cells).
   */
  private Frame frame(String chartTitle, String xLabel, String yLabel, double x0, double x1, double y0, double y1,
      int width, int height, boolean wholeX, boolean cells) {
    charts++;
    Frame f = new Frame(Double.isNaN(x0) ? 0 : x0, x1, y0, y1 > y0 ? y1 : y0 + 1, width, height);
    body.append(String.format(Locale.ROOT, "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\"><title>%s</title>%n", width, height, width, height,
        escape(chartTitle), escape(chartTitle)));
    text(width / 2.0, 22, "middle", 15, chartTitle);
    int right = width - RIGHT;
    int bottom = height - BOTTOM;
    body.append(String.format(Locale.ROOT, "<path d=\"M%d %d V%d H%d\" stroke=\"#333\" fill=\"none\"/>%n", LEFT, TOP,
        bottom, right));
    for (int i = 0; i <= 4 && !cells; i++) {
      double v = f.y0 + (f.y1 - f.y0) * i / 4;
      double y = f.y(v);
      body.append(String.format(Locale.ROOT, "<path d=\"M%d %.1f H%d\" stroke=\"#eee\"/>%n", LEFT + 1, y, right));
      text(LEFT - 6, y + 4, "end", 11, tick(v));
      if (!Double.isNaN(x0) && !wholeX) {
        double xv = f.x0 + (f.x1 - f.x0) * i / 4;
        text(f.x(xv), bottom + 16, "middle", 11, tick(xv));
      }
    }
    if (wholeX) {
      long step = Math.max(1, (long) Math.ceil(niceCeiling((f.x1 - f.x0) / 8)));
      for (long v = (long) Math.ceil(f.x0 / step) * step; v <= f.x1; v += step) {
        text(f.x(v), bottom + 16, "middle", 11, tick(v));
      }
    }
    text((LEFT + right) / 2.0, height - 14, "middle", 12, xLabel);
    body.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"12\""
        + " transform=\"rotate(-90 16 %.1f)\">%s</text>%n", (TOP + bottom) / 2.0, (TOP + bottom) / 2.0,
        escape(yLabel)));
    return f;
  }

  private void legend(Frame f, List<String> names, List<String> colours) {
    int x = f.width - RIGHT + 12;
    for (int i = 0; i < names.size(); i++) {
      int y = TOP + 8 + i * 18;
      body.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"10\" fill=\"%s\"/>%n", x,
          y - 9, colours.get(i)));
      text(x + 20, y, "start", 11, names.get(i));
    }
  }

  private void text(double x, double y, String anchor, int size, String s) {
    body.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n",
        x, y, anchor, size, escape(s)));
  }

  static String interval(Estimate e) {
    return fixed(e.value()) + " [" + fixed(e.low()) + ", " + fixed(e.high()) + "]";
  }

  static String fixed(double v) {
    return String.format(Locale.ROOT, "%.3f", v);
  }

  static String tick(double v) {
    return Math.abs(v - Math.rint(v)) < 1e-9 ? String.format(Locale.ROOT, "%,d", (long) Math.rint(v))
        : String.format(Locale.ROOT, "%.2f", v);
  }

  /** A round number at or above v: 1, 2 or 5 times a power of ten (times 1.2 headroom, for tick labels). */
  static double niceCeiling(double v) {
    if (!(v > 0)) {
      return 1;
    }
    double p = Math.pow(10, Math.floor(Math.log10(v)));
    for (double m : new double[] {1, 2, 4, 5, 8, 10}) {
      if (m * p >= v) {
        return m * p;
      }
    }
    return 10 * p;
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
