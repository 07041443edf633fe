package io.engagekit.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * A table for a terminal: a header row and rows, each column as wide as its widest cell, numbers
 * (and "-" for none) right-aligned, text left-aligned, two spaces between columns. Rows are held
 * until {@link #print}: for the small tables the commands print (channels, journey groups, alerts).
 */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... header) {
    rows.add(header);
  }

  void add(String... cells) {
    rows.add(cells);
  }

  void print(PrintWriter out) {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[columns];
    boolean[] numeric = new boolean[columns];
    java.util.Arrays.fill(numeric, true);
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      for (int c = 0; c < row.length; c++) {
        width[c] = Math.max(width[c], row[c].length());
        if (r > 0 && !row[c].equals("-") && !row[c].matches("[+-]?[\\d,]*\\.?\\d+(e[+-]?\\d+)?%?(/month| days quiet)?")) {
          numeric[c] = false;
        }
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < row.length; c++) {
        String cell = row[c];
        String pad = " ".repeat(width[c] - cell.length());
        line.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + cell : cell + (c == row.length - 1 ? "" : pad));
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
