package io.engagekit.cli;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.engagekit.scoring.Contribution;
import io.engagekit.scoring.EngagementEngine;
import io.engagekit.scoring.Score;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How {@code engagekit score} writes scores: a CSV for programs (full precision: each number the
 * shortest decimal that reads back to the same double), and an aligned table for people (scores to
 * two decimals, contributions and measures to four significant digits), both with a header row.
 */
final class ScoreTable {
  /** The CSV columns; {@code --explain} adds {@link #EXPLAIN_COLUMNS} before the label. */
  static final List<String> COLUMNS = List.of("customer", "strategy", "score", "label");
  /** The columns {@code --explain} adds to the CSV (the label stays last). */
  static final List<String> EXPLAIN_COLUMNS = List.of("contributions", "measures", "no_evidence");

  private ScoreTable() {}

  /** The CSV header. */
  static List<String> header(boolean explain) {
    if (!explain) {
      return COLUMNS;
    }
    List<String> h = new ArrayList<>(COLUMNS.subList(0, 3));
    h.addAll(EXPLAIN_COLUMNS);
    h.add("label");
    return h;
  }

  /** One CSV row; no evidence is an empty score (and, with --explain, the reason). */
  static void csv(CsvWriter csv, EngagementEngine.Ranked r, String strategy, boolean explain) {
    Score s = r.score();
    String score = s.hasEvidence() ? Double.toString(s.value()) : "";
    String label = s.label().orElse("");
    if (explain) {
      csv.writeRecord(r.customer(), strategy, score, contributions(s, false), measures(s, false),
          s.absence().orElse(""), label);
    } else {
      csv.writeRecord(r.customer(), strategy, score, label);
    }
  }

  /** The widths of the customer and strategy columns. */
  record Widths(int customer, int strategy) {
    static Widths of(List<String> customers, List<String> strategies) {
      int c = "customer".length();
      for (String id : customers) {
        c = Math.max(c, id.length());
      }
      int s = "strategy".length();
      for (String name : strategies) {
        s = Math.max(s, name.length());
      }
      return new Widths(c, s);
    }
  }

  /** The terminal table's header row. */
  static void header(PrintWriter out, Widths w, boolean explain) {
    out.println(row(w, "customer", "strategy", "score", explain ? pad("label", 24) + "  contributions  measures"
        : "label").stripTrailing());
  }

  /** One terminal row: the score to two decimals, or "-" and why there is no evidence. */
  static void row(PrintWriter out, Widths w, EngagementEngine.Ranked r, String strategy, boolean explain) {
    Score s = r.score();
    if (!s.hasEvidence()) {
      out.println(row(w, r.customer(), strategy, "-", "no evidence: " + s.absence().orElseThrow()));
      return;
    }
    String label = s.label().orElse("");
    String rest = explain ? pad(label, 24) + "  " + contributions(s, true)
        + (s.measures().isEmpty() ? "" : "  " + measures(s, true)) : label;
    out.println(row(w, r.customer(), strategy, String.format(Locale.ROOT, "%.2f", s.value()), rest).stripTrailing());
  }

  private static String row(Widths w, String customer, String strategy, String score, String rest) {
    return pad(customer, w.customer()) + "  " + pad(strategy, w.strategy()) + "  "
        + " ".repeat(Math.max(0, 7 - score.length())) + score + "  " + rest;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }

  /** name=value pairs joined by ';', full precision or (rounded) four significant digits. */
  static String contributions(Score score, boolean rounded) {
    StringBuilder sb = new StringBuilder();
    for (Contribution c : score.contributions()) {
      sb.append(sb.length() == 0 ? "" : ";").append(c.name()).append('=').append(number(c.value(), rounded));
    }
    return sb.toString();
  }

  static String measures(Score score, boolean rounded) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, Double> m : score.measures().entrySet()) {
      sb.append(sb.length() == 0 ? "" : ";").append(m.getKey()).append('=').append(number(m.getValue(), rounded));
    }
    return sb.toString();
  }

  /** Full precision, or four significant digits without trailing zeros (20, 0.5333, 1.235e+06). */
  static String number(double v, boolean rounded) {
    if (!rounded) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = String.format(Locale.ROOT, "%.4g", v);
    if (s.contains("e")) {
      return s;
    }
    return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
  }
}
